package edu.scrutiny.lists;

import edu.scrutiny.lists.formats.BisDplReader;
import edu.scrutiny.lists.formats.BisMieuCsvReader;
import edu.scrutiny.lists.formats.CslCsvReader;
import edu.scrutiny.lists.formats.CslJsonReader;
import edu.scrutiny.lists.formats.EuXmlReader;
import edu.scrutiny.lists.formats.FtmJsonReader;
import edu.scrutiny.lists.formats.FtmNestedJsonReader;
import edu.scrutiny.lists.formats.OfacCsvReader;
import edu.scrutiny.lists.formats.OfacEnhancedXmlReader;
import edu.scrutiny.lists.formats.OfacXmlReader;
import edu.scrutiny.lists.formats.ScrutinyCsvReader;
import edu.scrutiny.lists.formats.Section1260hCsvReader;
import edu.scrutiny.lists.formats.Section1286CsvReader;
import edu.scrutiny.lists.formats.UkXmlReader;
import edu.scrutiny.lists.formats.UnXmlReader;

import java.util.List;

/**
 * Every reader, in the order discovery tries them: file sets first, then the formats with the
 * most specific signatures (XML root elements, JSON shapes), then CSV layouts recognised by their
 * exact headers, and Scrutiny CSV, recognised by its first two columns, last.
 */
public final class ListReaders {
    private ListReaders() {
    }

    public static List<ListReader> all() {
        return List.of(
                new OfacCsvReader(),
                new OfacEnhancedXmlReader(),
                new OfacXmlReader(),
                new UnXmlReader(),
                new EuXmlReader(),
                new UkXmlReader(),
                new CslJsonReader(),
                new FtmNestedJsonReader(),
                new FtmJsonReader(),
                new CslCsvReader(),
                new BisDplReader(),
                new Section1286CsvReader(),
                new Section1260hCsvReader(),
                new BisMieuCsvReader(),
                new ScrutinyCsvReader()
        );
    }
}
