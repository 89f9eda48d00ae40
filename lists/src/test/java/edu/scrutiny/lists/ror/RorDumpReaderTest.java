package edu.scrutiny.lists.ror;

import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.internal.ZipGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ROR v2 dump reader, on small dumps written by the registry's schema v2 (ror-community/ror-schema, ror_schema_v2_1.json). */
class RorDumpReaderTest {
    /** Two records as the registry publishes them: a university and its predecessor, with labels, aliases, acronyms and links. */
    static final String DUMP = """
            [
              {
                "admin": {"created": {"date": "2020-04-25", "schema_version": "1.0"},
                          "last_modified": {"date": "2024-03-01", "schema_version": "2.0"}},
                "domains": ["npudt.edu.cn"],
                "established": 1953,
                "external_ids": [{"type": "grid", "all": ["grid.1234.5"], "preferred": "grid.1234.5"}],
                "id": "https://ror.org/05abcde12",
                "links": [{"type": "website", "value": "https://www.npudt.edu.cn"}],
                "locations": [{"geonames_id": 2038349,
                               "geonames_details": {"continent_code": "AS", "continent_name": "Asia", "country_code": "CN",
                                                    "country_name": "China", "name": "Changsha", "lat": 28.2, "lng": 112.9}}],
                "names": [
                  {"value": "Northern Polytechnical University of Defence Technology", "types": ["ror_display", "label"], "lang": "en"},
                  {"value": "北方国防科技工业大学", "types": ["label"], "lang": "zh"},
                  {"value": "NPUDT", "types": ["acronym"], "lang": null}
                ],
                "relationships": [
                  {"id": "https://ror.org/01zzzzz99", "label": "Binhai Institute of Military Engineering", "type": "predecessor"},
                  {"id": "https://ror.org/02pppppp0", "label": "Ministry of Defence Industry", "type": "parent"}
                ],
                "status": "active",
                "types": ["education"]
              },
              {
                "admin": {"created": {"date": "2020-04-25", "schema_version": "1.0"},
                          "last_modified": {"date": "2024-03-01", "schema_version": "2.0"}},
                "id": "https://ror.org/01zzzzz99",
                "locations": [{"geonames_id": 1,
                               "geonames_details": {"country_code": "CN", "name": "Tianjin"}}],
                "names": [{"value": "Binhai Institute of Military Engineering", "types": ["ror_display", "label"], "lang": "en"},
                          {"value": "Binhai Military Engineering College", "types": ["alias"]}],
                "relationships": [{"id": "https://ror.org/05abcde12", "label": "Northern Polytechnical University of Defence Technology",
                                   "type": "successor"}],
                "status": "inactive",
                "types": ["education"]
              }
            ]
            """;

    @TempDir
    Path dir;

    private final RorDumpReader reader = RorDumpReader.standard();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private List<RorRecord> read(Path p) throws IOException {
        List<RorRecord> out = new ArrayList<>();
        RorDumpReader.Summary summary = reader.read(p, out::add);
        assertThat(summary.records()).isEqualTo(out.size());
        return out;
    }

    @Test
    void readsEveryFieldScreeningAndThePageUse() throws IOException {
        List<RorRecord> records = read(write("v1.58-2024-12-11-ror-data_schema_v2.json", DUMP));
        assertThat(records).hasSize(2);
        RorRecord u = records.get(0);
        assertThat(u.id()).isEqualTo("https://ror.org/05abcde12");
        assertThat(u.shortId()).isEqualTo("05abcde12");
        assertThat(u.displayName()).isEqualTo("Northern Polytechnical University of Defence Technology");
        assertThat(u.names()).extracting(RorRecord.Name::value).containsExactly(
                "Northern Polytechnical University of Defence Technology", "北方国防科技工业大学", "NPUDT");
        assertThat(u.names().get(1).lang()).isEqualTo("zh");
        assertThat(u.names().get(1).kind()).isEqualTo("label");
        assertThat(u.names().get(2).kind()).isEqualTo("acronym");
        assertThat(u.countries()).containsExactly("CN");
        assertThat(u.related("predecessor")).extracting(RorRecord.Relationship::id).containsExactly("https://ror.org/01zzzzz99");
        assertThat(u.related("parent")).extracting(RorRecord.Relationship::label).containsExactly("Ministry of Defence Industry");
        assertThat(u.status()).isEqualTo("active");
        assertThat(u.types()).containsExactly("education");
        assertThat(u.links()).containsExactly("https://www.npudt.edu.cn");
        assertThat(u.established()).isEqualTo(1953);
        assertThat(records.get(1).status()).isEqualTo("inactive");
        assertThat(records.get(1).active()).isFalse();
        assertThat(records.get(1).established()).isNull();
    }

