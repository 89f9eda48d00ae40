package edu.scrutiny.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Scrutiny servers on one PostgreSQL database under load, as a university's IT would run them
 * behind a load balancer: CLIENTS threads submit engagements, screen names and read engagements on
 * both instances for SECONDS; a third of the way in, a new version of the watched list is imported
 * through instance A, and halfway instance B is killed with SIGKILL (the clients then send to A only,
 * as a balancer's health check would). Reported: throughput, p50/p99 per endpoint, errors by
 * endpoint and instance; then, with both stopped: every engagement that was answered 201 is stored
 * once and assessed, no engagement is without an assessment, ids are unique, and {@code audit verify}
 * passes on the database.
 *
 * <p>Arguments: ADMIN_JDBC_URL (as {@code dev/postgres start} prints it) [CLIENTS] [SECONDS].
 * Servers and commands run in child JVMs on this JVM's class path (the application's own classes).
 */
public final class LoadBenchmark {
    private static final String LIST_HEADER =
            "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n";
    private static final String PASSWORD = "load benchmark password";
    private static final Pattern RUNNING = Pattern.compile("^Scrutiny is running at (\\S+)");
    private static final Pattern ENGAGEMENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"(ENG-\\d+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final Set<String> answeredIds = ConcurrentHashMap.newKeySet();
    private final List<String> answeredInOrder = Collections.synchronizedList(new ArrayList<>());
    /** The names of the list version last written, replaced whole (clients read it while a new version is made). */
    private volatile List<String> listNames = List.of();

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadBenchmark ADMIN_JDBC_URL [CLIENTS] [SECONDS]");
            System.exit(2);
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        new LoadBenchmark().run(args[0], clients, seconds);
    }

    private void run(String adminUrl, int clients, int seconds) throws Exception {
        Path work = Files.createTempDirectory("scrutiny-load-");
        String database = freshDatabase(adminUrl);
        Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", database);
        System.out.printf("LoadBenchmark: %d clients for %d s on two instances; database %s%n", clients, seconds,
                database.replaceAll("password=[^&]*", "password=***"));

        // the lists and an account for the clients, made by the command line before the servers start
        Path v1 = work.resolve("load_watchlist.csv");
        Files.writeString(v1, list(5_000, 0));
        command(env, work.resolve("cli"), null, "lists", "import", v1.toString(), "--effective", "2020-01-01",
                "--category", "export_control");
        command(env, work.resolve("cli"), PASSWORD + "\n", "users", "add", "load", "--role", "analyst", "--role", "administrator");
        String token = command(env, work.resolve("cli"), null, "tokens", "create", "--user", "load", "--name", "load").trim();

        Server a = Server.start(env, work.resolve("a"));
        Server b = Server.start(env, work.resolve("b"));
        System.out.printf("instances: A %s, B %s%n", a.url, b.url);
        AtomicBoolean bAlive = new AtomicBoolean(true);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            Thread t = Thread.ofPlatform().name("client-" + c).start(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    boolean toB = bAlive.get() && (i++ % 2 == 1);
                    request(toB ? b : a, toB ? "B" : "A", token, random);
                }
            });
            threads.add(t);
        }

        // a third of the way in: a new version of the list (1% changed), imported through A
        sleepUntil(start + TimeUnit.SECONDS.toNanos(seconds) / 3);
        Path v2 = work.resolve("load_watchlist.csv");
        Files.writeString(v2, list(5_000, 50));
        Thread importer = Thread.ofPlatform().name("importer").start(() -> {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(a, "POST", "/api/lists/import?effective=2020-06-01&category=export_control", token,
                    multipart(v2), "multipart/form-data; boundary=load-boundary");
            System.out.printf("import of version 2 through A: %s in %.1f s%n", r == null ? "no answer" : r.statusCode(),
                    (System.nanoTime() - t0) / 1e9);
        });

        // halfway: B is killed (SIGKILL), requests in flight on it fail
        sleepUntil(start + TimeUnit.SECONDS.toNanos(seconds) / 2);
        bAlive.set(false);
        b.process.destroyForcibly();
        b.process.waitFor();
        System.out.printf("B killed at %.1f s%n", (System.nanoTime() - start) / 1e9);

        for (Thread t : threads) {
            t.join();
        }
        importer.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        a.process.destroy(); // SIGTERM: A finishes what it does and stops
        a.process.waitFor(120, TimeUnit.SECONDS);

        report(elapsed);
        check(database, env, work);
    }

    private void request(Server server, String instance, String token, SplittableRandom random) {
        int pick = random.nextInt(10);
        List<String> names = listNames;
        if (pick < 3) {
            String name = random.nextInt(5) == 0 && !names.isEmpty()
                    ? names.get(random.nextInt(names.size())) : "Harbour Research Partner " + random.nextInt(1_000_000);
            String body = """
                    {"title": "Load benchmark collaboration", "type": "collaboration", "renewal": false,
                     "submitted_on": "2021-09-01", "department": "Physics",
                     "funding": {"amount": 1000, "currency": "USD", "source": "industry"},
                     "parties": [{"name": "%s", "kind": "organization", "country": "CN", "role": "collaborator"}],
                     "work_countries": ["US"], "research_areas": ["mathematics"]}""".formatted(name);
            HttpResponse<String> r = timed("POST /api/engagements", instance, server, "POST", "/api/engagements", token, body, "application/json");
            if (r != null && r.statusCode() == 201) {
                Matcher m = ENGAGEMENT_ID.matcher(r.body());
                if (m.find()) {
                    if (answeredIds.add(m.group(1))) {
                        answeredInOrder.add(m.group(1));
                    } else {
                        errors.merge("duplicate id answered " + m.group(1), 1, Integer::sum);
                    }
                }
            }
        } else if (pick < 7) {
            String name = names.isEmpty() ? "Harbour" : names.get(random.nextInt(names.size()));
            timed("GET /api/screen", instance, server, "GET",
                    "/api/screen?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), token, null, null);
        } else {
            String id = null;
            synchronized (answeredInOrder) {
                if (!answeredInOrder.isEmpty()) {
                    id = answeredInOrder.get(random.nextInt(answeredInOrder.size()));
                }
            }
            timed(id == null ? "GET /api/engagements" : "GET /api/engagements/{id}", instance, server, "GET",
                    id == null ? "/api/engagements" : "/api/engagements/" + id, token, null, null);
        }
    }

    private HttpResponse<String> timed(String endpoint, String instance, Server server, String method, String path, String token,
            Object body, String type) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(server, method, path, token, body, type);
        long took = System.nanoTime() - t0;
        if (r == null || r.statusCode() >= 400) {
            String key = endpoint + " on " + instance + ": " + (r == null ? "no answer" : r.statusCode());
            if (errors.merge(key, 1, Integer::sum) == 1 && r != null) {
                // the first answer of each kind of error, to say what went wrong
                System.out.printf("first %s: %s%n", key, r.body().substring(0, Math.min(300, r.body().length())));
            }
        } else {
            latencies.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
        }
        return r;
    }

    private HttpResponse<String> send(Server server, String method, String path, String token, Object body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url + path.substring(1)))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", type).method(method, body instanceof byte[] bytes
                    ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.ofString((String) body));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void report(double elapsed) {
        long total = latencies.values().stream().mapToLong(List::size).sum();
        int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%n%d answered requests in %.1f s: %.1f requests/s; %d errors%n", total, elapsed, total / elapsed, failed);
        System.out.printf("%-28s %8s %9s %9s %9s%n", "endpoint", "requests", "p50 ms", "p99 ms", "max ms");
        new TreeMap<>(latencies).forEach((endpoint, times) -> {
            long[] nanos;
            synchronized (times) {
                nanos = times.stream().mapToLong(Long::longValue).toArray();
            }
            Latencies l = Latencies.of(nanos);
            System.out.printf("%-28s %8d %9.1f %9.1f %9.1f%n", endpoint, nanos.length, l.percentileMillis(50),
                    l.percentileMillis(99), l.maxMillis());
        });
        System.out.println("errors:" + (errors.isEmpty() ? " none" : ""));
        new TreeMap<>(errors).forEach((what, n) -> System.out.printf("  %s: %d%n", what, n));
    }

    /** What must hold afterwards, whatever was killed: stored once, assessed, ids unique, the audit chain intact. */
    private void check(String database, Map<String, String> env, Path work) throws Exception {
        try (Connection c = DriverManager.getConnection(database); Statement st = c.createStatement()) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT id FROM engagement")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            Set<String> missing = new HashSet<>(answeredIds);
            missing.removeAll(stored);
            long unassessed = count(st, "SELECT COUNT(*) FROM engagement e WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.engagement_id = e.id)");
            long duplicateIds = count(st, "SELECT COUNT(*) FROM (SELECT id FROM engagement GROUP BY id HAVING COUNT(*) > 1) d");
            // an engagement is assessed once when submitted; again only when the new version changed its hits
            Map<Long, Long> perEngagement = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT n, COUNT(*) FROM (SELECT COUNT(*) AS n FROM assessment GROUP BY engagement_id) x GROUP BY n")) {
                while (rs.next()) {
                    perEngagement.put(rs.getLong(1), rs.getLong(2));
                }
            }
            System.out.printf("%nafterwards: %d engagements stored, %d answered 201 (%d of those missing), %d stored but never answered "
                            + "(in flight on B when it was killed)%n", stored.size(), answeredIds.size(), missing.size(),
                    stored.stream().filter(id -> !answeredIds.contains(id)).count());
            System.out.printf("engagements without an assessment: %d; duplicate ids: %d; assessments per engagement: %s (count: engagements)%n",
                    unassessed, duplicateIds, perEngagement);
        }
        String verify = command(env, work.resolve("cli"), null, "audit", "verify");
        System.out.println("audit verify: " + verify.strip());
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A list of N synthetic companies; the first CHANGED of them renamed (a new version's change). */
    private String list(int n, int changed) {
        StringBuilder csv = new StringBuilder(LIST_HEADER);
        SplittableRandom random = new SplittableRandom(42);
        String[] words = {"Northern", "Harbour", "Optics", "Precision", "Dynamics", "Quantum", "Meridian", "Polar", "Vector",
                "Aurora", "Summit", "Crescent", "Atlas", "Zenith", "Helix", "Orbit", "Falcon", "Cobalt", "Sierra", "Delta"};
        String[] forms = {"Trading LLC", "Technology Co., Ltd.", "Industries JSC", "Research Institute", "Holdings Limited"};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " "
                    + words[random.nextInt(words.length)] + " " + forms[random.nextInt(forms.length)] + " " + i;
            if (i < changed) {
                name = name.replace(" " + i, " Renamed " + i);
            }
            names.add(name);
            csv.append("load-").append(i).append(',').append('"').append(name).append("\",,Company,CN,Load,2020-01-01,,,,,\n");
        }
        listNames = List.copyOf(names);
        return csv.toString();
    }

    private static byte[] multipart(Path file) {
        try {
            String head = "--load-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: text/csv\r\n\r\n";
            byte[] content = Files.readAllBytes(file);
            byte[] tail = "\r\n--load-boundary--\r\n".getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length() + content.length + tail.length];
            System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, out, 0, head.length());
            System.arraycopy(content, 0, out, head.length(), content.length);
            System.arraycopy(tail, 0, out, head.length() + content.length, tail.length);
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** A new database on the admin URL's server, and its JDBC URL. */
    private static String freshDatabase(String adminUrl) throws Exception {
        String name = "load_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    private static ProcessBuilder cli(Map<String, String> env, Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "edu.scrutiny.app.cli.ScrutinyCli", "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs a command to its end and returns its standard output; a failure stops the benchmark with its message. */
    private static String command(Map<String, String> env, Path data, String input, String... args) throws Exception {
        Path err = Files.createTempFile("scrutiny-load-", ".err");
        Process p = cli(env, data, args).redirectError(err.toFile()).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("scrutiny " + String.join(" ", args) + " failed: " + Files.readString(err));
        }
        return out;
    }

    private record Server(Process process, String url) {
        static Server start(Map<String, String> env, Path data) throws Exception {
            Path log = Files.createTempFile("scrutiny-load-server-", ".log");
            Process p = cli(env, data, "serve", "--port", "0").redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = RUNNING.matcher(line);
                if (m.find()) {
                    // keep reading its output so that the server never blocks on a full pipe
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                    return new Server(p, m.group(1));
                }
            }
            throw new IllegalStateException("the server did not start; its log: " + log + "\n" + Files.readString(log));
        }
    }
}
