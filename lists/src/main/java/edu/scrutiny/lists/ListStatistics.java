package edu.scrutiny.lists;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts what a list holds as its entries stream past: entries by schema, names and aliases,
 * countries, programmes, and the range of listing dates. Constant memory in the number of
 * entries (bounded by the number of distinct countries and programmes).
 */
public final class ListStatistics implements Consumer<ListEntry> {
    private long entries;
    private long aliases;
    private long weakAliases;
    private long delisted;
    private final EnumMap<Schema, Long> bySchema = new EnumMap<>(Schema.class);
    private final Map<String, Long> byCountry = new HashMap<>();
    private final Map<String, Long> byProgram = new HashMap<>();
    private final EnumMap<ListCategory, Long> byCategory = new EnumMap<>(ListCategory.class);
    private LocalDate firstListed;
    private LocalDate lastListed;

    @Override
    public void accept(ListEntry e) {
        entries++;
        bySchema.merge(e.schema(), 1L, Long::sum);
        if (e.category() != null) {
            byCategory.merge(e.category(), 1L, Long::sum);
        }
        aliases += e.aliases().size();
        weakAliases += e.aliases().stream().filter(Alias::weak).count();
        for (String c : e.countries()) {
            byCountry.merge(c, 1L, Long::sum);
        }
        for (String p : e.programs()) {
            byProgram.merge(p, 1L, Long::sum);
        }
        if (e.listedOn() != null) {
            if (firstListed == null || e.listedOn().isBefore(firstListed)) {
                firstListed = e.listedOn();
            }
            if (lastListed == null || e.listedOn().isAfter(lastListed)) {
                lastListed = e.listedOn();
            }
        }
        if (e.delistedOn() != null) {
            delisted++;
        }
    }

    public long entries() {
        return entries;
    }

    /** Entries per schema, in schema order, only the schemata present. */
    public Map<Schema, Long> bySchema() {
        return new EnumMap<>(bySchema);
    }

    public Map<ListCategory, Long> byCategory() {
        return new EnumMap<>(byCategory);
    }

    /** Primary names plus aliases. */
    public long names() {
        return entries + aliases;
    }

    public long aliases() {
        return aliases;
    }

    public long weakAliases() {
        return weakAliases;
    }

    /** Entries that carry a delisting date. */
    public long delisted() {
        return delisted;
    }

    public LocalDate firstListed() {
        return firstListed;
    }

    public LocalDate lastListed() {
        return lastListed;
    }

    /** The n countries most listed, most first (ties alphabetically). */
    public Map<String, Long> topCountries(int n) {
        return top(byCountry, n);
    }

    /** The n programmes most listed, most first. */
    public Map<String, Long> topPrograms(int n) {
        return top(byProgram, n);
    }

    public int distinctCountries() {
        return byCountry.size();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
        Map<String, Long> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

}
