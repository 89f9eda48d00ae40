package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.ListEntry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic OpenSanctions FollowTheMoney file ({@code entities.ftm.json} layout, JSON
 * lines) of N entities recombined from the real names under a lists directory.
 *
 * <pre>FtmGenerator LISTS_DIR OUT_FILE N [SEED]</pre>
 */
public final class FtmGenerator {
    private FtmGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: FtmGenerator LISTS_DIR OUT_FILE N [SEED]");
            System.exit(2);
        }
        Path lists = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long n = Long.parseLong(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        NamePool pool = NamePool.from(lists);
        SyntheticList synthetic = new SyntheticList(pool);
        long start = System.nanoTime();
        JsonMapper mapper = JsonMapper.builder().build();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            synthetic.generate("synthetic", n, seed, e -> writeLine(mapper, os, e));
        }
        System.err.printf(Locale.ROOT, "wrote %,d entities (%.0f%% persons, %.0f%% non-Latin names) to %s: %,d bytes in %.1f s%n",
                n, 100 * synthetic.personShare(), 100 * synthetic.nonLatinShare(), out, Files.size(out),
                (System.nanoTime() - start) / 1e9);
    }

    private static void writeLine(JsonMapper mapper, OutputStream os, ListEntry e) {
        try (JsonGenerator g = mapper.createGenerator(new NonClosing(os))) {
            g.writeStartObject();
            g.writeStringProperty("id", e.sourceId());
            g.writeStringProperty("schema", e.schema().ftmName());
            g.writeName("properties");
            g.writeStartObject();
            array(g, "name", List.of(e.name()));
            array(g, "alias", e.aliases().stream().map(Alias::name).toList());
            array(g, "country", e.countries().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            array(g, "birthDate", e.birthDates());
            g.writeEndObject();
            g.writeName("datasets");
            g.writeStartArray();
            g.writeString("synthetic");
            g.writeEndArray();
            g.writeBooleanProperty("target", true);
            g.writeEndObject();
        }
        try {
            os.write('\n');
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void array(JsonGenerator g, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        g.writeName(name);
        g.writeStartArray();
        values.forEach(g::writeString);
        g.writeEndArray();
    }

    /** Lets a generator per line write to one shared stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
