package edu.scrutiny.app.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.audit.internal.AuditHash;
import edu.scrutiny.app.support.Documents;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.util.RawValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of the audit trail, as stored.
 *
 * @param seq        its place in the chain: 1, 2, 3...
 * @param recordedAt when it was appended (UTC, to the microsecond)
 * @param actor      who: a user name, {@code system}, {@code command line} or {@code api}
 * @param action     what, e.g. {@code engagement.submitted}, {@code policy.updated}
 * @param objectType the kind of object acted on, e.g. {@code engagement}, {@code list}, or null
 * @param objectId   the object's id, e.g. {@code ENG-000001}, or null
 * @param before     the object before, as JSON text, or null
 * @param after      the object after, as JSON text, or null
 * @param prevHash   the previous record's hash (64 zeros for the first)
 * @param hash       SHA-256 (lower-case hex) of this record's content chained with {@code prevHash}
 */
public record AuditRecord(long seq,
                          @JsonProperty("recorded_at") Instant recordedAt,
                          String actor,
                          String action,
                          @JsonProperty("object_type") String objectType,
                          @JsonProperty("object_id") String objectId,
                          String before,
                          String after,
                          @JsonProperty("prev_hash") String prevHash,
                          String hash) {

    /** The hash this record's content and {@code prevHash} should have (the README gives the construction). */
    public String computedHash() {
        return AuditHash.of(seq, recordedAt, actor, action, objectType, objectId, before, after, prevHash);
    }

    /**
     * The record as one line of JSON (no line break): seq, recorded_at, actor, action, object_type,
     * object_id, before, after, prev_hash, hash. {@code before} and {@code after} are JSON values,
     * their stored text written verbatim, so that the bytes the hash covers are the bytes in the line;
     * text that is not one line of valid JSON (only a tampered record holds such) is written as a
     * JSON string instead.
     */
    public String toJsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("recorded_at", AuditHash.instant(recordedAt));
        line.put("actor", actor);
        line.put("action", action);
        line.put("object_type", objectType);
        line.put("object_id", objectId);
        line.put("before", document(before));
        line.put("after", document(after));
        line.put("prev_hash", prevHash);
        line.put("hash", hash);
        return Documents.JSON.writeValueAsString(line);
    }

    private static Object document(String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            try {
                Documents.JSON.readTree(text);
                return new RawValue(text);
            } catch (JacksonException e) {
                // not JSON: fall through and show the text as it is
            }
        }
        return text;
    }
}
