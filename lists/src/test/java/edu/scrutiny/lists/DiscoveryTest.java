package edu.scrutiny.lists;

import edu.scrutiny.lists.formats.ScrutinyCsvReader;
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

class DiscoveryTest {
    private static final String CSV = ScrutinyCsvReader.HEADER + "\na,Alpha Corp,,,,,,,,,,\nb,Beta Ltd,,,,,,,,,,\n";

    @TempDir
    Path dir;

    @Test
    void missingPath() {
        assertThatThrownBy(() -> Lists.standard().discover(dir.resolve("nope.csv")))
                .isInstanceOf(ListFormatException.class).hasMessageEndingWith("nope.csv: no such file or directory");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.csv"));
        assertThatThrownBy(() -> Lists.standard().discover(f))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("empty.csv: empty file");
    }

    @Test
    void fileInNoKnownFormat() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "shopping list\neggs\n");
        assertThatThrownBy(() -> Lists.standard().discover(f))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("notes.txt: not a list format Scrutiny reads (it begins \"shopping list\")")
                .hasMessageContaining("Scrutiny CSV");
    }

    @Test
    void binaryFile() throws IOException {
        Path f = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        assertThatThrownBy(() -> Lists.standard().discover(f))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("image.png: a binary file, not a list");
    }

    @Test
    void directoryHoldingNoList() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# lists go here\n");
        assertThatThrownBy(() -> Lists.standard().discover(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("directory holds no list in a format Scrutiny reads (looked at: README.md)");
    }

    @Test
    void emptyDirectory() {
        assertThatThrownBy(() -> Lists.standard().discover(dir))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("(it is empty)");
    }

    @Test
    void directoryFindsListsAndPassesOverOtherFiles() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# lists\n");
        Files.writeString(dir.resolve("watch.csv"), CSV);
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/other.csv"), CSV);
        Lists.Discovery d = Lists.standard().discover(dir);
        assertThat(d.lists()).extracting(l -> l.source().single().name()).containsExactlyInAnyOrder("watch.csv", "other.csv");
        assertThat(d.skipped()).singleElement().asString().endsWith("README.md");
    }

    @Test
    void zippedListIsReadAndHashedAsTheArchive() throws IOException {
        Path zip = dir.resolve("watch.zip");
        zip(zip, "watch.csv", CSV.getBytes(StandardCharsets.UTF_8));
        DetectedList list = Lists.standard().detectOne(zip);
        List<ListEntry> entries = new ArrayList<>();
        ListReader.ReadSummary s = list.read(entries::add);
        assertThat(s.listKey()).isEqualTo("watch");
        assertThat(entries).extracting(ListEntry::name).containsExactly("Alpha Corp", "Beta Ltd");
        assertThat(list.source().single().location()).endsWith("watch.zip!/watch.csv");

        Path plain = Files.writeString(dir.resolve("watch.csv"), CSV);
        assertThat(list.source().sha256()).as("hash of the archive's bytes, not of the entry")
                .isNotEqualTo(ListSource.ofFile(plain).sha256());
        assertThat(ListSource.ofFile(plain).sha256()).isEqualTo(sha256(Files.readAllBytes(plain)));
    }

    @Test
    void zipBombIsRefusedWhileInflating() throws IOException {
        // a 10 MB remark of one repeated letter compresses to a few kilobytes; the limit is 1 MB
        StringBuilder sb = new StringBuilder(ScrutinyCsvReader.HEADER).append("\na,Alpha,,,,,,,,,,");
        sb.append("A".repeat(10_000_000)).append('\n');
        Path zip = dir.resolve("bomb.zip");
        zip(zip, "bomb.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(Files.size(zip)).isLessThan(1_000_000);
        Lists lists = new Lists(ListReaders.all(), new ZipGuard(10, 1_000_000));
        DetectedList list = lists.detectOne(zip);
        List<ListEntry> entries = new ArrayList<>();
        assertThatThrownBy(() -> list.read(entries::add))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("bomb.zip!/bomb.csv")
                .hasMessageContaining("inflates to more than 1000000 bytes");
    }

    @Test
    void zipWithTooManyEntriesIsRefused() throws IOException {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 20; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".csv"));
                out.write(CSV.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Lists lists = new Lists(ListReaders.all(), new ZipGuard(10, 1_000_000));
        assertThatThrownBy(() -> lists.discover(zip)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("many.zip: zip archive has 20 entries; at most 10");
    }

    @Test
    void corruptZipIsNamed() throws IOException {
        Path zip = dir.resolve("broken.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> Lists.standard().discover(zip)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("broken.zip: not a readable zip archive");
    }

    @Test
    void exactlyOneListIsRequiredWhereOneIsExpected() throws IOException {
        Files.writeString(dir.resolve("a.csv"), CSV);
        Files.writeString(dir.resolve("b.csv"), CSV);
        assertThatThrownBy(() -> Lists.standard().detectOne(dir)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("holds 2 lists; expected exactly one");
    }

    private static void zip(Path zip, String name, byte[] content) throws IOException {
        try (OutputStream fos = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(fos)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
