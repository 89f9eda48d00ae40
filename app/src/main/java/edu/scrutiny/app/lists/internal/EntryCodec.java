package edu.scrutiny.app.lists.internal;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A list entry as stored: its JSON, and the SHA-256 of that JSON (its content hash). */
public final class EntryCodec {
    private EntryCodec() {
    }

    public static String toJson(ListEntry entry) {
        return Documents.toJson(entry);
    }

    public static ListEntry fromJson(String json) {
        return Documents.JSON.readValue(json, ListEntry.class);
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
