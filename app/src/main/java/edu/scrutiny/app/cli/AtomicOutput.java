package edu.scrutiny.app.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears whole or not at all: written beside the target under a temporary
 * name and moved into place on {@link #commit()}. A run that fails half way leaves whatever was
 * there before, never half a file.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final Writer writer;
    private boolean committed;

    AtomicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CommandProblem(target + ": the directory " + dir + " does not exist");
        }
        this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".partial");
        this.stream = new BufferedOutputStream(Files.newOutputStream(temp));
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** The file as text (UTF-8); write through this or {@link #stream()}, not both. */
    Writer writer() {
        return writer;
    }

    /** The file as bytes (an XLSX export); write through this or {@link #writer()}, not both. */
    OutputStream stream() {
        return stream;
    }

    void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}
