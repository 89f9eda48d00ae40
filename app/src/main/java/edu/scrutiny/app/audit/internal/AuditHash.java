package edu.scrutiny.app.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit record. The record's fields are each encoded as a netstring, the length of
 * the field's UTF-8 bytes in decimal, a colon, the bytes and a comma ({@code 5:actor,}), a null
 * field as {@code -1:,}; in this order: seq (decimal), recorded_at ({@code
 * yyyy-MM-ddTHH:mm:ss.SSSSSSZ}, UTC, always six fraction digits), actor, action, object_type,
 * object_id, before, after (their stored JSON text). The previous record's hash (64 lower-case hex
 * digits; 64 zeros for the first record) follows, and the hash is the SHA-256 of those bytes in
 * lower-case hex. Netstrings make the encoding unambiguous: no two different records encode alike.
 */
public final class AuditHash {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    public static String of(long seq, Instant recordedAt, String actor, String action, String objectType,
                            String objectId, String before, String after, String prevHash) {
        StringBuilder sb = new StringBuilder();
        field(sb, Long.toString(seq));
        field(sb, instant(recordedAt));
        field(sb, actor);
        field(sb, action);
        field(sb, objectType);
        field(sb, objectId);
        field(sb, before);
        field(sb, after);
        sb.append(prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** An instant as the hash and the export write it: UTC, to the microsecond, always six fraction digits. */
    public static String instant(Instant instant) {
        return INSTANT.format(truncate(instant));
    }

    /** An instant to the precision both databases keep (microseconds). */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:,");
            return;
        }
        sb.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
    }
}
