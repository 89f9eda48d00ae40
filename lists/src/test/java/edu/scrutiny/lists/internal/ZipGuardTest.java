package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zip bombs made up here: many entries each under the entry limit, which together pass the total;
 * and an entry whose headers declare a small size but which inflates to far more.
 */
class ZipGuardTest {
    @TempDir
    Path tmp;

    @Test
    void anArchiveWhoseEntriesTogetherPassTheTotalIsRefusedBeforeAnythingIsInflated() throws IOException {
        // eight entries of 900 bytes: each under the 1,000-byte entry limit, 7,200 in all over the 5,000 total
        Path bomb = zip("many.zip", 8, 900);
        ZipGuard guard = new ZipGuard(100, 1_000, 5_000);

        assertThatThrownBy(() -> guard.entryNames(bomb))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(bomb.toString())
                .hasMessageContaining("more than 5000 bytes in all")
                .hasMessageContaining("zip bomb");
        assertThatThrownBy(() -> guard.open(bomb, "part-0.csv"))
                .as("opening one entry checks the archive too")
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("more than 5000 bytes in all");
    }

    @Test
    void anArchiveUnderTheTotalIsReadWhole() throws IOException {
        Path fine = zip("few.zip", 5, 900);
        ZipGuard guard = new ZipGuard(100, 1_000, 5_000);

        assertThat(guard.entryNames(fine)).hasSize(5);
        try (InputStream in = guard.open(fine, "part-4.csv")) {
            assertThat(in.readAllBytes()).hasSize(900);
        }
    }

    @Test
    void anEntryThatInflatesPastWhatItsHeadersDeclareIsRefused() throws IOException {
        // one entry of 100,000 zero bytes whose headers claim 100: the directory's total says 100, under every limit
        Path bomb = zip("liar.zip", 1, 100_000);
        declareSize(bomb, 100);
        ZipGuard guard = new ZipGuard(10, 1_000_000, 5_000);

        assertThat(guard.entryNames(bomb)).containsExactly("part-0.csv");
        assertThatThrownBy(() -> {
            try (InputStream in = guard.open(bomb, "part-0.csv")) {
                in.readAllBytes();
            }
        }).isInstanceOf(ListFormatException.class)
                .hasMessageContaining(bomb + "!/part-0.csv")
                .hasMessageContaining("past the 100 bytes its header declares");
    }

    /** {@code entries} entries named part-N.csv of {@code size} bytes each (zeros: they compress to almost nothing). */
    private Path zip(String name, int entries, int size) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("part-" + i + ".csv"));
                out.write(new byte[size]);
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * Rewrites the uncompressed size every header of the archive gives (the central directory's, the
     * data descriptor's), as a zip bomb's maker does.
     */
    private static void declareSize(Path zip, int size) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.limit(); i++) {
            int signature = b.getInt(i);
            if (signature == 0x02014b50) { // central directory file header: uncompressed size at +24
                b.putInt(i + 24, size);
            } else if (signature == 0x04034b50) { // local file header: uncompressed size at +22 (0 with a data descriptor)
                if (b.getInt(i + 22) != 0) {
                    b.putInt(i + 22, size);
                }
            } else if (signature == 0x08074b50) { // data descriptor: signature, crc, compressed, uncompressed
                b.putInt(i + 12, size);
            }
        }
        Files.write(zip, b.array());
    }
}
