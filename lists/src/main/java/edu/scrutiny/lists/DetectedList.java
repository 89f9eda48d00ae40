package edu.scrutiny.lists;

import java.io.IOException;
import java.util.function.Consumer;

/** A list source whose format has been recognised, ready to read. */
public record DetectedList(ListSource source, ListReader reader) {

    public ListFormat format() {
        return reader.format();
    }

    /** Streams every entry into the sink; see {@link ListReader#read}. */
    public ListReader.ReadSummary read(Consumer<ListEntry> sink) throws IOException {
        return reader.read(source, sink);
    }
}
