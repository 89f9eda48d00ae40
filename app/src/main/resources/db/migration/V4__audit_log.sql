-- The audit trail (module edu.scrutiny.app.audit; the README's "audit verify" section describes it).
-- Append-only: Scrutiny inserts into audit_log and never updates or deletes a row. Each record holds
-- the SHA-256 of its own content chained with the previous record's hash, so that
-- `scrutiny audit verify` finds any record altered, removed or reordered.

-- One record per audited action, in chain order. seq is assigned by the append itself (the last
-- seq + 1, read under the lock on audit_head), not by an identity column: the hash covers seq, so
-- it must be known before the row is written, and a row is never updated afterwards.
-- recorded_at is UTC, to the microsecond.
CREATE TABLE audit_log (
    seq          bigint    PRIMARY KEY,
    recorded_at  timestamp NOT NULL,
    actor        varchar   NOT NULL,
    action       varchar   NOT NULL,
    object_type  varchar,
    object_id    varchar,
    before_doc   varchar,
    after_doc    varchar,
    prev_hash    char(64)  NOT NULL,
    hash         char(64)  NOT NULL
);
CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id, seq);

-- The head of the chain, one row: every append locks it (SELECT ... FOR UPDATE) in its transaction,
-- so that appends from any number of application instances take turns and the chain never forks.
-- It also records the last record appended, so that verify notices records removed from the end.
CREATE TABLE audit_head (
    id         integer  PRIMARY KEY,
    last_seq   bigint   NOT NULL,
    last_hash  char(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