    @Test
    void readsThePublishedZipByItsSchemaV2Entry() throws IOException {
        Path zip = dir.resolve("v1.58-2024-12-11-ror-data.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "v1.58-2024-12-11-ror-data.json", "[{\"id\": \"https://ror.org/05abcde12\", \"name\": \"v1 record\"}]");
            entry(out, "v1.58-2024-12-11-ror-data.csv", "id,name\n");
            entry(out, "v1.58-2024-12-11-ror-data_schema_v2.json", DUMP);
        }
        List<RorRecord> out = new ArrayList<>();
        RorDumpReader.Summary summary = reader.read(zip, out::add);
        assertThat(out).hasSize(2);
        assertThat(summary.location()).endsWith("v1.58-2024-12-11-ror-data.zip!/v1.58-2024-12-11-ror-data_schema_v2.json");
        assertThat(summary.sha256()).hasSize(64);
    }

    @Test
    void aFileThatIsNotARorDumpIsNamed() throws IOException {
        Path csv = write("entity_list.csv", "name,country\nHuawei,CN\n");
        assertThatThrownBy(() -> read(csv)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("entity_list.csv").hasMessageContaining("not a ROR data dump");
        Path object = write("search.json", "{\"number_of_results\": 1, \"items\": []}");
        assertThatThrownBy(() -> read(object)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("search.json line 1").hasMessageContaining("expected a JSON array of organization records, found a JSON object");
        Path v1 = write("v1.json", "[{\"id\": \"https://ror.org/05abcde12\", \"name\": \"Old Style\", \"aliases\": []}]");
        assertThatThrownBy(() -> read(v1)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("v1.json record 1").hasMessageContaining("https://ror.org/05abcde12")
                .hasMessageContaining("schema v1 record");
        Path empty = write("empty.json", "[]");
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("empty.json: holds no organization records");
    }

    @Test
    void aRecordWithoutNamesIsNamedByFileRecordAndId() throws IOException {
        String second = DUMP.replaceFirst("(?s)\"names\": \\[\\{\"value\": \"Binhai.*?\\}\\],", "\"names\": [],");
        assertThat(second).isNotEqualTo(DUMP);
        Path p = write("nameless.json", second);
        assertThatThrownBy(() -> read(p)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("nameless.json record 2 (line ").hasMessageContaining("https://ror.org/01zzzzz99")
                .hasMessageContaining("has no names");
    }

    @Test
    void badIdsStatusesAndRepeatsAreNamed() throws IOException {
        Path badId = write("bad-id.json", DUMP.replace("\"id\": \"https://ror.org/01zzzzz99\",", "\"id\": \"01zzzzz99\","));
        assertThatThrownBy(() -> read(badId)).hasMessageContaining("bad-id.json record 2").hasMessageContaining("'01zzzzz99' is not a ROR id");
        Path badStatus = write("bad-status.json", DUMP.replace("\"status\": \"inactive\"", "\"status\": \"closed\""));
        assertThatThrownBy(() -> read(badStatus)).hasMessageContaining("record 2").hasMessageContaining("'closed' is not one of active, inactive, withdrawn");
        Path twice = write("twice.json", DUMP.replace("\"id\": \"https://ror.org/01zzzzz99\",", "\"id\": \"https://ror.org/05abcde12\","));
        assertThatThrownBy(() -> read(twice)).hasMessageContaining("twice.json record 2").hasMessageContaining("appears twice (first at record 1)");
    }

    @Test
    void aTruncatedDumpOrZipIsRefused() throws IOException {
        Path cut = write("cut.json", DUMP.substring(0, DUMP.length() / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("cut.json").hasMessageContaining("is the file complete?");
        Path zip = dir.resolve("ror.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "ror-data_schema_v2.json", DUMP.repeat(1));
        }
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("truncated.zip").hasMessageContaining("not a readable zip archive");
    }

    @Test
    void aZipBombIsStoppedByTheGuard() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "ror-data_schema_v2.json", DUMP);
        }
        RorDumpReader small = new RorDumpReader(new ZipGuard(10, 1_000));
        assertThatThrownBy(() -> small.read(zip, r -> { })).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("possible zip bomb");
    }

    @Test
    void idsAreAcceptedAsPeopleWriteThem() {
        assertThat(RorRecord.canonicalId("05abcde12")).contains("https://ror.org/05abcde12");
        assertThat(RorRecord.canonicalId("ror.org/05ABCDE12")).contains("https://ror.org/05abcde12");
        assertThat(RorRecord.canonicalId("https://ror.org/05abcde12")).contains("https://ror.org/05abcde12");
        assertThat(RorRecord.canonicalId("15abcde12")).isEmpty();
        assertThat(RorRecord.canonicalId("https://example.org/05abcde12")).isEmpty();
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
