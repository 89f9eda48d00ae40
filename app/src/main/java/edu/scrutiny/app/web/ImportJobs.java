package edu.scrutiny.app.web;

import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ImportsInProgress;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormatException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * List imports started from the web, each run in the background and its progress kept here in
 * memory, by job id, for the page that polls it. Only the most recent jobs are kept. A user runs one
 * import at a time ({@link ImportsInProgress}): a second is refused while the first runs.
 */
@Component
class ImportJobs {
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEEP = 50;

    private final ListCatalog catalog;
    private final ImportsInProgress imports;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    ImportJobs(ListCatalog catalog, ImportsInProgress imports) {
        this.catalog = catalog;
        this.imports = imports;
    }

    /** One import's progress; read by the polling page while the import writes it. */
    static final class Job implements ListCatalog.ImportProgress {
        private final String id;
        private final String file;
        private final String by;
        private volatile String phase = "waiting";
        private volatile long read;
        private volatile int done;
        private volatile int total;
        private volatile ImportResult result;
        private volatile List<String> problems = List.of();

        Job(String id, String file, String by) {
            this.id = id;
            this.file = file;
            this.by = by;
        }

        /** Who started the import: only they (and the administrator) follow its progress. */
        public String by() {
            return by;
        }

        @Override
        public void read(long entries) {
            phase = "reading";
            read = entries;
        }

        @Override
        public void storing(int total) {
            phase = "storing";
            this.total = total;
        }

        @Override
        public void stored(int done, int total) {
            phase = "storing";
            this.done = done;
            this.total = total;
        }

        public String id() {
            return id;
        }

        public String file() {
            return file;
        }

        public String phase() {
            return phase;
        }

        public long read() {
            return read;
        }

        public int done() {
            return done;
        }

        public int total() {
            return total;
        }

        public boolean finished() {
            return "done".equals(phase) || "failed".equals(phase);
        }

        public boolean failed() {
            return "failed".equals(phase);
        }

        public ImportResult result() {
            return result;
        }

        public List<String> problems() {
            return problems;
        }

        /** Percent stored, for the progress bar (0 while reading). */
        public int percent() {
            return total == 0 ? ("done".equals(phase) ? 100 : 0) : (int) Math.min(100, 100L * done / total);
        }
    }

    /**
     * Starts importing a saved upload; the directory holding it is removed when the import ends.
     *
     * @throws edu.scrutiny.app.support.Conflict when an import of the same user's is still running
     *                                           (nothing is started; the caller removes the upload)
     */
    Job start(Path dir, Path file, String name, LocalDate effective, ListCategory category, String by) {
        ImportsInProgress.Claim claim = imports.claim(by, name);
        Job job = new Job(UUID.randomUUID().toString(), name, by);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEEP) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        try {
            executor.submit(() -> run(job, dir, file, name, effective, category, by, claim));
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        return job;
    }

    private void run(Job job, Path dir, Path file, String name, LocalDate effective, ListCategory category, String by,
            ImportsInProgress.Claim claim) {
        try (claim) {
            job.phase = "reading";
            ImportResult result = catalog.importList(file, "upload " + name, effective, category, job, by);
            job.result = result;
            job.phase = "done";
        } catch (InvalidInput e) {
            job.problems = e.problems().stream().map(p -> hide(p.toString(), dir, file, name)).toList();
            job.phase = "failed";
        } catch (ListFormatException e) {
            job.problems = List.of(hide(e.getMessage(), dir, file, name));
            job.phase = "failed";
        } catch (Exception e) {
            log.warn("list import of {} failed", name, e);
            job.problems = List.of("the import failed: " + hide(String.valueOf(e.getMessage()), dir, file, name));
            job.phase = "failed";
        } finally {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    private static String hide(String text, Path dir, Path file, String name) {
        return text.replace(file.toString(), name).replace(dir + "/", "").replace(dir.toString(), name)
                .replace("--category", "category");
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
