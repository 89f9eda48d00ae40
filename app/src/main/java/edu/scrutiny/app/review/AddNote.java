package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * An internal note on a case, by an analyst or reviewer, in any state of the case. Notes are for
 * analysts, reviewers, administrators and auditors; never shown to submitters.
 */
@Service
public class AddNote {
    private final CaseAccess access;
    private final CaseStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AddNote(CaseAccess access, CaseStore store, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.Note add(long caseId, String body, Actor actor) {
        ReviewCase c = access.lockVisible(caseId, actor);
        if (!actor.hasAny(Role.ANALYST, Role.REVIEWER)) {
            throw new NotPermitted("internal notes are written by analysts and reviewers");
        }
        CaseRecords.Note note = store.insertNote(caseId, CaseAccess.required(body, "body", caseId), actor.username(), clock.instant());
        events.publishEvent(new ReviewEvent.NoteAdded(caseId, c.engagementId(), note.id(), actor.username()));
        return note;
    }
}
