package edu.scrutiny.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The words people read for the keys of the data ({@code compliance_review} is "Compliance review",
 * {@code AUTO_CLEARED} "Auto-cleared"): the one place that maps a key to its label, read from
 * {@code support/labels.properties}. The web pages ({@code ${words.of(value)}}) and the printed reports
 * (the dossier and the certificate) both write with it, which is why it lives here rather than in the
 * web module (reporting cannot depend on web: web depends on reporting). Values submitted by forms and
 * everything the API answers keep their keys.
 */
public final class Labels {
    static final String RESOURCE = "/support/labels.properties";
    private static final Labels INSTANCE = load();

    private final Properties labels;

    private Labels(Properties labels) {
        this.labels = labels;
    }

    /** The labels (one bundle, read once). */
    public static Labels words() {
        return INSTANCE;
    }

    private static Labels load() {
        Properties p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Labels(p);
    }

    /** The label of an enum constant or a key ({@code ""} for null). */
    public String of(Object value) {
        if (value == null) {
            return "";
        }
        String key = key(value);
        String label = labels.getProperty(key);
        return label != null ? label : fallback(key);
    }

    /** The labels of several values, joined with commas. */
    public String all(Collection<?> values) {
        return joined(values, ", ");
    }

    /** The labels of several values, joined with {@code separator} (a case's route: "Compliance review → Faculty committee"). */
    public String joined(Collection<?> values, String separator) {
        return values == null ? "" : values.stream().map(this::of).collect(Collectors.joining(separator));
    }

    /** Labelled keys with their values, as a policy rule's dimension scores: "Sanctions 0.9, Export control 0.5". */
    public String scores(Map<?, ?> values) {
        return values == null ? "" : values.entrySet().stream().map(e -> of(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static final java.util.regex.Pattern KEY_IN_TEXT = java.util.regex.Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

    /**
     * A sentence written by another module with keys in it ("... entered stage compliance_review",
     * "... on us_bis_entity_list (export_control)"): each key this bundle has a label for is written
     * as its label, in lower case inside the sentence unless the label is an acronym; anything else is
     * left as it is (list keys, which are names).
     */
    public String sentence(String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher m = KEY_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = labels.getProperty(m.group());
            String word = label == null ? m.group()
                    : label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                    : Character.toLowerCase(label.charAt(0)) + label.substring(1);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The label written for this key, if the bundle has one (for the test that every key shown has its line). */
    Optional<String> defined(Object value) {
        return Optional.ofNullable(labels.getProperty(key(value)));
    }

    private static String key(Object value) {
        String raw = value instanceof Enum<?> e ? e.name() : value.toString();
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    /** A key the bundle lacks is still shown as words rather than as a key: spaces, the first letter capitalised. */
    private static String fallback(String key) {
        String words = key.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
