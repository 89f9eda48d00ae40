package edu.scrutiny.app.engagement;

import edu.scrutiny.app.engagement.internal.EngagementRepository;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.reference.ResearchAreas;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engagement module's API: validate, store, find. */
@Service
public class Engagements {
    private final EngagementRepository repository;
    private final ResearchAreas researchAreas;
    private final Institutions institutions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Engagements(EngagementRepository repository, ResearchAreas researchAreas, Institutions institutions,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.researchAreas = researchAreas;
        this.institutions = institutions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks what the schema cannot: research-area codes against the taxonomy, parties' ROR ids
     * against the ROR dump in force, and that a renewal names an engagement that exists.
     *
     * @throws InvalidInput naming each field that is wrong
     */
    public void validate(Engagement engagement, String source) {
        validate(engagement, source, Actor.SYSTEM);
    }

    /**
     * As {@link #validate(Engagement, String)}, for an actor: a renewal must name an engagement the
     * actor may see ({@link #findVisible}), and one they may not see is answered as a missing one, so
     * that a submitter cannot learn which ids exist by renewing them.
     */
    public void validate(Engagement engagement, String source, Actor actor) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        for (int i = 0; i < engagement.researchAreas().size(); i++) {
            String code = engagement.researchAreas().get(i);
            if (researchAreas.find(code).isEmpty()) {
                problems.add(new InvalidInput.Problem("research_areas[" + i + "]",
                        "'" + code + "' is not a research-area code (see GET /api/research-areas)"));
            }
        }
        for (int i = 0; i < engagement.parties().size(); i++) {
            String ror = engagement.parties().get(i).ror();
            if (ror != null && institutions.find(ror).isEmpty()) {
                problems.add(new InvalidInput.Problem("parties[" + i + "].ror", institutions.current().isEmpty()
                        ? "'" + ror + "' cannot be checked: no ROR dump is imported (an analyst imports one with institutions import)"
                        : "'" + ror + "' is not a record of the ROR dump in force (version " + institutions.current().get().id() + ")"));
            }
        }
        if (engagement.renews() != null && findVisible(engagement.renews(), actor).isEmpty()) {
            problems.add(new InvalidInput.Problem("renews", "no engagement " + engagement.renews() + " is stored"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
    }

    /**
     * Validates and stores an engagement as submitted, then announces it; returns its id.
     *
     * @param by who submits it (a user name, {@code command line}, {@code demo}), for the audit trail and
     *           {@code engagement.submitted_by}: a submitter sees only the engagements they submitted
     */
    @Transactional
    public StoredEngagement submit(Engagement engagement, String source, String by) {
        return store(engagement, source, by, Actor.SYSTEM);
    }

    /** As {@link #submit(Engagement, String, String)}, by a signed-in user: a renewal must name an engagement they may see. */
    @Transactional
    public StoredEngagement submit(Engagement engagement, String source, Actor actor) {
        return store(engagement, source, actor.username(), actor);
    }

    private StoredEngagement store(Engagement engagement, String source, String by, Actor actor) {
        validate(engagement, source, actor);
        StoredEngagement stored = repository.insert(engagement, EngagementStatus.SUBMITTED, clock.instant(), by);
        events.publishEvent(new EngagementSubmitted(stored.id(), by));
        return stored;
    }

    public Optional<StoredEngagement> find(String id) {
        return repository.find(id);
    }

    /**
     * An engagement if the actor may see it: anyone but a submitter sees every engagement (analysts,
     * reviewers, administrators, auditors, the system); a submitter only those they submitted. One
     * they may not see is answered as if it did not exist.
     */
    public Optional<StoredEngagement> findVisible(String id, Actor actor) {
        if (seesAll(actor)) {
            return repository.find(id);
        }
        if (!actor.has(Role.SUBMITTER) || !repository.submitter(id).map(actor.username()::equals).orElse(false)) {
            return Optional.empty();
        }
        return repository.find(id);
    }

    /** The engagements the actor may see (see {@link #findVisible}), oldest first. */
    public List<StoredEngagement> visibleTo(Actor actor) {
        if (seesAll(actor)) {
            return repository.all();
        }
        return actor.has(Role.SUBMITTER) ? repository.submittedBy(actor.username()) : List.of();
    }

    /**
     * The engagements the user submitted, oldest first, whatever their roles (a staff member's own
     * too): the submitter's own pages.
     */
    public List<StoredEngagement> submittedBy(String username) {
        return repository.submittedBy(username);
    }

    /** Who submitted the engagement (a user name, {@code command line}, {@code demo}), if it is stored and that is known. */
    public Optional<String> submitter(String id) {
        return repository.submitter(id);
    }

    /** An engagement if {@code username} submitted it; otherwise empty, as if it did not exist. */
    public Optional<StoredEngagement> findSubmittedBy(String id, String username) {
        if (username == null || !repository.submitter(id).map(username::equals).orElse(false)) {
            return Optional.empty();
        }
        return repository.find(id);
    }

    private static boolean seesAll(Actor actor) {
        return actor.isSystem() || actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR);
    }

    /** Every stored engagement, oldest first. */
    public List<StoredEngagement> all() {
        return repository.all();
    }

    /** The engagements still live for monitoring (not declined, withdrawn, expired or terminated). */
    public List<StoredEngagement> live() {
        return repository.all().stream().filter(e -> e.status().isLive()).toList();
    }

    /** The ids of the live engagements (not declined, withdrawn, expired or terminated), without reading them. */
    public java.util.Set<String> liveIds() {
        return repository.liveIds();
    }

    /** Changes whenever an engagement is stored (engagements' names never change once stored). */
    public String fingerprint() {
        return repository.fingerprint();
    }

    @Transactional
    public void changeStatus(String id, EngagementStatus status, String by) {
        StoredEngagement before = repository.find(id)
                .orElseThrow(() -> new InvalidInput("engagement " + id, "id", "no such engagement"));
        if (before.status() == status) {
            return;
        }
        repository.updateStatus(id, status);
        events.publishEvent(new EngagementStatusChanged(id, before.status(), status, by));
    }
}
