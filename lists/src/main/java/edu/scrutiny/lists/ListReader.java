package edu.scrutiny.lists;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one list format into {@link ListEntry}s.
 *
 * <p>Readers stream: they hand each entry to the sink as soon as it is complete, so memory stays
 * bounded by the largest entry (plus, for formats that spread an entry over several files, the
 * side tables of that format). Malformed input raises {@link ListFormatException} naming the
 * file, the line or element, and what was expected; nothing is skipped silently.
 */
public interface ListReader {

    ListFormat format();

    /**
     * Whether this reader recognises the source, judged from file names and first bytes only.
     * Must be cheap and must not throw on foreign files.
     */
    boolean recognises(ListSource source) throws IOException;

    /**
     * Reads every entry, in file order, into the sink.
     *
     * @return the list key and the number of entries read
     * @throws ListFormatException where the input breaks the format
     * @throws IOException         where the input cannot be read
     */
    ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException;

    /**
     * What a read produced.
     *
     * @param listKey the list key
     * @param entries entries handed to the sink
     * @param records source records read (rows, elements, lines); more than {@code entries} where a
     *                format spreads one party over several records and the reader merged them
     */
    record ReadSummary(String listKey, long entries, long records) {
        /** A read in which every record made one entry. */
        public ReadSummary(String listKey, long entries) {
            this(listKey, entries, entries);
        }
    }
}
