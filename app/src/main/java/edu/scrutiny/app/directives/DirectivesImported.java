package edu.scrutiny.app.directives;

import java.util.List;

/**
 * Published when an import recorded new or revised directives, in its transaction (not when
 * nothing changed).
 *
 * @param revisions  each directive recorded, with the revision it replaces
 * @param importedBy who imported them (a user name, {@code command line}, {@code api})
 */
public record DirectivesImported(List<Revision> revisions, String importedBy) {
    public DirectivesImported {
        revisions = List.copyOf(revisions);
    }

    /** A directive's new revision, and the one before it (null for a directive new to Scrutiny). */
    public record Revision(StoredDirective previous, StoredDirective recorded) {
    }
}
