package edu.scrutiny.lists;

import edu.scrutiny.lists.formats.BisMieuCsvReader;
import edu.scrutiny.lists.formats.FtmJsonReader;
import edu.scrutiny.lists.formats.FtmNestedJsonReader;
import edu.scrutiny.lists.formats.Section1260hCsvReader;
import edu.scrutiny.lists.formats.Section1286CsvReader;

import java.util.List;

/**
 * Every reader, in the order discovery tries them: file sets first, then the formats with the
 * most specific signatures, and generic CSV layouts last.
 */
public final class ListReaders {
    private ListReaders() {
    }

    public static List<ListReader> all() {
        return List.of(
                new FtmNestedJsonReader(),
                new FtmJsonReader(),
                new Section1286CsvReader(),
                new Section1260hCsvReader(),
                new BisMieuCsvReader()
        );
    }
}
