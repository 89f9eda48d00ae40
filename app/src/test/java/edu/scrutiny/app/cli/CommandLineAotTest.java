package edu.scrutiny.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's application started from the bean definitions Spring's ahead-of-time
 * processing generates ({@link CommandLineAot}), as the build makes them: processed and compiled
 * here, then commands run in child processes with and without them on the demo's data give the
 * same results; a setting a build-time condition read (mail) makes a command start without them.
 */
class CommandLineAotTest {
    @TempDir
    static Path temp;
    private static Path generated;
    private static Path data;

    @BeforeAll
    static void processAheadOfTimeAndSeedTheDemo() throws Exception {
        Path sources = temp.resolve("aot/sources");
        generated = temp.resolve("aot/classes");
        // what the build's exec-maven-plugin execution runs (app/pom.xml)
        SpringApplicationAotProcessor.main(new String[] {CommandLineAot.class.getName(), sources.toString(),
                temp.resolve("aot/resources").toString(), generated.toString(), "edu.scrutiny", "scrutiny-app"});
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(files).as("generated sources").anyMatch(f -> f.endsWith("CommandLineAot__ApplicationContextInitializer.java"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", generated.toString(), "-cp", System.getProperty("java.class.path"),
                "-parameters", "-proc:none", "-nowarn"));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("generated sources compile").isZero();

        CliRun seeded = CliRun.of("demo", "--no-serve", "--dir", temp.resolve("demo").toString());
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        data = temp.resolve("demo/data");
    }

    /** A command in a child JVM: the generated classes first on the class path, as in the jar. */
    private static Result run(boolean aot, Map<String, String> env, String... command) throws Exception {
        String classPath = Stream.concat(Stream.of(generated.toString()),
                        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(p -> !p.endsWith("test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        Path classLog = Files.createTempFile(temp, "classes", ".log");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", classPath,
                "-Xlog:class+load:file=" + classLog, "-Dscrutiny.cli.aot=" + aot, "-Dlogging.config=classpath:logback-spring.xml",
                ScrutinyCli.class.getName(), "--data", data.toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // loaded only when the generated initializer registers the bean definitions
        boolean generatedUsed = Files.readString(classLog).contains("edu.scrutiny.app.cli.CommandLineAot__BeanFactoryRegistrations ");
        return new Result(p.exitValue(), out, generatedUsed);
    }

    private record Result(int exitCode, String out, boolean generatedUsed) {
    }

    @Test
    void commandsStartedFromTheGeneratedDefinitionsGiveTheSameResults() throws Exception {
        for (String[] command : List.of(new String[] {"engagements", "list"}, new String[] {"audit", "verify"},
                new String[] {"lists", "versions"})) {
            Result plain = run(false, Map.of(), command);
            Result aot = run(true, Map.of(), command);
            String name = String.join(" ", command);
            assertThat(plain.generatedUsed()).as(name + " without the setting").isFalse();
            assertThat(aot.generatedUsed()).as(name + " with scrutiny.cli.aot=true").isTrue();
            assertThat(aot.exitCode()).as(name).isEqualTo(plain.exitCode()).isZero();
            assertThat(aot.out()).as(name).isEqualTo(plain.out()).isNotBlank();
        }
    }

    @Test
    void aSettingABuildTimeConditionReadStartsTheCommandWithoutThem() throws Exception {
        // with a mail host set, notifications need the mail sender the generated definitions left out
        Result mail = run(true, Map.of("SPRING_MAIL_HOST", "127.0.0.1"), "engagements", "list");
        assertThat(mail.generatedUsed()).isFalse();
        assertThat(mail.exitCode()).isZero();
        assertThat(mail.out()).isEqualTo(run(true, Map.of(), "engagements", "list").out());
    }
}
