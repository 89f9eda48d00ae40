package edu.scrutiny.lists;

import edu.scrutiny.lists.internal.TextInput;
import edu.scrutiny.lists.internal.ZipGuard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The entry point of the library: finds the lists in a file, directory or zip archive and
 * recognises each one's format.
 *
 * <p>A directory may hold several lists (and other files, such as a README, which are passed
 * over); a zip archive is read like a directory. A single file given by name must be a list.
 */
public final class Lists {
    private final List<ListReader> readers;
    private final ZipGuard zipGuard;

    public Lists(List<ListReader> readers, ZipGuard zipGuard) {
        this.readers = List.copyOf(readers);
        this.zipGuard = zipGuard;
    }

    /** Every format Scrutiny reads, with the default zip limits. */
    public static Lists standard() {
        return new Lists(ListReaders.all(), ZipGuard.defaults());
    }

    /** What discovery found under a path: the lists, and the files it passed over. */
    public record Discovery(List<DetectedList> lists, List<String> skipped) {
    }

    /**
     * Finds every list under the path.
     *
     * @throws ListFormatException when the path does not exist, is empty, is a file in no known
     *                             format, or is a directory or archive holding no list
     */
    public Discovery discover(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new ListFormatException(path.toString(), "no such file or directory");
        }
        if (Files.isDirectory(path)) {
            List<DetectedList> found = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            discoverDirectory(path, found, skipped);
            if (found.isEmpty()) {
                throw new ListFormatException(path.toString(), "directory holds no list in a format Scrutiny reads"
                        + (skipped.isEmpty() ? " (it is empty)" : " (looked at: " + String.join(", ", names(skipped)) + ")"));
            }
            return new Discovery(found, skipped);
        }
        if (Files.size(path) == 0) {
            throw new ListFormatException(path.toString(), "empty file; expected a list in one of the formats Scrutiny reads");
        }
        ListFile plain = new ListSource.PlainFile(path);
        if (ZipGuard.isZip(plain.head(4))) {
            return discoverArchive(path);
        }
        ListSource source = ListSource.ofFile(path);
        ListReader reader = recognise(source);
        if (reader == null) {
            throw notAList(plain);
        }
        return new Discovery(List.of(new DetectedList(source, reader)), List.of());
    }

    /** Like {@link #discover} for a path that must hold exactly one list. */
    public DetectedList detectOne(Path path) throws IOException {
        Discovery d = discover(path);
        if (d.lists().size() != 1) {
            throw new ListFormatException(path.toString(), "holds " + d.lists().size()
                    + " lists; expected exactly one (name a single list file or directory)");
        }
        return d.lists().get(0);
    }

    private void discoverDirectory(Path dir, List<DetectedList> found, List<String> skipped) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<ListFile> files = new ArrayList<>();
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                discoverDirectory(child, found, skipped);
            } else if (Files.isRegularFile(child)) {
                if (Files.size(child) > 0 && ZipGuard.isZip(new ListSource.PlainFile(child).head(4))) {
                    try {
                        found.addAll(discoverArchive(child).lists());
                    } catch (ListFormatException e) {
                        skipped.add(child.toString());
                    }
                } else {
                    files.add(new ListSource.PlainFile(child));
                }
            }
        }
        for (FileSet set : groupAndRecognise(files, dir)) {
            if (set.reader == null) {
                skipped.add(set.files.get(0).location());
            } else {
                List<Path> hashed = set.files.stream().map(f -> ((ListSource.PlainFile) f).path()).toList();
                Path origin = set.files.size() == 1 ? hashed.get(0) : dir;
                found.add(new DetectedList(new ListSource(origin, set.files, hashed), set.reader));
            }
        }
    }

    private Discovery discoverArchive(Path archive) throws IOException {
        List<ListFile> files = new ArrayList<>();
        for (String entry : zipGuard.entryNames(archive)) {
            files.add(new ListSource.ZipEntryFile(archive, entry, zipGuard));
        }
        List<DetectedList> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileSet set : groupAndRecognise(files, archive)) {
            if (set.reader == null) {
                skipped.add(set.files.get(0).location());
            } else {
                found.add(new DetectedList(new ListSource(archive, set.files, List.of(archive)), set.reader));
            }
        }
        if (found.isEmpty()) {
            throw new ListFormatException(archive.toString(), "zip archive holds no list in a format Scrutiny reads"
                    + (files.isEmpty() ? " (it is empty)" : " (entries: "
                    + files.stream().map(ListFile::name).limit(10).collect(Collectors.joining(", ")) + ")"));
        }
        return new Discovery(found, skipped);
    }

    private record FileSet(List<ListFile> files, ListReader reader) {
    }

    private List<FileSet> groupAndRecognise(List<ListFile> files, Path origin) throws IOException {
        List<FileSet> sets = new ArrayList<>();
        List<ListFile> remaining = new ArrayList<>(files);
        for (ListReader r : readers) {
            if (r instanceof FileSetReader fsr) {
                for (List<ListFile> claimed : fsr.claim(List.copyOf(remaining))) {
                    remaining.removeAll(claimed);
                    sets.add(new FileSet(claimed, r));
                }
            }
        }
        for (ListFile f : remaining) {
            if (f.head(1).length == 0) {
                sets.add(new FileSet(List.of(f), null));
                continue;
            }
            ListSource single = new ListSource(origin, List.of(f), List.of());
            sets.add(new FileSet(List.of(f), recognise(single)));
        }
        return sets;
    }

    private ListReader recognise(ListSource source) throws IOException {
        for (ListReader r : readers) {
            if (r.recognises(source)) {
                return r;
            }
        }
        return null;
    }

    private ListFormatException notAList(ListFile file) throws IOException {
        byte[] head = file.head(512);
        String what;
        if (TextInput.looksBinary(head)) {
            what = "a binary file, not a list";
        } else {
            String first = TextInput.headText(file, 200).lines().findFirst().orElse("").strip();
            what = "not a list format Scrutiny reads (it begins \"" + abbreviate(first, 80) + "\")";
        }
        String formats = readers.stream().map(r -> r.format().description()).collect(Collectors.joining("; "));
        return new ListFormatException(file.location(), what + "; expected one of: " + formats);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static List<String> names(List<String> locations) {
        return locations.stream().map(l -> {
            int slash = Math.max(l.lastIndexOf('/'), l.lastIndexOf('!'));
            return slash < 0 ? l : l.substring(slash + 1);
        }).limit(10).toList();
    }
}
