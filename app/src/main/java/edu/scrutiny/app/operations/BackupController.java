package edu.scrutiny.app.operations;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;

/**
 * {@code POST /api/admin/backup} (administrator): the backup of the running server's embedded data
 * directory, streamed as a zip; {@code scrutiny backup} calls it when a server holds the directory.
 * 409 on PostgreSQL, whose backups pg_dump makes.
 */
@RestController
class BackupController {
    private final BackupArchive archive;

    BackupController(BackupArchive archive) {
        this.archive = archive;
    }

    @PostMapping(value = "/api/admin/backup", produces = "application/zip")
    void backup(HttpServletResponse response) throws IOException {
        if (!archive.embedded()) {
            throw new edu.scrutiny.app.support.Conflict(
                    "the database is PostgreSQL: back it up with pg_dump (docs/operations.md, \"Backup and restore\")");
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"scrutiny-backup-" + LocalDate.now() + ".zip\"");
        archive.write(response.getOutputStream());
    }
}
