package edu.scrutiny.app.reporting;

import edu.scrutiny.app.support.InvalidInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The filters of an export, by name as the pages and the API take them ({@code tier=ELEVATED},
 * {@code from=2024-01-01}). Every name and value is checked: an unknown filter or a bad value is
 * {@link InvalidInput} naming it, never silently ignored (an auditor must get what they asked for).
 */
public final class ExportFilters {
    private final String source;
    private final Map<String, String> values;

    private ExportFilters(String source, Map<String, String> values) {
        this.source = source;
        this.values = values;
    }

    /** Filters given as name to value; blank values count as absent. */
    public static ExportFilters of(String source, Map<String, String> given) {
        Map<String, String> v = new TreeMap<>();
        given.forEach((k, x) -> {
            if (x != null && !x.isBlank()) {
                v.put(k, x.trim());
            }
        });
        return new ExportFilters(source, v);
    }

    public static ExportFilters none(String source) {
        return new ExportFilters(source, Map.of());
    }

    /** Refuses any filter the export does not know. */
    ExportFilters allow(Set<String> known) {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new InvalidInput(source, k, "not a filter of this export; its filters are "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return this;
    }

    String text(String name) {
        return values.get(name);
    }

    LocalDate date(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(source, name, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    Boolean bool(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(source, name, "'" + v + "' is not true or false");
        };
    }

    /** A value that must be one of an enum's constants, named as the API writes them (lower or upper case). */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new InvalidInput(source, name, "'" + v + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
