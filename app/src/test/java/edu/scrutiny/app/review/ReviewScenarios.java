package edu.scrutiny.app.review;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.notification.Notification;
import edu.scrutiny.app.notification.Notifications;
import edu.scrutiny.app.notification.Recipients;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.lists.ListCategory;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Review and decision on each database (a subclass per database): the Huawei directive case that
 * an analyst can only decline, the Saudi gift through compliance review and the committee, senior
 * risk routing, information requests, four eyes on a sanctions false positive, the submitter who
 * may not decide, reversals, service levels, and notifications by e-mail to a real SMTP server.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, ReviewScenarios.Config.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewScenarios {
    /** One SMTP server in this JVM for every context of these scenarios. */
    static final GreenMail SMTP;

    static {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTP = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop));
    }

    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("scrutiny.mail.from", () -> "scrutiny@example.edu");
    }

    static final Actor SAM = new Actor("sam", Set.of(Role.SUBMITTER), "sam@example.edu");
    static final Actor OTHER_SUBMITTER = new Actor("olga", Set.of(Role.SUBMITTER), null);
    static final Actor ANA = new Actor("ana", Set.of(Role.ANALYST), "ana@example.edu");
    static final Actor BEN = new Actor("ben", Set.of(Role.ANALYST), "ben@example.edu");
    static final Actor REX = new Actor("rex", Set.of(Role.REVIEWER), null);
    static final Actor RIA = new Actor("ria", Set.of(Role.REVIEWER), null);
    static final Actor AUDREY = new Actor("audrey", Set.of(Role.AUDITOR), null);
    /** A faculty member who sits on the committee and also submits engagements. */
    static final Actor RITA = new Actor("rita", Set.of(Role.SUBMITTER, Role.REVIEWER), null);

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2021-10-01T12:00:00Z"));
        }

        /** Until the identity module knows users: the analysts and the submitter's address. */
        @Bean
        Recipients testRecipients() {
            return new Recipients() {
                @Override
                public List<String> emailsFor(Role role) {
                    return role == Role.ANALYST ? List.of("ana@example.edu", "ben@example.edu") : List.of();
                }

                @Override
                public Optional<String> emailOf(String username) {
                    return Map.of("sam", "sam@example.edu", "rita", "rita@example.edu").entrySet().stream()
                            .filter(e -> e.getKey().equals(username)).map(Map.Entry::getValue).findFirst();
                }
            };
        }
    }

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Policies policies;
    @Autowired HitClearances clearances;
    @Autowired Cases cases;
    @Autowired Queues queues;
    @Autowired RequestInformation requestInformation;
    @Autowired AnswerInformation answerInformation;
    @Autowired AdjudicateHit adjudicateHit;
    @Autowired AttachCondition attachCondition;
    @Autowired AttestCondition attestCondition;
    @Autowired Recommend recommend;
    @Autowired Decide decide;
    @Autowired AddNote addNote;
    @Autowired Notifications notifications;
    @Autowired edu.scrutiny.app.monitoring.Alerts alerts;
    @Autowired AssignCase assignCase;
    @Autowired Users users;

    @BeforeAll
    void importTheFacts() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv"), LocalDate.parse("2019-04-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        catalog.importList(Scenarios.path("review/un_test_sanctions.csv"), LocalDate.parse("2018-01-10"),
                ListCategory.SANCTIONS, ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
        // the users a case may be assigned to (or not), with the addresses their alerts go to
        for (Actor a : List.of(ANA, BEN, REX)) {
            if (users.find(a.username()).isEmpty()) {
                users.add(a.username(), null, a.email(), a.roles(), null, "test");
            }
        }
    }

    @BeforeEach
    void today() throws Exception {
        clock.set(LocalDate.parse("2021-10-01"));
        SMTP.purgeEmailFromAllMailboxes(); // the server is shared by the contexts of each database, whose ids repeat
    }

    private StoredEngagement submit(String name, Actor by) {
        String path = name.startsWith("review/") ? "../" + name : name;
        return engagements.submit(Scenarios.engagement(path), name, by.username());
    }

    private ReviewCase caseOf(StoredEngagement e) {
        List<ReviewCase> all = cases.forEngagement(e.id(), ANA);
        assertThat(all).isNotEmpty();
        return all.getLast();
    }

    private ReviewCase reload(ReviewCase c) {
        return cases.get(c.id(), ANA);
    }

    private EngagementStatus status(StoredEngagement e) {
        return engagements.find(e.id()).orElseThrow().status();
    }

    private List<String> timeline(ReviewCase c, Actor as) {
        return cases.view(c.id(), as).timeline().stream().map(CaseTimeline.Entry::action).toList();
    }

    /** The e-mails GreenMail received for an address with a subject, waiting briefly (they go after commit). */
    private static List<MimeMessage> mailTo(String address, String subject) throws Exception {
        long until = System.currentTimeMillis() + 5000;
        while (true) {
            List<MimeMessage> found = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().equals(subject) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equals(address));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (!found.isEmpty() || System.currentTimeMillis() > until) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    /** The e-mails GreenMail holds now for an address with a subject (for what must not have come: read after what must have). */
    private static List<MimeMessage> mailNow(String address, String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().equals(subject) && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    /** Who was told, in the application, under a subject: user names, or {@code role:analyst}. */
    private List<String> recipientsOf(String subject, Actor... readers) {
        return Arrays.stream(readers).flatMap(r -> notifications.forActor(r).stream()).filter(n -> n.subject().equals(subject))
                .map(Notification::recipient).distinct().toList();
    }

    private void raise(AlertKind kind, StoredEngagement e, String detail) {
        alerts.raise(new edu.scrutiny.app.monitoring.Alerts.Raise(kind, e.id(), "us_bis_entity_list", "el-nahda", "Al-Nahda Trading",
                detail, null));
    }

    @Test
    void huaweiIsProhibitedAndAnAnalystCanOnlyDeclineItCitingTheDirectiveOrListEntry() {
        StoredEngagement huawei = submit("huawei-2019-06-01", SAM);
        ReviewCase c = caseOf(huawei);
        assertThat(c.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(c.route()).containsExactly(Stage.ANALYST_DECLINE);
        assertThat(c.stage()).isEqualTo(Stage.ANALYST_DECLINE);
        assertThat(c.submittedBy()).isEqualTo("sam");
        assertThat(status(huawei)).isEqualTo(EngagementStatus.IN_REVIEW);
        assertThat(c.dueAt()).isEqualTo(c.openedAt().plus(Duration.ofDays(3)));

        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.DECLINED, "no", "mit-2019-huawei-zte", null, REX))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("analyst");
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "fine", null, null, ANA))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("can only be declined");
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED_WITH_CONDITIONS, "fine", null, null, ANA))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> recommend.recommend(c.id(), Recommendation.APPROVE, "pass it on", ANA))
                .isInstanceOf(Conflict.class).hasMessageContaining("last stage");
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.DECLINED, "prohibited", null, null, ANA))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cites");
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.DECLINED, "prohibited", "some-other-directive", null, ANA))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("mit-2019-huawei-zte");
        assertThat(status(huawei)).isEqualTo(EngagementStatus.IN_REVIEW);
        assertThat(cases.decisions(c.id(), ANA)).isEmpty();

        CaseRecords.Decision d = decide.decide(c.id(), Outcome.DECLINED, "The Huawei/ZTE directive of April 2019 applies",
                "mit-2019-huawei-zte", null, ANA);
        assertThat(d.cites()).isEqualTo("mit-2019-huawei-zte");
        assertThat(d.stage()).isEqualTo(Stage.ANALYST_DECLINE);
        assertThat(status(huawei)).isEqualTo(EngagementStatus.DECLINED);
        assertThat(reload(c).status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(timeline(c, AUDREY)).contains("engagement.submitted", "case.opened", "case.decided", "engagement.status_changed");
        // the list entry is a valid citation too
        StoredEngagement again = submit("huawei-2019-06-01", SAM);
        ReviewCase c2 = caseOf(again);
        assertThat(decide.decide(c2.id(), Outcome.DECLINED, "On the Entity List", "us_bis_entity_list#el-huawei", null, BEN).cites())
                .isEqualTo("us_bis_entity_list#el-huawei");
    }

    @Test
    void theSaudiGiftPassesComplianceReviewAndTheCommitteeAndIsApprovedWithConditions() {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        assertThat(c.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(c.route()).as("2,000,000 is below the senior risk group's amount").containsExactly(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE);
        assertThat(c.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
        assertThat(queues.forStage(Stage.COMPLIANCE_REVIEW, ANA)).extracting(Queues.Entry::caseId).contains(c.id());
        assertThatThrownBy(() -> queues.forStage(Stage.COMPLIANCE_REVIEW, SAM)).isInstanceOf(NotPermitted.class);

        assertThatThrownBy(() -> recommend.recommend(c.id(), Recommendation.APPROVE, "ok", REX)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "ok", null, null, ANA))
                .isInstanceOf(Conflict.class).hasMessageContaining("faculty_committee");
        assertThatThrownBy(() -> recommend.recommend(c.id(), Recommendation.APPROVE, " ", ANA)).isInstanceOf(InvalidInput.class);

        CaseRecords.Condition condition = attachCondition.attach(c.id(), Mitigation.PUBLICATION_RIGHTS,
                "The fellowship's results may be published without the donor's review", "pi-lee", LocalDate.parse("2021-12-31"), ANA);
        assertThatThrownBy(() -> attachCondition.attach(c.id(), Mitigation.TRAINING, "x", "pi-lee", LocalDate.parse("2020-01-01"), ANA))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("due_on");
        recommend.recommend(c.id(), Recommendation.APPROVE_WITH_CONDITIONS, "Donor in an elevated-risk country; publication rights protect", ANA);
        ReviewCase atCommittee = reload(c);
        assertThat(atCommittee.stage()).isEqualTo(Stage.FACULTY_COMMITTEE);
        assertThat(atCommittee.dueAt()).isEqualTo(atCommittee.stageEnteredAt().plus(Duration.ofDays(15)));
        assertThat(queues.forStage(Stage.FACULTY_COMMITTEE, REX)).extracting(Queues.Entry::caseId).contains(c.id());
        assertThat(queues.forStage(Stage.COMPLIANCE_REVIEW, ANA)).extracting(Queues.Entry::caseId).doesNotContain(c.id());

        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "ok", null, null, ANA)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "", null, null, REX)).isInstanceOf(InvalidInput.class);
        CaseRecords.Decision d = decide.decide(c.id(), Outcome.APPROVED_WITH_CONDITIONS, "Accept with publication rights", null, null, REX);
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED_WITH_CONDITIONS);
        assertThat(status(gift)).isEqualTo(EngagementStatus.APPROVED_WITH_CONDITIONS);
        assertThat(reload(c).status()).isEqualTo(CaseStatus.DECIDED);

        // the owner attests, once; nobody else can
        assertThatThrownBy(() -> attestCondition.attest(c.id(), condition.id(), "done", ANA)).isInstanceOf(NotPermitted.class);
        Actor lee = new Actor("pi-lee", Set.of(Role.SUBMITTER), null);
        attestCondition.attest(c.id(), condition.id(), "Publication terms in the gift agreement, section 4", lee);
        assertThatThrownBy(() -> attestCondition.attest(c.id(), condition.id(), "again", lee)).isInstanceOf(Conflict.class);
        assertThat(cases.conditions(c.id(), ANA)).singleElement().satisfies(x -> assertThat(x.attestation().attestedBy()).isEqualTo("pi-lee"));
        assertThat(timeline(c, ANA)).containsSubsequence("case.opened", "case.condition_attached", "case.recommended", "case.decided",
                "case.condition_attested");
    }

    @Test
    void approvingWithConditionsNeedsAConditionOnTheCase() {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED_WITH_CONDITIONS, "with conditions", null, null, REX))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("condition");
    }

    @Test
    void aHighValueGiftAlsoGoesToTheSeniorRiskGroup() {
        StoredEngagement large = submit("review/saudi-gift-large", SAM);
        ReviewCase c = caseOf(large);
        assertThat(c.route()).containsExactly(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE, Stage.SENIOR_RISK_GROUP);
        recommend.recommend(c.id(), Recommendation.APPROVE, "Donor vetted", ANA);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "ok", null, null, REX))
                .isInstanceOf(Conflict.class).hasMessageContaining("senior_risk_group");
        recommend.recommend(c.id(), Recommendation.APPROVE, "Committee supports", REX);
        ReviewCase senior = reload(c);
        assertThat(senior.stage()).isEqualTo(Stage.SENIOR_RISK_GROUP);
        assertThat(senior.dueAt()).isEqualTo(senior.stageEnteredAt().plus(Duration.ofDays(10)));
        assertThat(queues.forStage(Stage.SENIOR_RISK_GROUP, RIA)).extracting(Queues.Entry::caseId).contains(c.id());
        decide.decide(c.id(), Outcome.APPROVED, "Senior risk group approves", null, null, RIA);
        assertThat(status(large)).isEqualTo(EngagementStatus.APPROVED);
    }

    @Test
    void theSeniorRiskConditionIsThePolicys() {
        PolicyDocument before = policies.current().document();
        PolicyDocument.Routing r = before.effectiveRouting();
        try {
            policies.update(before.withRouting(r.stages(),
                    new PolicyDocument.SeniorRiskWhen(new java.math.BigDecimal("1000000"), List.of(), false), r.serviceLevels()),
                    "test: senior risk from 1,000,000", "test");
            ReviewCase c = caseOf(submit("saudi-gift-2020", SAM));
            assertThat(c.route()).containsExactly(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE, Stage.SENIOR_RISK_GROUP);
        } finally {
            policies.update(before, "test: back", "test");
        }
        assertThat(caseOf(submit("saudi-gift-2020", SAM)).route()).containsExactly(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE);
    }

    @Test
    void aRequestForInformationWaitsForTheSubmittersAnswer() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        CaseRecords.InformationRequest r = requestInformation.request(c.id(), "Who are the foundation's trustees?", ANA);
        assertThat(reload(c).status()).isEqualTo(CaseStatus.AWAITING_INFORMATION);
        assertThat(queues.forStage(Stage.COMPLIANCE_REVIEW, ANA)).filteredOn(e -> e.caseId() == c.id()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(CaseStatus.AWAITING_INFORMATION));
        assertThatThrownBy(() -> recommend.recommend(c.id(), Recommendation.APPROVE, "ok", ANA)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> requestInformation.request(c.id(), "And?", ANA)).isInstanceOf(Conflict.class);

        // the submitter is told, in the application and by e-mail
        String subject = "Information requested on engagement " + gift.id();
        assertThat(notifications.forActor(SAM)).extracting(Notification::subject).contains(subject);
        assertThat(mailTo("sam@example.edu", subject)).singleElement()
                .satisfies(m -> assertThat(m.getContent().toString()).contains("Who are the foundation's trustees?"));

        assertThatThrownBy(() -> answerInformation.answer(c.id(), "I answer", BEN)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> answerInformation.answer(c.id(), "I answer", OTHER_SUBMITTER)).isInstanceOf(NotFound.class);
        CaseRecords.InformationRequest answered = answerInformation.answer(c.id(), "Three professors emeriti; list attached", SAM);
        assertThat(answered.id()).isEqualTo(r.id());
        assertThat(answered.answer()).isEqualTo("Three professors emeriti; list attached");
        ReviewCase back = reload(c);
        assertThat(back.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(back.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
        assertThatThrownBy(() -> answerInformation.answer(c.id(), "again", SAM)).isInstanceOf(Conflict.class);
        recommend.recommend(c.id(), Recommendation.APPROVE, "Trustees checked", ANA);
        assertThat(timeline(c, ANA)).containsSubsequence("case.information_requested", "case.information_answered", "case.recommended");
    }

    @Test
    void aFalsePositiveOnASanctionsHitNeedsASecondAnalyst() {
        StoredEngagement orion = submit("review/orion-namesake", SAM);
        ReviewCase c = caseOf(orion);
        assertThat(c.tier()).isEqualTo(Tier.PROHIBITED);
        AssessedHit hit = assessments.latest(orion.id()).orElseThrow().assessment().hits().stream()
                .filter(h -> h.category().equals("sanctions")).findFirst().orElseThrow();
        AdjudicateHit.HitRef ref = new AdjudicateHit.HitRef(hit.party(), hit.list(), hit.sourceId());

        assertThatThrownBy(() -> adjudicateHit.adjudicate(c.id(), ref, Verdict.FALSE_POSITIVE, "different institute", REX))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> adjudicateHit.adjudicate(c.id(), ref, Verdict.FALSE_POSITIVE, "", ANA)).isInstanceOf(InvalidInput.class);
        AdjudicateHit.Result first = adjudicateHit.adjudicate(c.id(), ref, Verdict.FALSE_POSITIVE,
                "The German institute in Kiel, not the listed one", ANA);
        assertThat(first.cleared()).isFalse();
        assertThat(assessments.latest(orion.id()).orElseThrow().assessment().hits()).extracting(AssessedHit::sourceId).contains("un-orion");
        assertThatThrownBy(() -> adjudicateHit.adjudicate(c.id(), ref, Verdict.FALSE_POSITIVE, "Really not", ANA))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("second");
        assertThat(cases.adjudications(c.id(), ANA)).hasSize(1);

        AdjudicateHit.Result second = adjudicateHit.adjudicate(c.id(), ref, Verdict.FALSE_POSITIVE, "Confirmed: registry entry HRB 1234", BEN);
        assertThat(second.cleared()).isTrue();
        assertThat(second.adjudication().confirms()).isEqualTo(first.adjudication().id());
        // the hit no longer counts: screening remembers it, and the engagement is re-assessed without it
        var now = assessments.latest(orion.id()).orElseThrow().assessment();
        assertThat(now.hits()).extracting(AssessedHit::sourceId).doesNotContain("un-orion");
        assertThat(now.clearedHits()).extracting(AssessedHit::sourceId).contains("un-orion");
        assertThat(now.tier()).isNotEqualTo(Tier.PROHIBITED);
        ReviewCase rerouted = reload(c);
        assertThat(rerouted.tier()).isEqualTo(now.tier());
        assertThat(rerouted.stage()).as("no longer only to be declined").isEqualTo(Stage.COMPLIANCE_REVIEW);
        assertThat(timeline(c, ANA)).contains("case.hit_adjudicated", "case.moved");

        // a second submission with the same party: the cleared hit is not raised again
        StoredEngagement again = submit("review/orion-namesake", SAM);
        assertThat(assessments.latest(again.id()).orElseThrow().assessment().hits()).extracting(AssessedHit::sourceId).doesNotContain("un-orion");
    }

    @Test
    void aTrueMatchOrAFalsePositiveOnAnotherListCountsAtOnce() {
        StoredEngagement huawei = submit("huawei-2019-06-01", SAM);
        ReviewCase c = caseOf(huawei);
        AssessedHit hit = assessments.latest(huawei.id()).orElseThrow().assessment().hits().getFirst();
        AdjudicateHit.Result r = adjudicateHit.adjudicate(c.id(), new AdjudicateHit.HitRef(hit.party(), hit.list(), hit.sourceId()),
                Verdict.TRUE_MATCH, "Same company, same address", ANA);
        assertThat(r.cleared()).isFalse();
        assertThat(assessments.latest(huawei.id()).orElseThrow().assessment().hits()).isNotEmpty();
        assertThatThrownBy(() -> adjudicateHit.adjudicate(c.id(), new AdjudicateHit.HitRef(hit.party(), hit.list(), "no-such-entry"),
                Verdict.TRUE_MATCH, "x", ANA)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void nobodyDecidesACaseTheySubmitted() {
        StoredEngagement gift = submit("saudi-gift-2020", RITA);
        ReviewCase c = caseOf(gift);
        assertThat(c.submittedBy()).isEqualTo("rita");
        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "My own gift is fine", null, null, RITA))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("submitted");
        assertThat(status(gift)).isEqualTo(EngagementStatus.IN_REVIEW);
        decide.decide(c.id(), Outcome.APPROVED, "Fine", null, null, REX);
        assertThat(status(gift)).isEqualTo(EngagementStatus.APPROVED);
    }

    @Test
    void aReversalIsANewDecisionThatCitesTheOneItReverses() {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        recommend.recommend(c.id(), Recommendation.DECLINE, "Donor's funding unclear", ANA);
        CaseRecords.Decision declined = decide.decide(c.id(), Outcome.DECLINED, "Funding unclear", null, null, REX);
        assertThat(status(gift)).isEqualTo(EngagementStatus.DECLINED);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "Changed my mind", null, null, REX))
                .isInstanceOf(Conflict.class).hasMessageContaining("reversal");
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.APPROVED, "Reverse", null, declined.id(), ANA))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.DECLINED, "Reverse", null, declined.id(), RIA))
                .isInstanceOf(InvalidInput.class);

        CaseRecords.Decision approved = decide.decide(c.id(), Outcome.APPROVED, "The donor documented its funding", null, declined.id(), RIA);
        assertThat(approved.reverses()).isEqualTo(declined.id());
        assertThat(status(gift)).isEqualTo(EngagementStatus.APPROVED);
        assertThat(cases.decisions(c.id(), ANA)).containsExactly(declined, approved);
        assertThatThrownBy(() -> decide.decide(c.id(), Outcome.DECLINED, "Again", null, declined.id(), REX))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aDecisionSubmittedTwiceAtOnceIsRecordedOnce() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> both = List.of(REX, RIA).stream().map(who -> pool.submit(() -> {
                start.await();
                try {
                    return (Object) decide.decide(c.id(), Outcome.APPROVED, "Approved by " + who.username(), null, null, who);
                } catch (Conflict e) {
                    return e;
                }
            })).toList();
            start.countDown();
            List<Object> results = new java.util.ArrayList<>();
            for (var f : both) {
                results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(r -> r instanceof CaseRecords.Decision).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof Conflict).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases.decisions(c.id(), ANA)).hasSize(1);
    }

    @Test
    void aCaseIsOverdueOnceTheClockPassesItsServiceLevel() {
        clock.set(LocalDate.parse("2021-11-01"));
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2021-11-06T12:00:00Z"));
        assertThat(queues.forStage(Stage.COMPLIANCE_REVIEW, ANA)).filteredOn(e -> e.caseId() == c.id()).singleElement()
                .satisfies(e -> {
                    assertThat(e.overdue()).isFalse();
                    assertThat(e.ageDays()).isZero();
                });
        clock.advance(Duration.ofDays(5));
        assertThat(queues.overdue(ANA)).extracting(Queues.Entry::caseId).doesNotContain(c.id());
        clock.advance(Duration.ofHours(1));
        assertThat(queues.forStage(Stage.COMPLIANCE_REVIEW, ANA)).filteredOn(e -> e.caseId() == c.id()).singleElement()
                .satisfies(e -> {
                    assertThat(e.overdue()).isTrue();
                    assertThat(e.ageDays()).isEqualTo(5);
                });
        assertThat(queues.overdue(ANA)).extracting(Queues.Entry::caseId).contains(c.id());
        // passed on, the committee's own service level starts
        recommend.recommend(c.id(), Recommendation.APPROVE, "ok", ANA);
        assertThat(queues.forStage(Stage.FACULTY_COMMITTEE, REX)).filteredOn(e -> e.caseId() == c.id()).singleElement()
                .satisfies(e -> assertThat(e.overdue()).isFalse());
    }

    @Test
    void aStandardEngagementClearsAutomaticallyWithItsRecordKept() {
        StoredEngagement mou = submit("german-mou", SAM);
        ReviewCase c = caseOf(mou);
        assertThat(c.status()).isEqualTo(CaseStatus.AUTO_CLEARED);
        assertThat(c.stage()).isNull();
        assertThat(status(mou)).isEqualTo(EngagementStatus.AUTO_CLEARED);
        assertThat(timeline(c, AUDREY)).contains("case.auto_cleared");
    }

    @Test
    void reopeningForReviewOpensANewCaseOrReturnsTheOpenOneToComplianceReview() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        decide.decide(c.id(), Outcome.APPROVED, "Fine", null, null, REX);
        // monitoring reopens the engagement after a new hit
        engagements.changeStatus(gift.id(), EngagementStatus.IN_REVIEW, "system");
        ReviewCase reopened = caseOf(gift);
        assertThat(reopened.id()).isNotEqualTo(c.id());
        assertThat(reopened.reopenedFrom()).isEqualTo(c.id());
        assertThat(reopened.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
        assertThat(reopened.submittedBy()).isEqualTo("sam");
        assertThat(reopened.analyst()).as("the analyst who recommended it, first to act on it, keeps it").isEqualTo("ana");
        assertThat(reload(c).status()).isEqualTo(CaseStatus.DECIDED);
        // the reopened case is hers: she is told, not every analyst
        String opened = "New case " + reopened.id() + " (" + reopened.tier() + "): engagement " + gift.id();
        assertThat(mailTo("ana@example.edu", opened)).hasSize(1);
        assertThat(notifications.forActor(BEN)).extracting(Notification::subject).doesNotContain(opened);
    }

    @Test
    void aNewHitReturnsAnOpenCaseToComplianceReviewAndTellsItsAnalyst() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        assertThat(reload(c).stage()).isEqualTo(Stage.FACULTY_COMMITTEE);
        alerts.raise(new edu.scrutiny.app.monitoring.Alerts.Raise(edu.scrutiny.app.monitoring.AlertKind.NEW_HIT, gift.id(),
                "us_bis_entity_list", "el-x", "Al-Nahda Trading", "Al-Nahda Foundation now matches Al-Nahda Trading", null));
        ReviewCase back = reload(c);
        assertThat(back.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
        assertThat(back.dueAt()).isEqualTo(back.stageEnteredAt().plus(Duration.ofDays(5)));
        assertThat(mailTo("ana@example.edu", "Alert on engagement " + gift.id() + ": NEW_HIT")).hasSize(1);
        assertThat(timeline(c, ANA)).contains("case.moved");
    }

    @Test
    void aReassessmentWithAHigherTierReopensAClosedCase() {
        StoredEngagement kiel = submit("review/kiel-mou", SAM);
        ReviewCase cleared = caseOf(kiel);
        assertThat(cleared.status()).isEqualTo(CaseStatus.AUTO_CLEARED);
        directives.importAll(DirectiveDocuments.read(Scenarios.text("review/directives-kiel.yaml"), "directives-kiel.yaml"), "test");
        assessments.assessAndRecord(kiel.id(), null, "ana");
        ReviewCase reopened = caseOf(kiel);
        assertThat(reopened.id()).isNotEqualTo(cleared.id());
        assertThat(reopened.reopenedFrom()).isEqualTo(cleared.id());
        assertThat(reopened.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(reopened.stage()).isEqualTo(Stage.ANALYST_DECLINE);
        assertThat(reopened.submittedBy()).isEqualTo("sam");
        assertThat(status(kiel)).isEqualTo(EngagementStatus.IN_REVIEW);
        decide.decide(reopened.id(), Outcome.DECLINED, "Directive", "test-2021-kiel", null, ANA);
        assertThat(status(kiel)).isEqualTo(EngagementStatus.DECLINED);
    }

    @Test
    void notesAreForStaffNeverForSubmitters() {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        addNote.add(c.id(), "Trustee list looks thin", ANA);
        assertThatThrownBy(() -> addNote.add(c.id(), "mine", SAM)).isInstanceOf(NotPermitted.class);
        assertThat(cases.notes(c.id(), AUDREY)).extracting(CaseRecords.Note::body).containsExactly("Trustee list looks thin");
        assertThatThrownBy(() -> cases.notes(c.id(), SAM)).isInstanceOf(NotPermitted.class);
        Cases.CaseView own = cases.view(c.id(), SAM);
        assertThat(own.notes()).isNull();
        assertThat(own.timeline()).as("a submitter sees no timeline (what /mine/{id} shows)").isNull();
        assertThat(cases.view(c.id(), ANA).notes()).hasSize(1);
        assertThatThrownBy(() -> cases.view(c.id(), OTHER_SUBMITTER)).isInstanceOf(NotFound.class);
    }

    @Test
    void notificationsReachTheAnalystsAndTheSubmitterByEmail() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        String opened = "New case " + c.id() + " (ELEVATED): engagement " + gift.id();
        assertThat(mailTo("ana@example.edu", opened)).hasSize(1);
        assertThat(mailTo("ben@example.edu", opened)).hasSize(1);
        assertThat(notifications.forActor(ANA)).extracting(Notification::subject).contains(opened);
        assertThat(notifications.forActor(SAM)).extracting(Notification::subject).doesNotContain(opened);

        recommend.recommend(c.id(), Recommendation.APPROVE, "fine", ANA);
        decide.decide(c.id(), Outcome.APPROVED, "The gift is accepted", null, null, REX);
        String decided = "Engagement " + gift.id() + ": approved";
        List<MimeMessage> mail = mailTo("sam@example.edu", decided);
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.getFrom()[0].toString()).isEqualTo("scrutiny@example.edu");
            assertThat(m.getContent().toString()).contains("The gift is accepted").contains("/api/cases/" + c.id());
        });
        Notification inApp = notifications.forActor(SAM).stream().filter(n -> n.subject().equals(decided)).findFirst().orElseThrow();
        assertThat(notifications.markRead(inApp.id(), SAM).readAt()).isNotNull();
        assertThatThrownBy(() -> notifications.markRead(inApp.id(), OTHER_SUBMITTER)).isInstanceOf(NotFound.class);
    }

    @Test
    void anAlertOnAnEngagementWhoseCaseNobodyHasTakenReachesEveryAnalyst() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        assertThat(caseOf(gift).analyst()).isNull();
        raise(AlertKind.NEW_HIT, gift, "Al-Nahda Foundation now matches Al-Nahda Trading");
        String subject = "Alert on engagement " + gift.id() + ": NEW_HIT";
        assertThat(recipientsOf(subject, ANA, BEN)).containsExactly("role:analyst");
        assertThat(mailTo("ana@example.edu", subject)).hasSize(1);
        assertThat(mailTo("ben@example.edu", subject)).hasSize(1);
    }

    @Test
    void anAlertReachesTheCasesAnalystAloneInTheApplicationAndByEmail() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        ReviewCase taken = assignCase.assign(c.id(), null, BEN);
        assertThat(taken.analyst()).isEqualTo("ben");
        assertThat(reload(c).analyst()).isEqualTo("ben");
        assertThat(timeline(c, AUDREY)).contains("case.analyst_assigned");

        raise(AlertKind.NEW_HIT, gift, "Al-Nahda Foundation now matches Al-Nahda Trading");
        String subject = "Alert on engagement " + gift.id() + ": NEW_HIT";
        assertThat(recipientsOf(subject, ANA, BEN)).containsExactly("ben");
        assertThat(notifications.forActor(ANA)).extracting(Notification::subject).doesNotContain(subject);
        assertThat(mailTo("ben@example.edu", subject)).singleElement()
                .satisfies(m -> assertThat(m.getContent().toString()).contains("Al-Nahda Trading").contains("/api/cases/" + c.id()));
        assertThat(mailNow("ana@example.edu", subject)).isEmpty();
    }

    @Test
    void theFirstAnalystToActOnAnUnassignedCaseBecomesItsAnalyst() {
        StoredEngagement huawei = submit("huawei-2019-06-01", SAM);
        ReviewCase c = caseOf(huawei);
        assertThat(c.analyst()).isNull();
        addNote.add(c.id(), "Looks like the listed Huawei", BEN);
        assertThat(reload(c).analyst()).as("a note is not taking the case").isNull();
        AssessedHit hit = assessments.latest(huawei.id()).orElseThrow().assessment().hits().getFirst();
        AdjudicateHit.HitRef ref = new AdjudicateHit.HitRef(hit.party(), hit.list(), hit.sourceId());
        adjudicateHit.adjudicate(c.id(), ref, Verdict.TRUE_MATCH, "Same company, same address", ANA);
        assertThat(reload(c).analyst()).isEqualTo("ana");
        adjudicateHit.adjudicate(c.id(), ref, Verdict.TRUE_MATCH, "Agreed", BEN);
        assertThat(reload(c).analyst()).as("a second analyst acting does not take it over").isEqualTo("ana");
        assertThat(timeline(c, AUDREY).stream().filter("case.analyst_assigned"::equals)).hasSize(1);

        // requesting information is acting on it too
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase g = caseOf(gift);
        requestInformation.request(g.id(), "Who are the trustees?", BEN);
        assertThat(reload(g).analyst()).isEqualTo("ben");
    }

    @Test
    void aCaseIsAssignedOnlyToAnAnalystAndOnlyByAnAnalystOrAnAdministrator() {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        ReviewCase c = caseOf(gift);
        assertThatThrownBy(() -> assignCase.assign(c.id(), "rex", ANA))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("analyst");
                    assertThat(p.message()).contains("rex").contains("analyst role");
                }));
        assertThatThrownBy(() -> assignCase.assign(c.id(), "nobody", ANA)).isInstanceOf(InvalidInput.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> assignCase.assign(c.id(), "ben", SAM)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> assignCase.assign(c.id(), null, REX)).isInstanceOf(NotPermitted.class);
        Actor ada = new Actor("ada", Set.of(Role.ADMINISTRATOR), null);
        assertThatThrownBy(() -> assignCase.assign(c.id(), " ", ada)).isInstanceOf(InvalidInput.class).hasMessageContaining("analyst");
        assertThat(reload(c).analyst()).isNull();

        assertThat(assignCase.assign(c.id(), "ben", ada).analyst()).isEqualTo("ben");
        assertThat(assignCase.assign(c.id(), "ana", BEN).analyst()).isEqualTo("ana");
        assertThat(cases.view(c.id(), AUDREY).timeline()).filteredOn(t -> t.action().equals("case.analyst_assigned"))
                .extracting(CaseTimeline.Entry::actor).containsExactly("ada", "ben");
    }

    @Test
    void theSubmitterIsToldOfATierChangeButNotOfANewHitUnderTheDefaultPolicy() throws Exception {
        StoredEngagement gift = submit("saudi-gift-2020", SAM);
        raise(AlertKind.NEW_HIT, gift, "Al-Nahda Foundation now matches Al-Nahda Trading");
        assertThat(notifications.forActor(SAM)).extracting(Notification::link).doesNotContain("/mine/" + gift.id());

        raise(AlertKind.TIER_CHANGED, gift, "ELEVATED -> PROHIBITED after Al-Nahda Trading was listed");
        Notification told = notifications.forActor(SAM).stream().filter(n -> ("/mine/" + gift.id()).equals(n.link())).findFirst().orElseThrow();
        assertThat(told.recipient()).isEqualTo("sam");
        assertThat(told.body()).contains(gift.id()).doesNotContain("Al-Nahda").doesNotContain("PROHIBITED");
        assertThat(mailTo("sam@example.edu", told.subject())).singleElement()
                .satisfies(m -> assertThat(m.getContent().toString()).contains("/mine/" + gift.id()).doesNotContain("Al-Nahda"));
        assertThat(notifications.forActor(SAM).stream().filter(n -> ("/mine/" + gift.id()).equals(n.link()))).hasSize(1);
    }

    @Test
    void aPolicyThatNamesNewHitTellsTheSubmitterWithoutTheEntryOrTheMatch() throws Exception {
        PolicyDocument before = policies.current().document();
        try {
            policies.update(before.withNotifySubmitter(List.of("NEW_HIT")), "test: submitters hear of new hits", "test");
            StoredEngagement gift = submit("saudi-gift-2020", SAM);
            assignCase.assign(caseOf(gift).id(), null, ANA);
            raise(AlertKind.NEW_HIT, gift, "Al-Nahda Foundation now matches Al-Nahda Trading (us_bis_entity_list #el-nahda, score 0.93)");
            Notification told = notifications.forActor(SAM).stream().filter(n -> ("/mine/" + gift.id()).equals(n.link()))
                    .findFirst().orElseThrow();
            assertThat(told.subject() + told.body()).contains(gift.id()).contains("back in review")
                    .doesNotContain("Al-Nahda").doesNotContain("el-nahda").doesNotContain("us_bis_entity_list").doesNotContain("0.93");
            assertThat(mailTo("sam@example.edu", told.subject())).singleElement()
                    .satisfies(m -> assertThat(m.getContent().toString()).doesNotContain("Al-Nahda").doesNotContain("0.93"));
            // the analyst still hears the details
            assertThat(mailTo("ana@example.edu", "Alert on engagement " + gift.id() + ": NEW_HIT")).singleElement()
                    .satisfies(m -> assertThat(m.getContent().toString()).contains("Al-Nahda Trading"));
            // and a tier change, which this policy leaves out, is not the submitter's
            raise(AlertKind.TIER_CHANGED, gift, "ELEVATED -> PROHIBITED");
            assertThat(notifications.forActor(SAM).stream().filter(n -> ("/mine/" + gift.id()).equals(n.link()))).hasSize(1);
        } finally {
            policies.update(before, "test: back", "test");
        }
    }
}
