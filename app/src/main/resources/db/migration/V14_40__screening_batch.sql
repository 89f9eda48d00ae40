-- Batch screening (issue 14): a file of names screened in the background. The batch is ONE entry of
-- the screening log (desk_screening, channel BATCH) with its rows and each row's candidates.
-- Numbered 14.40, after V14 (whose desk_screening it refers to), leaving 14.1-14.39 to other branches.

CREATE TABLE desk_batch (
    screening_id      bigint       PRIMARY KEY REFERENCES desk_screening (id),
    file_name         varchar(300) NOT NULL,
    state             varchar(10)  NOT NULL,   -- QUEUED, RUNNING, DONE, FAILED
    rows_total        integer      NOT NULL,
    rows_done         integer      NOT NULL,
    rows_with_hits    integer      NOT NULL,   -- rows with a candidate at or above the schema's threshold
    rows_with_candidates integer   NOT NULL,   -- rows with any candidate (near misses included)
    failure           varchar,                 -- why a FAILED batch failed
    heartbeat_at      timestamp    NOT NULL,   -- renewed while an instance holds the batch; a stale one is taken over
    finished_at       timestamp
);
CREATE INDEX desk_batch_unfinished ON desk_batch (state, heartbeat_at);

CREATE TABLE desk_batch_row (
    screening_id  bigint       NOT NULL REFERENCES desk_screening (id),
    row_no        integer      NOT NULL,       -- 1, 2, ... in the file's order
    location      varchar(200) NOT NULL,       -- e.g. invitees.csv line 3, or invitees.xlsx Sheet1 row 3
    row_id        varchar(200) NOT NULL,       -- the file's id column, or the row number
    name          varchar      NOT NULL,
    name_key      varchar      NOT NULL,       -- as desk_screening.name_key: the log is searched by it too
    schema_name   varchar(40),
    countries     varchar(200) NOT NULL,       -- alpha-2 codes separated by ';'
    birth_date    varchar(10),
    screened      boolean      NOT NULL,
    PRIMARY KEY (screening_id, row_no)
);
CREATE INDEX desk_batch_row_pending ON desk_batch_row (screening_id, screened, row_no);

CREATE TABLE desk_batch_candidate (
    screening_id  bigint       NOT NULL REFERENCES desk_screening (id),
    row_no        integer      NOT NULL,
    cand_rank     integer      NOT NULL,
    list_key      varchar(100) NOT NULL,
    source_id     varchar(200) NOT NULL,
    category      varchar(40),
    entity_name   varchar      NOT NULL,
    matched_name  varchar,
    score         double precision NOT NULL,
    is_match      boolean      NOT NULL,       -- score at or above the schema's calibrated threshold
    cleared       boolean      NOT NULL,       -- an earlier false positive (hit_clearance) covers it
    explanation   varchar,
    programs      varchar,                     -- separated by ';'
    listed_on     date,
    version_id    bigint       NOT NULL,
    content_sha   varchar(64)  NOT NULL,
    PRIMARY KEY (screening_id, row_no, cand_rank)
);
