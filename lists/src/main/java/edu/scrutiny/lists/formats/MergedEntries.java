package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Schema;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One entry per listed party for formats that spread a party over several rows, not necessarily
 * adjacent: the CSL repeats an OFAC entry once per Treasury sub-list it is on, and the Denied
 * Persons List gives one row per denial order and address.
 *
 * <p>The rows are read twice. The first pass counts the rows of each source id (and, as every
 * row is mapped, checks the whole file: a broken file yields no entry at all). The second pass
 * hands a party with one row to the sink at once, and holds the rows of a party with several
 * only until its last row, where the merged entry is handed on. Memory is the id counts plus
 * the parties still open.
 */
final class MergedEntries {

    /** Maps every row of the file to an entry, in file order; called twice. */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<ListEntry> row) throws IOException;
    }

    private MergedEntries() {
    }

    /**
     * Reads the rows, merging those of one source id, into the sink.
     *
     * @param where the file, for the message when it changes between the passes
     * @return the entries handed to the sink and the rows read
     */
    static Counts read(Rows rows, Consumer<ListEntry> sink, String where) throws IOException {
        Map<String, Integer> rowsLeft = new HashMap<>();
        rows.each(e -> rowsLeft.merge(e.sourceId(), 1, Integer::sum));
        long rowCount = rowsLeft.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, ListEntry> open = new HashMap<>();
        long[] entries = {0};
        rows.each(e -> {
            String id = e.sourceId();
            Integer left = rowsLeft.remove(id);
            if (left == null) {
                throw changed(where);
            }
            ListEntry party = open.containsKey(id) ? merge(open.remove(id), e) : e;
            if (left == 1) {
                sink.accept(party);
                entries[0]++;
            } else {
                open.put(id, party);
                rowsLeft.put(id, left - 1);
            }
        });
        if (!rowsLeft.isEmpty()) {
            throw changed(where);
        }
        return new Counts(entries[0], rowCount);
    }

    /** Entries made, and rows they were made from. */
    record Counts(long entries, long rows) {
    }

    /**
     * The party of two rows: the first row's name stays primary and a different name of the
     * later row becomes a strong alias; collections are united; the entry is listed from the
     * earliest listing and ends with the latest end (not at all if a row has none); the most
     * severe category counts (sanctions, then denial, then export control); a specific schema
     * wins over LegalEntity; remarks of the later row are added where they say something new.
     */
    static ListEntry merge(ListEntry first, ListEntry next) {
        ListEntry.Builder m = first.toBuilder();
        if (first.schema() == Schema.LEGAL_ENTITY) {
            m.schema(next.schema());
        }
        if (rank(next.category()) < rank(first.category())) {
            m.category(next.category());
        }
        m.alias(next.name());
        next.aliases().forEach(m::alias);
        next.countries().forEach(m::country);
        next.addresses().forEach(m::address);
        next.identifiers().forEach(m::identifier);
        next.birthDates().forEach(m::birthDate);
        next.programs().forEach(m::program);
        next.owners().forEach(m::owner);
        m.listedOn(earliest(first.listedOn(), next.listedOn()));
        m.delistedOn(first.delistedOn() == null || next.delistedOn() == null ? null
                : latest(first.delistedOn(), next.delistedOn()));
        if (next.remarks() != null) {
            Set<String> known = first.remarks() == null ? Set.of() : new HashSet<>(Arrays.asList(first.remarks().split("\n\n")));
            for (String paragraph : next.remarks().split("\n\n")) {
                if (!known.contains(paragraph)) {
                    m.remarks(paragraph);
                }
            }
        }
        if (first.sourceUrl() == null) {
            m.sourceUrl(next.sourceUrl());
        }
        return m.build();
    }

    private static int rank(ListCategory category) {
        return category == null ? Integer.MAX_VALUE : category.ordinal();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static ListFormatException changed(String where) {
        return new ListFormatException(where, "the file changed while it was being read; read it again");
    }
}
