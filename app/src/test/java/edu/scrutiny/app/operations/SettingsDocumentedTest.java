package edu.scrutiny.app.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md's table of settings names every {@code scrutiny.*} property the application
 * reads ({@code @Value} placeholders, {@code @ConditionalOnProperty}, the command line's defaults,
 * logback-spring.xml) and every field of every {@code @ConfigurationProperties} record, so a setting
 * added without its documentation fails the build.
 */
class SettingsDocumentedTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Path DOC = Path.of("../docs/operations.md");
    private static final List<Pattern> READS = List.of(
            Pattern.compile("\\$\\{(scrutiny\\.[a-z0-9.-]+)"),
            Pattern.compile("name = \"(scrutiny\\.[a-z0-9.-]+)\""),
            Pattern.compile("defaults\\.put\\(\"(scrutiny\\.[a-z0-9.-]+)\""),
            Pattern.compile("source=\"(scrutiny\\.[a-z0-9.-]+)\""));
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");

    @Test
    void everyScrutinySettingIsInTheTable() throws Exception {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".xml")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : READS) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        read.add(m.group(1));
                    }
                }
                Matcher m = CONFIGURATION_PROPERTIES.matcher(text);
                if (m.find()) {
                    read.addAll(properties(m.group(1), Class.forName(className(f))));
                }
            }
        }
        assertThat(read).as("the scan found the settings").contains("scrutiny.jobs.lease", "scrutiny.log.json",
                "scrutiny.scheduling.enabled", "scrutiny.security.lockout.attempts", "scrutiny.security.oidc.role-map.VALUE");
        Set<String> documented = documented();
        assertThat(read.stream().filter(p -> !documented.contains(p)).toList())
                .as("settings the code reads that docs/operations.md's table lacks").isEmpty();
    }

    /** The property names in the table's first column: each back-quoted name, with a shared prefix expanded ("a.b.x, c" names a.b.x and a.b.c). */
    static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        String text = Files.readString(DOC);
        String table = text.substring(text.indexOf("## Settings"), text.indexOf("## Graceful shutdown"));
        for (String line : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            String first = line.split(" \\| ")[0];
            Matcher m = Pattern.compile("`([a-zA-Z0-9._-]+(?:\\.VALUE|\\.ID\\.\\*)?)`").matcher(first);
            String previous = null;
            while (m.find()) {
                String name = m.group(1);
                if (!name.contains(".") && previous != null) {
                    name = previous.substring(0, previous.lastIndexOf('.') + 1) + name;
                }
                names.add(name);
                previous = name;
            }
        }
        return names;
    }

    private static String className(Path source) {
        String s = MAIN.resolve("java").relativize(source).toString();
        return s.substring(0, s.length() - ".java".length()).replace('/', '.');
    }

    /** A configuration record's properties, kebab-cased, nested records followed, maps as PREFIX.VALUE. */
    static Set<String> properties(String prefix, Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            if (c.getType().isRecord()) {
                out.addAll(properties(name, c.getType()));
            } else if (Map.class.isAssignableFrom(c.getType()) && c.getGenericType() instanceof ParameterizedType) {
                out.add(name + ".VALUE");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
