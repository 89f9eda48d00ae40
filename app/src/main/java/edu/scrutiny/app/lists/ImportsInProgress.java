package edu.scrutiny.app.lists;

import edu.scrutiny.app.support.Conflict;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One list import per user at a time, however it was started (the list page's background import,
 * {@code POST /api/lists/import}): an import reads and stores a whole list, up to hundreds of
 * megabytes, so a user who starts them one after another without waiting would hold the server's
 * disk, memory and database for as many at once. A second import while the user's first runs is
 * refused with {@link Conflict} (409 on the API, the form's message on the page); other users'
 * imports are not held up. Kept in memory: each instance counts its own.
 */
@Component
public class ImportsInProgress {
    private final Map<String, String> running = new ConcurrentHashMap<>();

    /** Held while an import runs; closing it (once the import has ended, well or not) lets the user start another. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Claims the user's import slot for importing {@code file}, or refuses when an import of theirs
     * is running.
     */
    public Claim claim(String user, String file) {
        String before = running.putIfAbsent(user, file);
        if (before != null) {
            throw new Conflict("your import of " + before + " is still running; start another when it has finished "
                    + "(one import per user at a time)");
        }
        return () -> running.remove(user, file);
    }
}
