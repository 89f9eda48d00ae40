package edu.scrutiny.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of persons on no list, from the evaluation data ({@code ../shared/data/eval}): negatives
 * that owe nothing to the lists, unlike names recombined from listed parts, so that a false-positive
 * rate on them is not inflated by namesakes of the synthetic list.
 */
final class EvalNegatives {
    static final List<String> FILES = List.of("persons-negatives-global-1000.csv", "persons-negatives-us-1000.csv");

    private EvalNegatives() {
    }

    /** The full names (first column) of every file present in the directory; none when it has none. */
    static List<String> read(Path evalDir) throws IOException {
        List<String> names = new ArrayList<>();
        for (String file : FILES) {
            Path path = evalDir.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String name = firstField(line);
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The first field of a CSV line, unquoted. */
    private static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                sb.append('"');
                i++;
            } else if (c == '"') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
