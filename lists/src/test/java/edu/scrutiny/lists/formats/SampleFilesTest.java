package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small sample files of the official formats (the application's tests serve them as the
 * publishers would, for the catalogue of official sources): each is recognised as its format and
 * names its list, whatever it is called.
 */
class SampleFilesTest {

    @ParameterizedTest
    @CsvSource({
            "ofac-enhanced-xml/SDN_ENHANCED.XML, ofac-enhanced-xml, us_ofac_sdn, 0",
            "ofac-enhanced-xml/CONS_ENHANCED.XML, ofac-enhanced-xml, us_ofac_cons, 2",
            "csl-json/consolidated.json, csl-json, us_trade_csl, 0",
            "un-xml/consolidated.xml, un-xml, un_sc, 2",
            "eu-xml/eu-fsf-sample.xml, eu-xml, eu_fsf, 0",
            "uk-xml/uk-sanctions-list-sample.xml, uk-xml, gb_fcdo, 0"})
    void eachSampleIsItsFormatAndNamesItsList(String sample, String format, String listKey, int entries) throws IOException {
        Read read = ReaderTestSupport.read(ReaderTestSupport.sample(sample));
        assertThat(read.format().key()).isEqualTo(format);
        assertThat(read.listKey()).isEqualTo(listKey);
        assertThat(read.entries()).isNotEmpty();
        if (entries > 0) {
            assertThat(read.entries()).hasSize(entries);
        }
    }

    @Test
    void theUnSampleReadsAsThePublishedListDoes() throws IOException {
        Read un = ReaderTestSupport.read(ReaderTestSupport.sample("un-xml/consolidated.xml"));
        assertThat(un.format()).isEqualTo(ListFormat.UN_XML);
        ListEntry person = un.byId("KPi.901");
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.name()).isEqualTo("SAMPLE PERSON EXAMPLOV");
        assertThat(person.aliases()).containsExactly(Alias.strong("샘플 사람"), Alias.weak("Sample Exemplov"));
        assertThat(person.countries()).containsExactly("KP");
        assertThat(person.birthDates()).containsExactly("1964-03-15");
        assertThat(person.listedOn()).isEqualTo(LocalDate.of(2017, 6, 2));
        ListEntry entity = un.byId("KPe.901");
        assertThat(entity.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(entity.category()).isEqualTo(ListCategory.SANCTIONS);
        assertThat(entity.programs()).containsExactly("DPRK");
    }

    @Test
    void theConsolidatedSampleIsTheNonSdnList() throws IOException {
        Read cons = ReaderTestSupport.read(ReaderTestSupport.sample("ofac-enhanced-xml/CONS_ENHANCED.XML"));
        ListEntry e = cons.byId("93001");
        assertThat(e.name()).isEqualTo("SAMPLE AEROSPACE INSTRUMENTS CO., LTD.");
        assertThat(e.countries()).containsExactly("CN");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2021, 6, 3));
    }
}
