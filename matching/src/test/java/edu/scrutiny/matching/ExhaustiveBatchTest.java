package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of exhaustive screenings against a small index (monitoring's delta: every engagement name
 * against a list version's change) remembers each query word's expansion through the vocabulary;
 * it must give, name by name, exactly what {@link ScreeningIndex#screenExhaustively} gives, and so
 * every hit the whole lists give on the change's entries. The queries share words on purpose, in
 * both kinds (a word expands differently for a person and for an organisation: abbreviation prefixes
 * are organisations'), and come in an order in which a remembered expansion is reused.
 */
class ExhaustiveBatchTest {
    private static final String[] WORDS = {"corvid", "trading", "beihang", "aeronautics", "nordic", "petrov", "ivanov",
            "sergei", "dmitry", "mohamed", "hassan", "zhong", "xing", "telecom", "pacific", "marine", "holding", "beih",
            "aero", "petrova", "sergey", "dmitrij", "mohammed", "hasan", "nord", "logistics", "systems", "vladimir"};

    @Test
    void aBatchFindsWhatEachExhaustiveScreeningFindsAndEveryHitOfTheWholeLists() {
        List<ListEntry> all = entries();
        ScreeningIndex whole = ScreeningIndex.build(all);
        List<ListEntry> change = all.subList(0, 60);
        Set<String> changed = change.stream().map(ListEntry::sourceId).collect(Collectors.toSet());
        ScreeningIndex delta = ScreeningIndex.build(change, whole.weights());
        ScreeningIndex.ExhaustiveBatch batch = delta.exhaustiveBatch();

        List<String> queries = queries(all);
        int found = 0;
        for (String q : queries) {
            for (Schema schema : List.of(Schema.PERSON, Schema.ORGANIZATION)) {
                ScreeningQuery query = ScreeningQuery.of(q, schema);
                double threshold = Thresholds.defaultFor(schema);
                ScreeningIndex.PreparedName name = ScreeningIndex.PreparedName.of(q, schema);
                List<Candidate> one = delta.screenExhaustively(query, name, threshold);
                List<Candidate> batched = batch.screen(query, name, threshold);
                assertThat(CandidateLines.of(batched)).as("%s as %s", q, schema).isEqualTo(CandidateLines.of(one));
                Set<String> fromBatch = batched.stream().map(c -> c.entry().sourceId()).collect(Collectors.toSet());
                for (Candidate c : whole.screen(query, 25, threshold)) {
                    if (changed.contains(c.entry().sourceId())) {
                        assertThat(fromBatch).as("%s as %s: the whole lists' hit %s", q, schema, c.entry().sourceId())
                                .contains(c.entry().sourceId());
                    }
                }
                found += batched.size();
            }
        }
        assertThat(found).as("the queries find hits on the change").isGreaterThan(200);
    }

    /**
     * Monitoring screens its engagement names with their equal tokens made one object
     * ({@link ScreeningIndex.PreparedName#sharingTokens}), and a batch keeps what it found for a query word
     * on the token itself. A token then meets batches of other indexes (each list version's change) and
     * queries of both kinds: each must still give its own index's answer for its own kind.
     */
    @Test
    void namesSharingTheirTokensScreenAsTheirOwnInEveryBatchAndKind() {
        List<ListEntry> all = entries();
        ScreeningIndex whole = ScreeningIndex.build(all);
        ScreeningIndex first = ScreeningIndex.build(all.subList(0, 60), whole.weights());
        ScreeningIndex second = ScreeningIndex.build(all.subList(60, 120), whole.weights());
        List<ScreeningIndex.PreparedName> own = new ArrayList<>();
        for (String q : queries(all)) {
            own.add(ScreeningIndex.PreparedName.of(q, Schema.PERSON));
            own.add(ScreeningIndex.PreparedName.of(q, Schema.ORGANIZATION));
        }
        List<ScreeningIndex.PreparedName> shared = ScreeningIndex.PreparedName.sharingTokens(own);

        java.util.Map<NameToken, NameToken> seen = new java.util.HashMap<>();
        int repeated = 0;
        for (ScreeningIndex.PreparedName n : shared) {
            for (NameForm f : n.normalized().forms()) {
                for (NameToken t : f.tokens()) {
                    NameToken one = seen.putIfAbsent(t, t);
                    if (one != null) {
                        assertThat(one).as("the word %s in %s", t, n.name()).isSameAs(t);
                        repeated++;
                    }
                }
            }
        }
        assertThat(repeated).as("words the names share").isGreaterThan(500);

        int found = 0;
        for (int round = 0; round < 2; round++) {
            // both batches anew each round, so that every token meets a batch it has not met, after another's
            for (ScreeningIndex index : List.of(first, second)) {
                ScreeningIndex.ExhaustiveBatch batch = index.exhaustiveBatch();
                for (int i = 0; i < own.size(); i++) {
                    ScreeningIndex.PreparedName name = own.get(i);
                    ScreeningQuery query = ScreeningQuery.of(name.name(), name.schema());
                    double threshold = Thresholds.defaultFor(name.schema());
                    List<Candidate> batched = batch.screen(query, shared.get(i), threshold);
                    assertThat(CandidateLines.of(batched)).as("%s as %s", name.name(), name.schema())
                            .isEqualTo(CandidateLines.of(index.screenExhaustively(query, name, threshold)));
                    found += batched.size();
                }
            }
        }
        assertThat(found).as("the queries find hits on both changes").isGreaterThan(400);
    }

    /**
     * Monitoring builds each change's index on the whole lists' index, keeping the names it normalised (the entries the
     * whole index holds are the same objects; an entry it does not hold is normalised anew): it must screen exactly as
     * an index of the change built alone, name by name and in both kinds, and through a batch given the names' words.
     */
    @Test
    void aChangesIndexBuiltOnTheWholeListsIndexScreensAsOneBuiltAlone() {
        List<ListEntry> all = entries();
        ScreeningIndex whole = ScreeningIndex.build(all.subList(0, 550));
        List<ListEntry> change = new ArrayList<>(all.subList(0, 50));
        change.addAll(all.subList(550, 600)); // not in the whole index: normalised anew
        ScreeningIndex alone = ScreeningIndex.build(change, whole.weights());
        ScreeningIndex onWhole = ScreeningIndex.build(change, whole.weights(), whole);
        List<ScreeningIndex.PreparedName> names = new ArrayList<>();
        for (String q : queries(all)) {
            names.add(ScreeningIndex.PreparedName.of(q, Schema.PERSON));
            names.add(ScreeningIndex.PreparedName.of(q, Schema.ORGANIZATION));
        }
        List<ScreeningIndex.PreparedName> shared = ScreeningIndex.PreparedName.sharingTokens(names);
        ScreeningIndex.ExhaustiveBatch batch = onWhole.exhaustiveBatch(QueryWords.of(shared));
        int found = 0;
        for (int i = 0; i < names.size(); i++) {
            ScreeningIndex.PreparedName name = names.get(i);
            ScreeningQuery query = ScreeningQuery.of(name.name(), name.schema());
            double threshold = Thresholds.defaultFor(name.schema());
            List<String> expected = CandidateLines.of(alone.screenExhaustively(query, name, threshold));
            assertThat(CandidateLines.of(onWhole.screenExhaustively(query, name, threshold))).as("%s as %s", name.name(), name.schema())
                    .isEqualTo(expected);
            assertThat(CandidateLines.of(batch.screen(query, shared.get(i), threshold))).as("%s as %s, batched", name.name(), name.schema())
                    .isEqualTo(expected);
            found += expected.size();
        }
        assertThat(found).as("the queries find hits on the change").isGreaterThan(200);
    }

    /**
     * Monitoring knows its engagement names beforehand, and a batch given their words ({@link QueryWords}) finds
     * each word's matches the other way round, from the change's vocabulary. Name by name it must give exactly what
     * an exhaustive screening gives, in both kinds, and so must a name whose words it was not given.
     */
    @Test
    void aBatchGivenTheNamesWordsFindsWhatEachExhaustiveScreeningFinds() {
        List<ListEntry> all = entries();
        ScreeningIndex whole = ScreeningIndex.build(all);
        ScreeningIndex delta = ScreeningIndex.build(all.subList(0, 60), whole.weights());
        List<ScreeningIndex.PreparedName> own = new ArrayList<>();
        List<String> queries = queries(all);
        for (String q : queries.subList(0, queries.size() - 40)) {
            own.add(ScreeningIndex.PreparedName.of(q, Schema.PERSON));
            own.add(ScreeningIndex.PreparedName.of(q, Schema.ORGANIZATION));
        }
        List<ScreeningIndex.PreparedName> shared = ScreeningIndex.PreparedName.sharingTokens(own);
        QueryWords words = QueryWords.of(shared);
        ScreeningIndex.ExhaustiveBatch batch = delta.exhaustiveBatch(words);
        int found = 0;
        for (int i = 0; i < shared.size(); i++) {
            ScreeningIndex.PreparedName name = shared.get(i);
            ScreeningQuery query = ScreeningQuery.of(name.name(), name.schema());
            double threshold = Thresholds.defaultFor(name.schema());
            List<Candidate> batched = batch.screen(query, name, threshold);
            assertThat(CandidateLines.of(batched)).as("%s as %s", name.name(), name.schema())
                    .isEqualTo(CandidateLines.of(delta.screenExhaustively(query, own.get(i), threshold)));
            found += batched.size();
        }
        assertThat(found).as("the queries find hits on the change").isGreaterThan(200);
        // the last queries' words were not given: expanded as in any batch
        for (String q : queries.subList(queries.size() - 40, queries.size())) {
            for (Schema schema : List.of(Schema.PERSON, Schema.ORGANIZATION)) {
                ScreeningQuery query = ScreeningQuery.of(q, schema);
                ScreeningIndex.PreparedName name = ScreeningIndex.PreparedName.of(q, schema);
                double threshold = Thresholds.defaultFor(schema);
                assertThat(CandidateLines.of(batch.screen(query, name, threshold))).as("%s as %s, not given", q, schema)
                        .isEqualTo(CandidateLines.of(delta.screenExhaustively(query, name, threshold)));
            }
        }
    }

    /**
     * Found the other way round, every query word's matches must be those its expansion finds, word for word and
     * kind for kind, with the same similarities: across scripts (abjads meet Latin by their consonants only, scripts
     * that are not written in Latin letters by their deletions), for numbers and initials (themselves only), given
     * names and their equivalents, misspellings, and an organisation's short word standing for the words it begins,
     * up to the cap on how many.
     */
    @Test
    void eachQueryWordsMatchesFoundTheOtherWayRoundAreItsExpansions() {
        String[] listed = {"Владимир Путин", "Vladimir Putin", "Wladimir Putyn", "محمد حسن", "Mohammed Hassan", "Muhammad Hasan",
                "王伟", "Wang Wei", "José García", "Jose Garcia", "Bill Gates", "William Gates", "Elizabeth Truss", "J. R. R. Tolkien",
                "Kim Jong Un", "김정은", "Ким Чен Ын", "Αλέξης Τσίπρας", "Alexis Tsipras", "Hans Müller", "Hans Mueller", "Fund III", "7th Bureau",
                "Beijing University of Aeronautics and Astronautics", "Huawei Technologies Co Ltd", "ZTE Corporation",
                "Harbin Institute of Technology", "National University of Defense Technology", "Rosoboronexport", "Al Qaida",
                "International Trading Company", "Sharif University of Technology", "清华大学", "Tsinghua University",
                "Научно-производственное объединение Машиностроения", "شركة النفط الوطنية", "Shirkat al Naft",
                "Korea Mining Development Trading Corporation", "Mahan Air", "Islamic Revolutionary Guard Corps"};
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < listed.length; i++) {
            entries.add(ListEntry.builder("wl", "n-" + i).name(listed[i]).schema(i < 20 ? Schema.PERSON : Schema.ORGANIZATION).build());
        }
        // more words that "inter" begins than an abbreviation stands for
        for (int i = 0; i < 40; i++) {
            entries.add(ListEntry.builder("wl", "i-" + i).name("Inter" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + " Holdings")
                    .schema(Schema.ORGANIZATION).build());
        }
        ScreeningIndex index = ScreeningIndex.build(entries);
        String[] asked = {"Vladimir Putin", "Владимир Путин", "Wladimir Putin", "Vladimr Puttin", "Mohamed Hasan", "محمد حسن",
                "Mhmd Hsn", "Wang Wei", "王伟", "Jose Garcia", "José Garcia", "Bill Gates", "Will Gates", "Liz Truss", "J. Tolkien",
                "Kim Jong-un", "김정은", "Ким Чэн Ын", "Кима Ченн", "Alexis Tsipras", "Αλέξης Τσίπρας", "Hans Muller", "Fund 3", "Fund III", "7th Bureau",
                "Beihang Univ", "Univ of Aeronautics", "Huawei Tech Co", "ZTE Corp", "Harbin Inst of Tech", "Natl Univ Def Tech",
                "Rosoboronexprt", "Al-Qaeda", "alqaida", "Inter Trading", "Intl Trading Co", "Sharif Univ Tech", "Tsinghua",
                "清华大学", "Mashinostroyeniya", "شركة النفط", "Shirkat al Naft", "Korea Mining", "Mahan", "IRGC", "Hold"};
        List<ScreeningIndex.PreparedName> names = new ArrayList<>();
        for (String a : asked) {
            names.add(ScreeningIndex.PreparedName.of(a, Schema.PERSON));
            names.add(ScreeningIndex.PreparedName.of(a, Schema.ORGANIZATION));
        }
        QueryWords words = QueryWords.of(ScreeningIndex.PreparedName.sharingTokens(names));
        ScreeningIndex.ExhaustiveBatch batch = index.exhaustiveBatch(words);
        int pairs = 0;
        int prefixes = 0;
        for (NameToken t : words.words) {
            for (boolean person : new boolean[] {true, false}) {
                java.util.Map<Integer, Double> expanded = byId(index.matches(t, person));
                assertThat(byId(batch.matchesFor(t, person))).as("%s as %s", t, person ? "a person's" : "another's").isEqualTo(expanded);
                pairs += expanded.size();
                if (!person && t.text().equals("inter")) {
                    prefixes = expanded.size();
                }
            }
        }
        assertThat(pairs).as("pairs of words found").isGreaterThan(250);
        assertThat(prefixes).as("the words \"inter\" stands for: the cap and itself").isEqualTo(ScreeningIndex.MAX_PREFIX_EXPANSIONS);
    }

    private static java.util.Map<Integer, Double> byId(ScreeningIndex.Matches m) {
        java.util.Map<Integer, Double> out = new java.util.TreeMap<>();
        for (int i = 0; i < m.ids().length; i++) {
            out.put(m.ids()[i], m.sims()[i]);
        }
        return out;
    }

    /**
     * An exhaustive screening compares its names in no ranked order; where an entry's own name and an alias score
     * the same, the hit names the entry's own name, whichever the query touched first, in a batch as alone.
     */
    @Test
    void whereAnEntrysNameAndAliasScoreTheSameTheHitNamesTheEntrysOwnName() {
        List<ListEntry> entries = List.of(
                ListEntry.builder("wl", "p-1").schema(Schema.PERSON).name("Sergei Ivanov").alias("Ivanov Sergei").build(),
                ListEntry.builder("wl", "p-2").schema(Schema.PERSON).name("Ivanov Dmitry").alias("Dmitry Ivanov").build());
        ScreeningIndex index = ScreeningIndex.build(entries);
        ScreeningIndex.ExhaustiveBatch batch = index.exhaustiveBatch();
        for (String[] q : new String[][] {{"Sergei Ivanov", "PERSON", "Sergei Ivanov"}, {"Ivanov Sergei", "PERSON", "Sergei Ivanov"},
                {"Dmitry Ivanov", "PERSON", "Ivanov Dmitry"}, {"Ivanov Dmitry", "PERSON", "Ivanov Dmitry"}}) {
            Schema schema = Schema.valueOf(q[1]);
            ScreeningQuery query = ScreeningQuery.of(q[0], schema);
            ScreeningIndex.PreparedName name = ScreeningIndex.PreparedName.of(q[0], schema);
            double threshold = Thresholds.defaultFor(schema);
            for (List<Candidate> found : List.of(index.screenExhaustively(query, name, threshold), batch.screen(query, name, threshold))) {
                Candidate top = found.stream().filter(c -> c.entry().name().equals(q[2])).findFirst().orElseThrow();
                assertThat(top.matchedName()).as("%s against %s", q[0], q[2]).isEqualTo(q[2]);
            }
        }
    }

    /** 600 entries of persons and organisations whose names share their words. */
    private static List<ListEntry> entries() {
        SplittableRandom rnd = new SplittableRandom(17);
        List<ListEntry> all = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean person = i % 3 == 0;
            StringBuilder name = new StringBuilder();
            int words = 2 + rnd.nextInt(3);
            for (int w = 0; w < words; w++) {
                name.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            ListEntry.Builder b = ListEntry.builder("wl", "e-" + i).name(name.toString())
                    .schema(person ? Schema.PERSON : i % 3 == 1 ? Schema.COMPANY : Schema.LEGAL_ENTITY);
            if (i % 5 == 0) {
                b.alias(WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " Ltd");
            }
            all.add(b.build());
        }
        return all;
    }

    /** Names of the first 120 entries, some a letter short, reordered or cut to a prefix. */
    private static List<String> queries(List<ListEntry> all) {
        List<String> queries = new ArrayList<>();
        for (ListEntry e : all.subList(0, 120)) {
            String n = e.name();
            queries.add(n);
            queries.add(n.length() > 6 ? n.substring(0, 3) + n.substring(4) : n); // a letter dropped
            String[] parts = n.split(" ");
            queries.add(parts[parts.length - 1] + " " + parts[0]); // reordered, shortened
            queries.add(parts[0].substring(0, Math.min(4, parts[0].length())) + " " + parts[parts.length - 1]); // a prefix
        }
        return queries;
    }
}
