package edu.scrutiny.app.lists;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListFormatException;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded list file saved under its own name in a fresh temporary directory (the name tells
 * the list's format and key, e.g. {@code us_dod_1286.csv}), removed again on {@link #close()}.
 */
public final class Upload implements AutoCloseable {
    private static final int MAX_NAME = 200;

    private final Path dir;
    private final Path path;
    private final String name;

    private Upload(Path dir, Path path, String name) {
        this.dir = dir;
        this.path = path;
        this.name = name;
    }

    public static Upload save(MultipartFile file, String source) throws IOException {
        String name = fileName(file.getOriginalFilename(), source);
        if (file.isEmpty()) {
            throw new InvalidInput(source, "file", name + " is empty");
        }
        Path dir = Files.createTempDirectory("scrutiny-upload-");
        Path path = dir.resolve(name).normalize();
        try {
            if (!dir.equals(path.getParent())) {
                throw new InvalidInput(source, "file", "'" + name + "' is not a plain file name");
            }
            file.transferTo(path);
            return new Upload(dir, path, name);
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * The last segment of the name the client gave; names with {@code ..}, hidden names and control
     * characters are refused.
     */
    static String fileName(String original, String source) {
        if (original == null || original.isBlank()) {
            throw new InvalidInput(source, "file", "has no file name; the name and its extension tell the list's format");
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        boolean bad = original.contains("..") || name.isEmpty() || name.startsWith(".") || name.length() > MAX_NAME
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':');
        if (bad) {
            throw new InvalidInput(source, "file", "'" + original.replaceAll("\\p{Cntrl}", "?")
                    + "' is not an acceptable file name: give the list file's own name, such as us_dod_1286.csv");
        }
        return name;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    /** The same error, naming the uploaded file rather than its temporary location. */
    public ListFormatException hide(ListFormatException e) {
        return new ListFormatException(hide(e.location()), hide(e.problem()));
    }

    /** The same problems, naming the uploaded file and the request's parameters rather than the command line's. */
    public InvalidInput hide(InvalidInput e) {
        return new InvalidInput(hide(e.source()), e.problems().stream().map(p -> new InvalidInput.Problem(
                p.field().replace("--category", "category"), hide(p.message()).replace("--category", "category"))).toList());
    }

    private String hide(String text) {
        return text == null ? null : text.replace(path.toString(), name).replace(dir + "/", "").replace(dir.toString(), name);
    }

    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }
}
