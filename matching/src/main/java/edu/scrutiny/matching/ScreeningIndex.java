package edu.scrutiny.matching;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.IntList;
import edu.scrutiny.matching.internal.Latinizer;
import edu.scrutiny.matching.internal.PackedMultiMap;
import edu.scrutiny.matching.internal.Phonetics;
import edu.scrutiny.matching.internal.StringIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Screens names against list entries without comparing each query with every name.
 *
 * <h2>Building</h2>
 * Every name and alias of every entry is normalised once, in parallel ({@link NameNormalizer}).
 * Its tokens go into a vocabulary with posting lists (token → names holding it). Besides the
 * tokens themselves the index holds, for each short run of syllable-like tokens, the run joined
 * ("hua wei" → "huawei"), and for organisation names their initials ("buaa"). Over the vocabulary,
 * not the names, three fuzzy maps are built: single-letter deletions of every token (so a typo
 * of up to two letters between query and listed token meets in a shared deletion, as in SymSpell),
 * spelling-variant keys (Dmitrij/Dmitry), and consonant skeletons (Arabic محمد → "mhmd" meets
 * "Mohamed"). Memory grows with the number of names and of distinct tokens, not with their product.
 *
 * <h2>Screening</h2>
 * Each query token is expanded through the vocabulary (exact, deletions, variants, skeletons,
 * equivalent given names, abbreviation prefixes), every expansion verified with
 * {@link TokenSimilarity}. Names sharing expanded tokens collect the query token's weight times the
 * similarity, rarest first; words so common that their posting lists are long only add to names
 * the rarer words found, since they could not single out a match anyway. The best-collecting names are then
 * compared in full with {@link NameComparer}, adjusted for country and birth date
 * ({@link ContextScore}), and the best name of each entry is its candidate.
 *
 * <p>An index is immutable and safe for concurrent screening.
 */
public final class ScreeningIndex {
    /** Names fully compared per query, at least. */
    static final int MIN_CANDIDATES = 48;
    /**
     * Share of the query's weight a name must collect in retrieval to be compared in full, when the
     * caller wants candidates of at least {@link #MIN_SCORE_FOR_PRUNING}. Below it, even a listed name
     * matched completely by one query word scores under 0.5 (see NameComparer's single-word rule).
     */
    static final double PRUNE_SHARE = 0.25;
    static final double MIN_SCORE_FOR_PRUNING = 0.5;
    /**
     * Posting lists longer than this share of all names (and than 1,000) only add to the names that
     * rarer words of the query found, when it has any: a word in thousands of names cannot single out
     * a candidate, and walking its postings into new candidates was most of a query's cost at a
     * million entries.
     */
    static final double COMMON_POSTINGS_SHARE = 0.002;
    /** Names collecting less than this share of the best-collecting name's weight are not compared in full. */
    static final double SHARE_OF_BEST = 0.35;
    /**
     * How far below the floor {@link #screenExhaustively} still compares a name: two indexes add a
     * name's weights up in different orders, and floats so summed differ in their last bits.
     */
    static final float FLOAT_SLACK = 1e-4f;
    /** Longest prefix expansion for an abbreviation. */
    static final int MAX_PREFIX_EXPANSIONS = 32;
    /** Joined runs are built only of tokens this short: syllables, particles. */
    static final int MAX_JOINED_PART = 5;
    /** The most two adjacent query tokens joined ("al qaida" / "alqaida") weigh together: a little over one word. */
    static final double JOINED_WEIGHT_CAP = 1.3;

    private final List<ListEntry> entries;
    private final int[] nameEntry;
    private final String[] nameText;
    private final NormalizedName[] names;
    /**
     * Which names the comparer cannot tell apart: names with equal forms (and native form and script)
     * share a number. The lists overlap (one person on the UN, EU, UK and OFAC lists, each spelling the
     * name the same way), and a query's shortlist holds such twins: each is compared once per query.
     */
    private final int[] nameShape;
    /** The retrieval keys (words, joined runs, initials), numbered; {@link #vocabTokens} by the same numbers. */
    private final StringIds vocabulary;
    private final NameToken[] vocabTokens;
    /**
     * The names holding each key, ascending: those of key {@code id} are {@code postings[postingsFrom[id]]} up to
     * {@code postings[postingsFrom[id + 1]]} (two arrays for the whole vocabulary, not one per key).
     */
    private final int[] postingsFrom;
    private final int[] postings;
    private final String[] sortedVocabulary;
    private final PackedMultiMap deletions;
    private final PackedMultiMap variants;
    private final PackedMultiMap skeletons;
    private final TokenWeights weights;
    private final NameComparer comparer;
    private final NameNormalizer normalizer;
    private final int commonPostings;
    private final ThreadLocal<float[]> accumulators;
    /**
     * Each entry's countries as numbers ({@link #countryIds}): those of entry {@code e} are
     * {@code entryCountries[entryCountriesFrom[e]]} up to {@code entryCountries[entryCountriesFrom[e + 1]]}. An
     * exhaustive screening works out, for every name it meets, what the countries do to the score it needs. Read from
     * each entry's list of strings, that fetched a few more objects from memory per name: JFR put a quarter of a change
     * screening's samples on it, but most of that wait moved to the next read, and the numbers saved 3-5% of a pass
     * ({@code benchmarks/run change-screening}, 2026-12-05).
     */
    private final int[] entryCountriesFrom;
    private final int[] entryCountries;
    private final Map<String, Integer> countryIds = new HashMap<>();

    private ScreeningIndex(List<ListEntry> entries, int[] nameEntry, String[] nameText, NormalizedName[] names,
                           StringIds vocabulary, NameToken[] vocabTokens, int[] postingsFrom, int[] postings,
                           String[] sortedVocabulary, PackedMultiMap deletions, PackedMultiMap variants,
                           PackedMultiMap skeletons, TokenWeights weights, NameNormalizer normalizer) {
        this.entries = entries;
        this.nameEntry = nameEntry;
        this.nameText = nameText;
        this.names = names;
        this.nameShape = shapes(names);
        this.vocabulary = vocabulary;
        this.vocabTokens = vocabTokens;
        this.postingsFrom = postingsFrom;
        this.postings = postings;
        this.sortedVocabulary = sortedVocabulary;
        this.deletions = deletions;
        this.variants = variants;
        this.skeletons = skeletons;
        this.weights = weights;
        this.comparer = new NameComparer(weights);
        this.normalizer = normalizer;
        this.commonPostings = Math.max(1_000, (int) (names.length * COMMON_POSTINGS_SHARE));
        int n = names.length;
        this.accumulators = ThreadLocal.withInitial(() -> new float[n]);
        this.entryCountriesFrom = new int[entries.size() + 1];
        IntList countries = new IntList(entries.size());
        for (int e = 0; e < entries.size(); e++) {
            for (String c : entries.get(e).countries()) {
                countries.add(countryIds.computeIfAbsent(c, k -> countryIds.size()));
            }
            entryCountriesFrom[e + 1] = countries.size();
        }
        this.entryCountries = countries.toArray();
    }

    /** The numbers of a query's countries ({@link #countryIds}; -1 for a country no entry gives), as an entry's are compared with them. */
    private int[] countryIdsOf(ScreeningQuery query) {
        int[] ids = new int[query.countries().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = countryIds.getOrDefault(query.countries().get(i).toUpperCase(Locale.ROOT), -1);
        }
        return ids;
    }

    /** {@link ContextScore#countries} of a query, its countries numbered ({@link #countryIdsOf}), and an entry. */
    private ContextScore.Countries countries(int[] query, int entry) {
        int from = entryCountriesFrom[entry];
        int to = entryCountriesFrom[entry + 1];
        if (query.length == 0 || from == to) {
            return ContextScore.Countries.UNKNOWN;
        }
        for (int q : query) {
            for (int i = from; i < to; i++) {
                if (entryCountries[i] == q) {
                    return ContextScore.Countries.AGREE;
                }
            }
        }
        return ContextScore.Countries.DIFFER;
    }

    /** Builds an index over the entries (all their names and aliases), normalising in parallel. */
    public static ScreeningIndex build(Collection<ListEntry> entryCollection) {
        return build(entryCollection, (TokenWeights) null);
    }

    /**
     * Builds an index over a few entries that scores as a larger index would: with that index's
     * word weights instead of weights from these entries alone. Monitoring screens against the
     * entries a new list version added or changed this way, so that a name scores the same against
     * the change as against the whole list.
     *
     * @param weights the weights to score with, or null to derive them from these entries
     */
    public static ScreeningIndex build(Collection<ListEntry> entryCollection, TokenWeights weights) {
        return build(entryCollection, weights, null);
    }

    /**
     * As {@link #build(Collection)}, keeping the normalised names of the entries {@code previous} held, the very
     * same objects: a list version changes a few entries of many, and screening builds its index anew after every
     * import. Normalising every name again was about a quarter of that build, and the names it made were new objects
     * the collector then copied while they were young, in whatever ran after the import (monitoring's delta). An
     * entry is the same when it is the same object ({@code ListEntry} is immutable; the caller passes the previous
     * index's object for an entry whose stored content did not change), so its names normalise as before: the index
     * is the one {@link #build(Collection)} makes of the same entries, name for name.
     */
    public static ScreeningIndex build(Collection<ListEntry> entryCollection, ScreeningIndex previous) {
        return build(entryCollection, null, previous);
    }

    /**
     * {@link #build(Collection, TokenWeights)} keeping the normalised names of the entries {@code previous} holds (the
     * very same objects), as {@link #build(Collection, ScreeningIndex)} keeps them: monitoring builds an index of each
     * list version's change, whose entries the whole lists' index has normalised already.
     *
     * @param previous an index holding some of the entries, or null
     */
    public static ScreeningIndex build(Collection<ListEntry> entryCollection, TokenWeights weights, ScreeningIndex previous) {
        List<ListEntry> entries = List.copyOf(entryCollection);
        NameNormalizer normalizer = new NameNormalizer();
        IntList owner = new IntList(entries.size() * 2);
        List<String> texts = new ArrayList<>(entries.size() * 2);
        // for each name, where the previous index holds it normalised (-1 where it does not)
        IntList kept = new IntList(entries.size() * 2);
        Map<ListEntry, Integer> before = previous == null ? Map.of() : previous.firstNames();
        for (int e = 0; e < entries.size(); e++) {
            ListEntry entry = entries.get(e);
            Integer first = before.get(entry);
            owner.add(e);
            texts.add(entry.name());
            kept.add(first == null ? -1 : first);
            int k = 1;
            for (Alias a : entry.aliases()) {
                owner.add(e);
                texts.add(a.name());
                kept.add(first == null ? -1 : first + k++);
            }
        }
        int n = texts.size();
        int[] nameEntry = owner.toArray();
        String[] nameText = texts.toArray(String[]::new);
        int[] keptAt = kept.toArray();
        NormalizedName[] names = IntStream.range(0, n).parallel()
                .mapToObj(i -> keptAt[i] >= 0 ? previous.names[keptAt[i]]
                        : normalizer.normalize(nameText[i], entries.get(nameEntry[i]).schema()))
                .toArray(NormalizedName[]::new);
        canonicalise(names, keptAt);

        // what each name gives the vocabulary, worked out on every core; then added up in the names' order,
        // so that token ids are as a single thread gives them (the serial part was a third of a large build)
        NameTerms[] terms = IntStream.range(0, n).parallel()
                .mapToObj(i -> NameTerms.of(names[i], entries.get(nameEntry[i]).schema()))
                .toArray(NameTerms[]::new);

        // vocabulary and postings. The vocabulary numbers the keys in the order the names first give them; each
        // name's key ids are kept in one array, and the postings made of them in one more (by key, then name)
        StringIds vocabulary = new StringIds(previous == null ? n * 2 : previous.vocabulary.size() + n / 8);
        IntList keyIds = new IntList(n * 4);
        int[] keysFrom = new int[n + 1];
        // the marks a key's tokens give it (abjad, syllabic), and the names each word is in (its document frequency)
        IntList marks = new IntList(vocabulary.size());
        IntList df = new IntList(vocabulary.size());
        IntList heldBefore = new IntList(vocabulary.size()); // each key's id in the previous index, -1 where new
        for (int i = 0; i < n; i++) {
            NameTerms name = terms[i];
            terms[i] = null;
            keysFrom[i] = keyIds.size();
            for (String key : name.keys()) {
                int id = vocabulary.get(key);
                if (id < 0) {
                    // the previous index's string where it held the key: an old object, not a new one to copy
                    int held = previous == null ? -1 : previous.vocabulary.get(key);
                    id = vocabulary.add(held < 0 ? key : previous.vocabulary.text(held));
                    heldBefore.add(held);
                    marks.add(0);
                    df.add(0);
                }
                keyIds.add(id);
            }
            for (String word : name.words()) {
                int id = vocabulary.get(word); // a word of the name is one of its keys
                df.set(id, df.get(id) + 1);
            }
            for (NameToken t : name.marked()) {
                int id = vocabulary.get(t.text());
                if (id >= 0) {
                    marks.set(id, marks.get(id) | (t.abjad() ? ABJAD : 0) | (t.syllabic() ? SYLLABIC : 0));
                }
            }
        }
        keysFrom[n] = keyIds.size();
        vocabulary.trimmed();
        int[] postingsFrom = new int[vocabulary.size() + 1];
        for (int k = 0; k < keyIds.size(); k++) {
            postingsFrom[keyIds.get(k) + 1]++;
        }
        for (int id = 0; id < vocabulary.size(); id++) {
            postingsFrom[id + 1] += postingsFrom[id];
        }
        int[] postings = new int[keyIds.size()];
        int[] filled = Arrays.copyOf(postingsFrom, vocabulary.size());
        for (int i = 0; i < n; i++) { // by name, so that each key's names are in ascending order
            for (int k = keysFrom[i]; k < keysFrom[i + 1]; k++) {
                postings[filled[keyIds.get(k)]++] = i;
            }
        }
        NameToken[] vocab = vocabularyTokens(vocabulary, marks, heldBefore, previous);
        String[] sorted = new String[vocabulary.size()];
        for (int id = 0; id < sorted.length; id++) {
            sorted[id] = vocabulary.text(id);
        }
        Arrays.parallelSort(sorted);
        PackedMultiMap[] fuzzy = fuzzyMaps(vocab);
        TokenWeights scoring = weights == null ? new IndexWeights(vocabulary, df.toArray(), n) : weights;
        ScreeningIndex built = new ScreeningIndex(entries, nameEntry, nameText, names, vocabulary, vocab, postingsFrom, postings,
                sorted, fuzzy[0], fuzzy[1], fuzzy[2], scoring, normalizer);
        if (previous != null && weights == null) {
            // an index built from a previous one with weights of its own is the lists' after an import, and will be the
            // previous of the next build and of every change's index monitoring builds on it: its first names are made
            // with it, once, as the next build would make them (made on first use, they fell in the first delta
            // re-screening, 10-35 ms of a 100,000-entry index's, 2026-12-06). A change's index (the whole lists'
            // weights) is never built on, and does not make them
            built.firstNames();
        }
        return built;
    }

    /** A vocabulary key's marks: one of its tokens came from an abjad, or from a syllabic script. */
    private static final int ABJAD = 1;
    private static final int SYLLABIC = 2;

    /**
     * The vocabulary's tokens, one per key with the marks its names' tokens give it: the previous index's
     * token object where it held the same (its similarity keys made already, and an old object the
     * collector need not copy), else a new one.
     */
    private static NameToken[] vocabularyTokens(StringIds vocabulary, IntList marks, IntList heldBefore, ScreeningIndex previous) {
        NameToken[] vocab = new NameToken[vocabulary.size()];
        for (int id = 0; id < vocab.length; id++) {
            boolean abjad = (marks.get(id) & ABJAD) != 0;
            boolean syllabic = (marks.get(id) & SYLLABIC) != 0;
            int before = heldBefore.get(id);
            NameToken held = before < 0 ? null : previous.vocabTokens[before];
            vocab[id] = held != null && held.abjad() == abjad && held.syllabic() == syllabic
                    ? held : new NameToken(vocabulary.text(id), TokenKind.WORD, abjad, syllabic);
        }
        return vocab;
    }

    /**
     * Makes equal tokens of all the names one object each (and so their texts one string each), but for the names
     * kept from a previous index ({@code keptAt} not -1), whose tokens were made so when it was built. The
     * comparer's memo and the weights look tokens up in hash maps for every candidate of every query;
     * with one object per token most of those look-ups end at the first reference comparison instead of
     * comparing strings. Fewer objects also make a large index smaller.
     */
    private static void canonicalise(NormalizedName[] names, int[] keptAt) {
        java.util.concurrent.ConcurrentHashMap<NameToken, NameToken> canonical = new java.util.concurrent.ConcurrentHashMap<>();
        IntStream.range(0, names.length).parallel().forEach(i -> {
            if (keptAt[i] >= 0) {
                return; // kept from the previous index, whose tokens are canonical already
            }
            names[i] = sharing(names[i], t -> {
                NameToken c = canonical.putIfAbsent(t, t);
                return c == null ? t : c;
            }, false);
        });
    }

    /**
     * The name with each token replaced by the equal one {@code canonical} gives, and, with {@code joinedToo}, its
     * forms' joined pairs made and replaced so too (a query's terms; a listed name never needs them).
     */
    private static NormalizedName sharing(NormalizedName n, java.util.function.UnaryOperator<NameToken> canonical, boolean joinedToo) {
        List<NameForm> forms = new ArrayList<>(n.forms().size());
        for (NameForm f : n.forms()) {
            forms.add(f.sharing(canonical, joinedToo));
        }
        NameForm nativeForm = n.nativeForm() == null ? null : n.nativeForm().sharing(canonical, joinedToo);
        return new NormalizedName(n.original(), forms, nativeForm, n.nativeScript());
    }

    /** What the comparer reads of a name: its forms, its native form and script (not the text it came from). */
    private record Shape(List<NameForm> forms, NameForm nativeForm, String nativeScript) {
    }

    /** Numbers the names by {@link Shape}: equal shapes, equal numbers. */
    private static int[] shapes(NormalizedName[] names) {
        Map<Shape, Integer> numbers = new HashMap<>();
        int[] shape = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            NormalizedName n = names[i];
            Integer next = numbers.size();
            Integer known = numbers.putIfAbsent(new Shape(n.forms(), n.nativeForm(), n.nativeScript()), next);
            shape[i] = known == null ? next : known;
        }
        return shape;
    }

    /**
     * What one name gives the vocabulary: its retrieval keys (each once, in the order first met), the
     * words of its forms counted for their document frequency (each once), and its tokens marked abjad
     * or syllabic, whose vocabulary tokens take those marks.
     */
    private record NameTerms(String[] keys, String[] words, NameToken[] marked) {
        private static final NameToken[] NONE = {};

        static NameTerms of(NormalizedName name, Schema schema) {
            String[] keys = new LinkedHashSet<>(ScreeningIndex.keys(name, schema)).toArray(String[]::new);
            Set<String> words = new LinkedHashSet<>();
            List<NameToken> marked = null;
            for (NameForm f : name.forms()) {
                for (NameToken t : f.identifying()) {
                    if (t.kind() == TokenKind.WORD) {
                        words.add(t.text());
                    }
                    if (t.abjad() || t.syllabic()) {
                        if (marked == null) {
                            marked = new ArrayList<>();
                        }
                        marked.add(t);
                    }
                }
            }
            // arrays, not lists: a large index holds millions of these until they are added up
            return new NameTerms(keys, words.toArray(String[]::new), marked == null ? NONE : marked.toArray(NameToken[]::new));
        }
    }

    /** The retrieval keys of a name: its identifying tokens, joined runs of short tokens, and initials. */
    private static List<String> keys(NormalizedName name, Schema schema) {
        List<String> keys = new ArrayList<>();
        List<NameForm> forms = new ArrayList<>(name.forms());
        if (name.nativeForm() != null) {
            forms.add(name.nativeForm());
        }
        for (NameForm f : forms) {
            List<NameToken> tokens = f.identifying();
            for (NameToken t : tokens) {
                keys.add(t.text());
            }
            for (int i = 0; i + 1 < tokens.size(); i++) {
                StringBuilder joined = new StringBuilder(tokens.get(i).text());
                for (int len = 2; len <= 3 && i + len <= tokens.size(); len++) {
                    NameToken next = tokens.get(i + len - 1);
                    if (tokens.get(i).text().length() > MAX_JOINED_PART || next.text().length() > MAX_JOINED_PART
                            || next.kind() == TokenKind.NUMBER) {
                        break;
                    }
                    joined.append(next.text());
                    keys.add(joined.toString());
                }
            }
            if (schema != Schema.PERSON && tokens.size() >= 2 && tokens.size() <= 10) {
                StringBuilder initials = new StringBuilder();
                for (NameToken t : tokens) {
                    if (CommonWords.INSTANCE.weight(t) > 0.15 && !t.text().isEmpty()) {
                        initials.append(t.text().charAt(0));
                    }
                }
                if (initials.length() >= 2) {
                    keys.add(initials.toString());
                }
            }
        }
        return keys;
    }

    /** Deletion variants, spelling-variant keys and consonant skeletons of every vocabulary token, built in parallel. */
    private static PackedMultiMap[] fuzzyMaps(NameToken[] vocab) {
        int chunks = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        int per = (vocab.length + chunks - 1) / chunks;
        List<PackedMultiMap.Builder[]> parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            PackedMultiMap.Builder del = new PackedMultiMap.Builder();
            PackedMultiMap.Builder var = new PackedMultiMap.Builder();
            PackedMultiMap.Builder skel = new PackedMultiMap.Builder();
            for (int id = c * per; id < Math.min(vocab.length, (c + 1) * per); id++) {
                String t = vocab[id].text();
                if (!Latinizer.isAscii(t)) {
                    if (t.length() >= 3) {
                        del.putDeletions(t, id);
                    }
                    continue;
                }
                if (t.length() >= 4) {
                    del.put(t, id);
                    del.putDeletions(t, id);
                }
                if (t.length() >= 3) {
                    var.put(Phonetics.variantKey(t), id);
                }
                String s = Phonetics.skeleton(t);
                if (s.length() >= 2) {
                    skel.put(s, id);
                }
            }
            return new PackedMultiMap.Builder[] {del, var, skel};
        }).toList();
        PackedMultiMap.Builder del = new PackedMultiMap.Builder();
        PackedMultiMap.Builder var = new PackedMultiMap.Builder();
        PackedMultiMap.Builder skel = new PackedMultiMap.Builder();
        for (PackedMultiMap.Builder[] p : parts) {
            del.putAll(p[0]);
            var.putAll(p[1]);
            skel.putAll(p[2]);
        }
        return new PackedMultiMap[] {del.build(), var.build(), skel.build()};
    }

    /** Each entry's first name (its own; its aliases follow it), by the entry object itself. */
    private Map<ListEntry, Integer> firstNames() {
        Map<ListEntry, Integer> first = firstNames;
        if (first == null) {
            firstNames = first = java.util.Collections.unmodifiableMap(firstNamesFound());
        }
        return first;
    }

    /**
     * {@link #firstNames()}, made on first use (or with an index built from a previous one) and kept: every index of a
     * list version's change and the next version's whole index ask it of the same index (two threads that race make
     * equal maps).
     */
    private volatile Map<ListEntry, Integer> firstNames;

    private Map<ListEntry, Integer> firstNamesFound() {
        Map<ListEntry, Integer> first = new java.util.IdentityHashMap<>(entries.size() * 2);
        for (int i = 0; i < nameEntry.length; i++) {
            if (i == 0 || nameEntry[i] != nameEntry[i - 1]) {
                first.put(entries.get(nameEntry[i]), i);
            }
        }
        return first;
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /** Number of names (primary names and aliases). */
    public int names() {
        return names.length;
    }

    /** The weights this index gives tokens, from document frequency over its names. */
    public TokenWeights weights() {
        return weights;
    }

    /** The comparer this index scores with (its weights), for comparing two names directly. */
    public NameComparer comparer() {
        return comparer;
    }

    /**
     * Screens one query.
     *
     * @param limit    most candidates returned, best first
     * @param minScore candidates scoring below this are left out (0 keeps every candidate found)
     */
    public List<Candidate> screen(ScreeningQuery query, int limit, double minScore) {
        return screen(query, limit, minScore, false);
    }

    /**
     * Every candidate at or above {@code minScore} that any index holding these entries, with these
     * weights, could return: without the cuts that depend on the index's other names (the share of
     * the best-collecting name, the shortlist's length, a limit). Only the floor that depends on the
     * query and the weights alone is kept, loosened a little so that the order in which a larger index
     * adds up the same floats cannot put a name on the other side of it. So for entries held both
     * here and in a larger index built with the same weights, this finds every candidate the larger
     * index's {@link #screen} finds, at a score at least as high. Monitoring screens a list
     * version's change this way, so that the delta finds every hit the whole lists would give;
     * meant for small indexes (it compares in full every name that passes the floor).
     */
    public List<Candidate> screenExhaustively(ScreeningQuery query, double minScore) {
        return screen(query, normalizer.normalize(query.name(), query.schema()), Integer.MAX_VALUE, minScore, true);
    }

    /**
     * {@link #screenExhaustively(ScreeningQuery, double)} for a name normalised beforehand
     * ({@link PreparedName}): monitoring screens every engagement's names against each list version's
     * change, and normalising a name is most of what screening it against a small index costs.
     */
    public List<Candidate> screenExhaustively(ScreeningQuery query, PreparedName name, double minScore) {
        if (!name.name().equals(query.name()) || name.schema() != query.schema()) {
            throw new IllegalArgumentException("the prepared name '" + name.name() + "' (" + name.schema()
                    + ") is not the query's '" + query.name() + "' (" + query.schema() + ")");
        }
        return screen(query, name.normalized(), Integer.MAX_VALUE, minScore, true);
    }

    /**
     * A run of {@link #screenExhaustively(ScreeningQuery, PreparedName, double)} over many names, as
     * monitoring screens every engagement's names against a list version's change: thousands of names
     * that share most of their words. Expanding a query word through the vocabulary (its deletions,
     * spelling variants, skeletons, equivalent given names and prefixes, each verified) depends on the
     * word and the query's kind alone, so the batch expands each distinct word once and remembers it;
     * everything else is as for one name. Safe for concurrent use; meant to live as long as one such
     * run (it remembers up to {@link #REMEMBERED_WORDS} words, as {@link #batch()} does).
     */
    public ExhaustiveBatch exhaustiveBatch() {
        return new ExhaustiveBatch(null);
    }

    /**
     * {@link #exhaustiveBatch()} for names whose words are known beforehand: each word of this index is looked up
     * among them once, the other way round ({@link QueryWords}), and every pair found is verified as a query word's
     * expansion verifies it, so that a query word of these names expands to the same words with the same
     * similarities without being expanded. A word the names do not hold (a name screened that was not among them)
     * is expanded as before.
     */
    public ExhaustiveBatch exhaustiveBatch(QueryWords words) {
        return new ExhaustiveBatch(words);
    }

    /** See {@link #exhaustiveBatch()}. */
    public final class ExhaustiveBatch {
        private final RememberedMatches matches = new RememberedMatches(REMEMBERED_WORDS);
        /** The query words known beforehand, or null. */
        private final QueryWords words;
        /** Their matches in this index, two per word (as a person's query's, as another's), null where none. */
        private final Matches[] found;

        /**
         * Token comparisons remembered across the batch's names, one memo per thread and query kind (a
         * memo is not thread-safe, and comparing two tokens depends on whether a person is compared: a
         * person's query compares only as a person's, an organisation's never meets a person's name):
         * thousands of names share their words, and comparing tokens is much of comparing names in
         * full. Renewed every {@link #MEMO_QUERIES} names, so that its memory stays bounded: a delta screens
         * about 7,000 names per thread (10,000 engagements, two cores), and renewing the memo every 2,000 names
         * made it compare anew the token pairs it had met: the batch alone, on the rescreen benchmark's names, took
         * about a quarter less CPU time with the memo kept (2026-12-03). 20,000 names keep one for a whole delta.
         */
        private static final int MEMO_QUERIES = 20_000;
        private final ThreadLocal<Map<Schema, NameComparer.Memo>> memos = ThreadLocal.withInitial(HashMap::new);
        /**
         * The names a query touched, kept per thread and cleared for the next: a query of the rescreen benchmark's
         * touches about 75 names of a change, and growing a new list for each was the largest share of what the change
         * screening allocated (JFR, 2026-12-05).
         */
        private final ThreadLocal<IntList> touchedNames = ThreadLocal.withInitial(() -> new IntList(256));
        private final ThreadLocal<int[]> memoUses = ThreadLocal.withInitial(() -> new int[1]);
        /** A query's name scores by shape, kept per thread and emptied for the next: made for each, a tenth of what the change screening allocated. */
        private final ThreadLocal<ShapeScores> shapeScores = ThreadLocal.withInitial(() -> new ShapeScores(64));

        private ExhaustiveBatch(QueryWords words) {
            this.words = words;
            this.found = words == null ? null : matchesOf(words);
        }

        /** What this batch gives a query word, for tests. */
        Matches matchesFor(NameToken t, boolean person) {
            return of(t, person);
        }

        /**
         * A query word's matches: those found for it the other way round where the word is one of the names' (as
         * a token object) and is screened so by them, else expanded (and remembered) as in any batch.
         */
        private Matches of(NameToken t, boolean person) {
            if (words == null) {
                return matches.of(t, person);
            }
            SeenMatches seen = t.seen;
            if (seen != null && seen.by() == found && seen.person() == person) {
                return seen.matches();
            }
            int w = words.id(t);
            if (w < 0 || (words.uses[w] & (person ? QueryWords.PERSON : QueryWords.OTHER)) == 0) {
                return matches.of(t, person);
            }
            Matches m = found[2 * w + (person ? 1 : 0)];
            m = m == null ? NO_MATCHES : m;
            // marked by this batch's own table, as RememberedMatches marks by its own object
            t.seen = new SeenMatches(found, person, m);
            return m;
        }

        private NameComparer.Memo memo(Schema schema) {
            if (schema != Schema.PERSON && schema != Schema.ORGANIZATION && schema != Schema.COMPANY) {
                // a query of another kind compares with persons and organisations alike: its own memo, as screenExhaustively's
                return new NameComparer.Memo();
            }
            int[] uses = memoUses.get();
            Map<Schema, NameComparer.Memo> byKind = memos.get();
            if (++uses[0] > MEMO_QUERIES) {
                uses[0] = 0;
                byKind.clear();
            }
            return byKind.computeIfAbsent(schema, k -> new NameComparer.Memo());
        }

        /**
         * The same candidates as {@link #screenExhaustively(ScreeningQuery, PreparedName, double)}: the
         * names' collected weights are the same sums (added in another order, which
         * {@link #FLOAT_SLACK} absorbs), and every name at or above the floor is compared in full.
         */
        public List<Candidate> screen(ScreeningQuery query, PreparedName name, double minScore) {
            if (!name.name().equals(query.name()) || name.schema() != query.schema()) {
                throw new IllegalArgumentException("the prepared name '" + name.name() + "' (" + name.schema()
                        + ") is not the query's '" + query.name() + "' (" + query.schema() + ")");
            }
            NormalizedName q = name.normalized();
            if (q.isEmpty()) {
                return List.of();
            }
            float[] acc = accumulators.get();
            IntList touched = touchedNames.get();
            touched.clear();
            try {
                collect(q, query.schema() == Schema.PERSON, acc, touched);
                if (touched.size() == 0) {
                    return List.of();
                }
                float floor = minScore >= MIN_SCORE_FOR_PRUNING ? pruneFloor(q) : 0f;
                int[] shortlist = atFloor(acc, touched, floor * (1 - FLOAT_SLACK));
                return score(query, q, shortlist, Integer.MAX_VALUE, minScore, memo(query.schema()), true,
                        shapeScores.get().reset(shortlist.length));
            } finally {
                for (int i = 0; i < touched.size(); i++) {
                    acc[touched.get(i)] = 0;
                }
            }
        }

        /**
         * What each name collects of the query's weight: every expansion of every query word (and of
         * each pair of adjacent words joined) adds the word's weight times its similarity to the names
         * holding it, as {@code retrieve} adds them, but walking every posting list (a small index's
         * words are never too common to find names): at least what {@code retrieve} collects.
         */
        private void collect(NormalizedName q, boolean person, float[] acc, IntList touched) {
            forEachTerm(q, (t, weight) -> add(t, person, weight, acc, touched));
        }

        private void add(NameToken t, boolean person, double weight, float[] acc, IntList touched) {
            Matches m = of(t, person);
            for (int k = 0; k < m.ids().length; k++) {
                float add = (float) (weight * m.sims()[k]);
                int id = m.ids()[k];
                for (int p = postingsFrom[id]; p < postingsFrom[id + 1]; p++) {
                    int name = postings[p];
                    if (acc[name] == 0) {
                        touched.add(name);
                    }
                    acc[name] += add;
                }
            }
        }
    }

    /**
     * A run of {@link #screen(ScreeningQuery, int, double)} over many queries, as {@code scrutiny screen}
     * and the Spark job screen a file: the same candidates, query for query, but each distinct query word
     * is expanded through the vocabulary once (its deletions, spelling variants, skeletons, equivalent
     * given names and prefixes, each verified) and remembered for the batch's later queries, since the
     * expansion depends on the word and the query's kind alone. Names share their words (given names,
     * family names, "university"): at 1,000,000 entities, where a word's expansion meets more of the
     * vocabulary, a batch of 30,000 queries took a fifth less CPU time per query (docs/matching.md).
     * Safe for concurrent use; its memory is bounded ({@link #REMEMBERED_WORDS} words).
     */
    public Batch batch() {
        return batch(REMEMBERED_WORDS);
    }

    /** A batch that remembers at most {@code words} words, for tests of its forgetting. */
    Batch batch(int words) {
        return new Batch(words);
    }

    /** See {@link #batch()}. */
    public final class Batch {
        private final RememberedMatches matches;

        private Batch(int words) {
            matches = new RememberedMatches(words);
        }

        /** As {@link ScreeningIndex#screen(ScreeningQuery, int, double)}, with the batch's remembered words. */
        public List<Candidate> screen(ScreeningQuery query, int limit, double minScore) {
            return ScreeningIndex.this.screen(query, normalizer.normalize(query.name(), query.schema()), limit, minScore,
                    false, matches);
        }
    }

    /**
     * Words a batch remembered at most; past that it forgets them all and starts again (a batch of millions
     * of names meets ever more misspelt words, and what a word's expansion holds grows with the index).
     */
    static final int REMEMBERED_WORDS = 131_072;

    /** The vocabulary tokens a query token may stand for, its similarity to each, and whether any is rare. */
    record Matches(int[] ids, double[] sims, boolean hasRare) {
    }

    /**
     * A query token's matches as one batch remembered them, kept on the token ({@link NameToken#seen}):
     * where the names screened share their token objects ({@link PreparedName#sharingTokens}), a batch
     * finds a word it met in an earlier name at once, without a look-up in its table.
     *
     * @param by the batch's own mark, not the batch, so that a token kept longer than the batch does not
     *           keep the batch's index
     */
    record SeenMatches(Object by, boolean person, Matches matches) {
    }

    /** A query term's matches, with the weight the term carries (its similarities scale it). */
    private record Term(Matches matches, double weight) {
    }

    /** Where retrieval gets a query token's {@link Matches}: expanded anew, or remembered by a batch. */
    @FunctionalInterface
    private interface MatchSource {
        Matches of(NameToken token, boolean person);
    }

    /** Query tokens' matches remembered across a batch's queries, by token and kind of query; thread-safe. */
    private final class RememberedMatches implements MatchSource {
        private record Key(NameToken token, boolean person) {
            // written out, as NameComparer.Memo's runs: a record's own go through method handles, on every query word
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && person == k.person && token.equals(k.token);
            }

            @Override
            public int hashCode() {
                return token.hashCode() * 2 + (person ? 1 : 0);
            }
        }

        private final java.util.concurrent.ConcurrentHashMap<Key, Matches> remembered = new java.util.concurrent.ConcurrentHashMap<>();
        private final int most;
        /** What marks this batch's matches on the tokens. */
        private final Object mark = new Object();

        RememberedMatches(int most) {
            this.most = most;
        }

        @Override
        public Matches of(NameToken token, boolean person) {
            // the token met in an earlier name of the batch: a delta's change screening looked each of its engagement
            // names' words up in the table below, and the look-ups were a sixth of its CPU time (JFR, 2026-12-05)
            SeenMatches seen = token.seen;
            if (seen != null && seen.by() == mark && seen.person() == person) {
                return seen.matches();
            }
            Key key = new Key(token, person);
            Matches m = remembered.get(key);
            if (m == null) {
                m = matches(token, person);
                if (remembered.size() >= most) {
                    remembered.clear();
                }
                Matches first = remembered.putIfAbsent(key, m);
                m = first == null ? m : first;
            }
            token.seen = new SeenMatches(mark, person, m);
            return m;
        }
    }

    /**
     * A name normalised once for screening it many times, as a query of this schema would be.
     * Normalising depends on the name and the schema only, never on an index.
     */
    public record PreparedName(String name, Schema schema, NormalizedName normalized) {
        private static final NameNormalizer NORMALIZER = new NameNormalizer();

        public static PreparedName of(String name, Schema schema) {
            return new PreparedName(name, schema, NORMALIZER.normalize(name, schema));
        }

        /**
         * The same names, equal tokens among them made one object (the words each pair of adjacent words
         * makes joined too): what a batch remembers per word, and a memo per query token, it then finds on
         * the token itself or by identity. Names normalised one by one each hold their own tokens; a delta
         * re-screening screens the same 14,000 engagement names against each list version's change.
         */
        public static List<PreparedName> sharingTokens(List<PreparedName> names) {
            Map<NameToken, NameToken> canonical = new HashMap<>();
            List<PreparedName> out = new ArrayList<>(names.size());
            for (PreparedName p : names) {
                out.add(new PreparedName(p.name(), p.schema(), sharing(p.normalized(), t -> canonical.computeIfAbsent(t, k -> k), true)));
            }
            return out;
        }
    }

    private List<Candidate> screen(ScreeningQuery query, int limit, double minScore, boolean exhaustive) {
        return screen(query, normalizer.normalize(query.name(), query.schema()), limit, minScore, exhaustive);
    }

    private List<Candidate> screen(ScreeningQuery query, NormalizedName q, int limit, double minScore, boolean exhaustive) {
        return screen(query, q, limit, minScore, exhaustive, this::matches);
    }

    private List<Candidate> screen(ScreeningQuery query, NormalizedName q, int limit, double minScore, boolean exhaustive,
                                   MatchSource source) {
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        float[] acc = accumulators.get();
        IntList touched = new IntList(256);
        try {
            // names that share too little of the query's weight cannot reach even the floor of the CLI
            // (0.5); comparing them in full is most of the cost of a query, so they are left out here
            float floor = minScore >= MIN_SCORE_FOR_PRUNING ? pruneFloor(q) : 0f;
            retrieve(q, query.schema(), acc, touched, floor * (1 - FLOAT_SLACK), !exhaustive, source);
            int[] shortlist;
            if (exhaustive) {
                shortlist = atFloor(acc, touched, floor * (1 - FLOAT_SLACK));
            } else {
                float best = 0f;
                for (int i = 0; i < touched.size(); i++) {
                    best = Math.max(best, acc[touched.get(i)]);
                }
                floor = Math.max(floor, (float) (SHARE_OF_BEST * best));
                shortlist = shortlist(acc, touched, Math.max(MIN_CANDIDATES, limit * 8), floor);
            }
            return score(query, q, shortlist, limit, minScore, new NameComparer.Memo(), exhaustive, new ShapeScores(shortlist.length));
        } finally {
            for (int i = 0; i < touched.size(); i++) {
                acc[touched.get(i)] = 0;
            }
        }
    }

    /**
     * What each name collects of the query's weight, in {@code acc}, the names found in {@code touched}.
     * Once the postings left to walk add up to less than {@code newNamesFloor} (or, with {@code shareOfBest},
     * than {@link #SHARE_OF_BEST} of the best-collecting name so far, which the shortlist's floor can only
     * exceed), a name not found yet cannot reach the shortlist: the rest only add to the names found (the
     * same sums, in the same order, for every name that can reach it). It spares walking the last, longest
     * lists into names that could never be compared; what it saves was about a tenth of a query at a million
     * entities in one comparison and nothing visible in another (docs/matching.md).
     */
    private void retrieve(NormalizedName q, Schema schema, float[] acc, IntList touched, float newNamesFloor, boolean shareOfBest,
                          MatchSource source) {
        boolean person = schema == Schema.PERSON;
        List<Term> terms = new ArrayList<>();
        forEachTerm(q, (t, weight) -> terms.add(new Term(source.of(t, person), weight)));
        boolean anyRare = false;
        int pairs = 0;
        for (Term term : terms) {
            anyRare |= term.matches().hasRare();
            pairs += term.matches().ids().length;
        }
        // rarest postings first, so that common words, walked last, only add to names already found
        long[] order = new long[pairs];
        float[] adds = new float[pairs];
        int[] ids = new int[pairs];
        int n = 0;
        for (Term term : terms) {
            Matches e = term.matches();
            for (int k = 0; k < e.ids().length; k++) {
                int id = e.ids()[k];
                order[n] = ((long) postingsLength(id) << 32) | n;
                adds[n] = (float) (term.weight() * e.sims()[k]);
                ids[n] = id;
                n++;
            }
        }
        Arrays.sort(order, 0, n);
        // what the postings from each one on can add to a name at most (each adds once); compared with a
        // margin for the float sums' rounding
        double[] rest = new double[n + 1];
        for (int o = n - 1; o >= 0; o--) {
            rest[o] = rest[o + 1] + adds[(int) order[o]];
        }
        float best = 0f;
        float share = shareOfBest ? (float) SHARE_OF_BEST * (1 - FLOAT_SLACK) : 0f;
        for (int o = 0; o < n; o++) {
            int slot = (int) order[o];
            int from = postingsFrom[ids[slot]];
            int to = postingsFrom[ids[slot] + 1];
            float add = adds[slot];
            if (to - from > commonPostings && anyRare || rest[o] * (1 + 1e-4) < Math.max(newNamesFloor, share * best)) {
                best = Math.max(best, boost(postings, from, to, add, acc, touched));
                continue;
            }
            for (int p = from; p < to; p++) {
                int name = postings[p];
                if (acc[name] == 0) {
                    touched.add(name);
                }
                float a = acc[name] += add;
                if (a > best) {
                    best = a;
                }
            }
        }
    }

    /**
     * What retrieval collects for each of the index's names (zero for a name it does not find), with the
     * floor below which it stops finding new names: for tests of that bound against no floor at all.
     */
    float[] collected(String query, Schema schema, float newNamesFloor, boolean shareOfBest) {
        float[] acc = new float[names.length];
        retrieve(normalizer.normalize(query, schema), schema, acc, new IntList(256), newNamesFloor, shareOfBest, this::matches);
        return acc;
    }

    /** {@link #pruneFloor(NormalizedName)} of a query, for tests. */
    float pruneFloor(String query, Schema schema) {
        return pruneFloor(normalizer.normalize(query, schema));
    }

    /** The floor a name must collect to be compared in full, for a query screened at 0.5 or above. */
    private float pruneFloor(NormalizedName q) {
        return (float) (PRUNE_SHARE * queryWeight(q));
    }

    /** One term a query looks names up by: a token, or two adjacent tokens joined, with the weight it carries. */
    @FunctionalInterface
    private interface TermVisitor {
        void term(NameToken token, double weight);
    }

    /**
     * The terms a query looks names up by, for {@code retrieve} and {@link ExhaustiveBatch} alike: every
     * identifying token of each of its forms (the native one too) at its weight, and each pair of adjacent
     * tokens joined, against single listed tokens ("al qaida" / "alqaida"), at their weights' sum capped
     * at {@link #JOINED_WEIGHT_CAP}.
     */
    private void forEachTerm(NormalizedName q, TermVisitor visitor) {
        for (NameForm f : q.forms()) {
            forEachTerm(f, visitor);
        }
        if (q.nativeForm() != null) {
            forEachTerm(q.nativeForm(), visitor);
        }
    }

    /** The tokens of {@link #forEachTerm}'s terms, in its order, without their weights: what {@link QueryWords} keys. */
    static void forEachTermToken(NormalizedName q, java.util.function.Consumer<NameToken> visitor) {
        for (NameForm f : q.forms()) {
            f.identifying().forEach(visitor);
            f.joined().forEach(visitor);
        }
        if (q.nativeForm() != null) {
            q.nativeForm().identifying().forEach(visitor);
            q.nativeForm().joined().forEach(visitor);
        }
    }

    private void forEachTerm(NameForm f, TermVisitor visitor) {
        List<NameToken> tokens = f.identifying();
        for (NameToken t : tokens) {
            visitor.term(t, weights.weight(t));
        }
        List<NameToken> joined = f.joined();
        for (int i = 0; i < joined.size(); i++) {
            visitor.term(joined.get(i), Math.min(weights.weight(tokens.get(i)) + weights.weight(tokens.get(i + 1)), JOINED_WEIGHT_CAP));
        }
    }

    /**
     * Adds a common word's weight to the names already found, without finding new ones: a word in
     * thousands of names cannot single out a candidate, but it does tell apart the ones found. Looks
     * the names up in the posting list when they are few, walks the list when they are many.
     *
     * @param from where the word's posting list starts in {@code postings}, {@code to} where it ends
     * @return the most a name it added to has collected now (0 when it added to none)
     */
    private static float boost(int[] postings, int from, int to, float add, float[] acc, IntList touched) {
        float best = 0f;
        if ((long) touched.size() * 20 < to - from) {
            for (int i = 0; i < touched.size(); i++) {
                int name = touched.get(i);
                if (Arrays.binarySearch(postings, from, to, name) >= 0) {
                    best = Math.max(best, acc[name] += add);
                }
            }
        } else {
            for (int p = from; p < to; p++) {
                int name = postings[p];
                if (acc[name] != 0) {
                    best = Math.max(best, acc[name] += add);
                }
            }
        }
        return best;
    }

    /** The vocabulary tokens a query token may stand for, with their similarities. */
    private final class Expansion {
        final IntList ids = new IntList(8);
        double[] sims = new double[8];
        boolean hasRare;
        /** Where each id offered so far is in {@link #ids}: a linear probe over ids (most expansions hold a few). */
        private int[] table = new int[16];

        Expansion() {
            Arrays.fill(table, -1);
        }

        /** The slot in {@link #table} that holds the id's position in ids, or the free slot where it would go. */
        private int probe(int id) {
            int mask = table.length - 1;
            int h = (id * 0x9E3779B9) >>> 7 & mask;
            while (table[h] >= 0 && ids.get(table[h]) != id) {
                h = (h + 1) & mask;
            }
            return h;
        }

        /** Vocabulary tokens verified for this query token so far, as an open-addressing set (-1 free). */
        private int[] checked = new int[16];
        private int checkedCount;

        /** Whether the id has not been verified yet for this query token; it counts as verified from now on. */
        boolean firstCheck(int id) {
            if (checkedCount == 0) {
                Arrays.fill(checked, -1);
            }
            int mask = checked.length - 1;
            int h = (id * 0x9E3779B9) >>> 7 & mask;
            while (checked[h] >= 0) {
                if (checked[h] == id) {
                    return false;
                }
                h = (h + 1) & mask;
            }
            checked[h] = id;
            if (++checkedCount * 2 > checked.length) {
                int[] old = checked;
                checked = new int[old.length * 2];
                Arrays.fill(checked, -1);
                int m = checked.length - 1;
                for (int v : old) {
                    if (v >= 0) {
                        int k = (v * 0x9E3779B9) >>> 7 & m;
                        while (checked[k] >= 0) {
                            k = (k + 1) & m;
                        }
                        checked[k] = v;
                    }
                }
            }
            return true;
        }

        void offer(int id, double sim) {
            int h = probe(id);
            if (table[h] >= 0) {
                int s = table[h];
                sims[s] = Math.max(sims[s], sim);
                return;
            }
            if ((ids.size() + 1) * 2 > table.length) {
                table = new int[table.length * 2];
                Arrays.fill(table, -1);
                for (int i = 0; i < ids.size(); i++) {
                    table[probe(ids.get(i))] = i;
                }
                h = probe(id);
            }
            table[h] = ids.size();
            if (ids.size() == sims.length) {
                sims = Arrays.copyOf(sims, sims.length * 2);
            }
            sims[ids.size()] = sim;
            ids.add(id);
            if (postingsLength(id) <= commonPostings) {
                hasRare = true;
            }
        }
    }

    /** Whether a query word expands beyond its exact text (a number or an initial does not). */
    private static boolean fuzzy(NameToken t) {
        return t.kind() != TokenKind.NUMBER && t.kind() != TokenKind.INITIAL;
    }

    /** Notes how a query word was met from the current vocabulary word, listing it the first time. */
    private static void meet(byte[] met, IntList metWords, int w, byte how) {
        if (met[w] == 0) {
            metWords.add(w);
        }
        met[w] |= how;
    }

    /** A query word that reaches none of the vocabulary. */
    private static final Matches NO_MATCHES = new Matches(new int[0], new double[0], false);

    /**
     * What {@link #matches} gives each of these query words, found the other way round: each word of this index's
     * vocabulary is keyed as {@code fuzzyMaps} keys it and looked up among the query words' keys, under the
     * conditions {@link #expand} puts on the query word (its kind, script and length, the skeleton's abjad rule, the
     * prefix rule's kind of query and its cap), and every pair found is verified as {@link #expand} verifies it. A pair
     * of keys that collide in the index's maps collides in the query words' too, so that the same pairs are verified
     * and the same similarities kept. The vocabulary's ids come in ascending order, not in {@link #expand}'s; the names
     * then collect the same sums in another order, which {@link #FLOAT_SLACK} absorbs.
     *
     * @return two per query word (as a person's query's, then as another's), null where it reaches nothing
     */
    private Matches[] matchesOf(QueryWords words) {
        int chunks = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        int size = vocabTokens.length;
        int per = (size + chunks - 1) / chunks;
        // each chunk of the vocabulary on its own: its pairs in ascending order of the vocabulary's ids, chunk after chunk
        List<Pairs> parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> reverseExpand(words, c * per, Math.min(size, (c + 1) * per))).toList();
        int[] counts = new int[2 * words.words.length];
        for (Pairs part : parts) {
            for (int i = 0; i < part.size; i++) {
                counts[part.slots[i]]++;
            }
        }
        int[][] ids = new int[counts.length][];
        double[][] sims = new double[counts.length][];
        int[] filled = new int[counts.length];
        for (Pairs part : parts) {
            for (int i = 0; i < part.size; i++) {
                int slot = part.slots[i];
                if (ids[slot] == null) {
                    ids[slot] = new int[counts[slot]];
                    sims[slot] = new double[counts[slot]];
                }
                ids[slot][filled[slot]] = part.ids[i];
                sims[slot][filled[slot]++] = part.sims[i];
            }
        }
        Matches[] out = new Matches[counts.length];
        for (int slot = 0; slot < out.length; slot++) {
            if (ids[slot] != null) {
                boolean rare = false;
                for (int id : ids[slot]) {
                    rare |= postingsLength(id) <= commonPostings;
                }
                out[slot] = new Matches(ids[slot], sims[slot], rare);
            }
        }
        return out;
    }

    /** Pairs of a query word (its slot: the word twice, plus one as a person's query's) and a vocabulary word, with their similarity. */
    private static final class Pairs {
        int[] slots = new int[64];
        int[] ids = new int[64];
        double[] sims = new double[64];
        int size;

        void add(int slot, int id, double sim) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
                sims = Arrays.copyOf(sims, size * 2);
            }
            slots[size] = slot;
            ids[size] = id;
            sims[size++] = sim;
        }
    }

    /** Where a query word was met from a vocabulary word: as its exact text, by a key any query looks up, or as a prefix (an organisation's query's only). */
    private static final byte EXACT = 1;
    private static final byte ANY_QUERY = 2;
    private static final byte NOT_A_PERSON = 4;

    /** The pairs of the vocabulary's words {@code from} to {@code to} (exclusive) with the query words that {@link #expand} would reach them from. */
    private Pairs reverseExpand(QueryWords words, int from, int to) {
        Pairs pairs = new Pairs();
        NameToken[] q = words.words;
        // how each query word was met from the current vocabulary word (reset for the next through the list of those met)
        byte[] met = new byte[q.length];
        IntList metWords = new IntList(64);
        IntList prefixWords = new IntList(4);
        for (int v = from; v < to; v++) {
            NameToken listed = vocabTokens[v];
            String text = vocabulary.text(v);
            // exact: every kind of query word
            words.exact.forEach(text, w -> {
                if (q[w].text().equals(text)) {
                    meet(met, metWords, w, EXACT);
                }
            });
            // the deletion map holds the word itself (in Latin letters, four or more) and its deletions (three or more
            // where not in Latin letters); a query word looks it up by its own text and by its deletions
            boolean ascii = Latinizer.isAscii(text);
            java.util.function.IntConsumer byKey = w -> meet(met, metWords, w, ANY_QUERY);
            if (ascii ? text.length() >= 4 : text.length() >= 3) {
                if (ascii) {
                    int h = text.hashCode();
                    words.whole.forEachHash(h, byKey);
                    words.deletions.forEachHash(h, byKey);
                }
                for (int h : listed.deletionHashes()) {
                    words.whole.forEachHash(h, byKey);
                    words.deletions.forEachHash(h, byKey);
                }
            }
            if (ascii && text.length() >= 3) {
                words.variants.forEach(listed.variantKey(), byKey);
            }
            if (ascii && listed.skeleton().length() >= 2) {
                // a Latin query word meets a listed word by its consonants only where one of the two is from an abjad
                words.skeletons.forEach(listed.skeleton(), w -> {
                    if (q[w].abjad() || listed.abjad()) {
                        meet(met, metWords, w, ANY_QUERY);
                    }
                });
            }
            words.givenNames.forEach(text, w -> {
                if (GivenNames.equivalents(q[w].text()).contains(text)) {
                    meet(met, metWords, w, ANY_QUERY);
                }
            });
            // an organisation's short word (three to six Latin letters) stands for the words it begins, the first
            // MAX_PREFIX_EXPANSIONS of them in the vocabulary's order
            if (text.length() > 3) {
                int at = -1;
                for (int length = 3; length <= Math.min(6, text.length() - 1); length++) {
                    String prefix = text.substring(0, length);
                    if (!Latinizer.isAscii(prefix)) {
                        break; // and so are the longer ones
                    }
                    prefixWords.clear();
                    words.exact.forEach(prefix, w -> {
                        if (q[w].text().equals(prefix) && fuzzy(q[w])) {
                            prefixWords.add(w);
                        }
                    });
                    if (prefixWords.size() == 0) {
                        continue; // no query word is the prefix: the vocabulary's order need not be searched
                    }
                    // the words a prefix stands for follow it in the vocabulary's order, from where it is or would be
                    if (at < 0) {
                        at = Arrays.binarySearch(sortedVocabulary, text);
                    }
                    int first = Arrays.binarySearch(sortedVocabulary, prefix);
                    first = first < 0 ? -first - 1 : first + 1;
                    if (at - first < MAX_PREFIX_EXPANSIONS) {
                        for (int i = 0; i < prefixWords.size(); i++) {
                            meet(met, metWords, prefixWords.get(i), NOT_A_PERSON);
                        }
                    }
                }
            }
            for (int i = 0; i < metWords.size(); i++) {
                int w = metWords.get(i);
                byte how = met[w];
                met[w] = 0;
                NameToken t = q[w];
                for (int person = 0; person < 2; person++) {
                    boolean asPerson = person == 1;
                    if ((words.uses[w] & (asPerson ? QueryWords.PERSON : QueryWords.OTHER)) == 0) {
                        continue;
                    }
                    if ((how & EXACT) != 0) {
                        pairs.add(2 * w + person, v, 1.0);
                    } else if ((how & ANY_QUERY) != 0 || (!asPerson && (how & NOT_A_PERSON) != 0)) {
                        if (!fuzzy(t)) {
                            continue;
                        }
                        double sim = TokenSimilarity.compare(t, listed, asPerson).score();
                        if (sim >= TokenSimilarity.FLOOR) {
                            pairs.add(2 * w + person, v, sim);
                        }
                    }
                }
            }
            metWords.clear();
        }
        return pairs;
    }

    /** How many names hold the key. */
    private int postingsLength(int id) {
        return postingsFrom[id + 1] - postingsFrom[id];
    }

    /** A query token's {@link Matches}, expanded through the vocabulary (package-private for tests that compare with it). */
    Matches matches(NameToken t, boolean person) {
        Expansion e = expand(t, person);
        return new Matches(e.ids.toArray(), Arrays.copyOf(e.sims, e.ids.size()), e.hasRare);
    }

    private Expansion expand(NameToken t, boolean person) {
        Expansion e = new Expansion();
        String text = t.text();
        int exact = vocabulary.get(text);
        if (exact >= 0) {
            e.offer(exact, 1.0);
        }
        if (t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.INITIAL) {
            return e;
        }
        java.util.function.IntConsumer verify = id -> {
            if (!e.firstCheck(id)) {
                // reached again (by another deletion, say): the similarity is the same as the first time
                return;
            }
            TokenSimilarity.Result r = TokenSimilarity.compare(t, vocabTokens[id], person);
            if (r.score() >= TokenSimilarity.FLOOR) {
                e.offer(id, r.score());
            }
        };
        boolean ascii = Latinizer.isAscii(text);
        if (text.length() >= (ascii ? 4 : 3)) {
            if (ascii) {
                deletions.forEach(text, verify);
            }
            for (int hash : t.deletionHashes()) {
                deletions.forEachHash(hash, verify);
            }
        }
        if (ascii && text.length() >= 3) {
            variants.forEach(t.variantKey(), verify);
        }
        if (ascii) {
            String s = t.skeleton();
            if (s.length() >= 2) {
                skeletons.forEach(s, t.abjad() ? verify : id -> {
                    // a Latin query meets listed names from abjad scripts by their consonants only
                    if (vocabTokens[id].abjad()) {
                        verify.accept(id);
                    }
                });
            }
        }
        for (String other : GivenNames.equivalents(text)) {
            int id = vocabulary.get(other);
            if (id >= 0) {
                verify.accept(id);
            }
        }
        if (!person && ascii && text.length() >= 3 && text.length() <= 6) {
            int from = Arrays.binarySearch(sortedVocabulary, text);
            from = from < 0 ? -from - 1 : from + 1;
            for (int i = from; i < sortedVocabulary.length && i < from + MAX_PREFIX_EXPANSIONS
                    && sortedVocabulary[i].startsWith(text); i++) {
                verify.accept(vocabulary.get(sortedVocabulary[i]));
            }
        }
        return e;
    }

    /** The weight of the query's identifying tokens (its principal form). */
    private double queryWeight(NormalizedName q) {
        double w = 0;
        for (NameToken t : q.primary().identifying()) {
            w += weights.weight(t);
        }
        return w;
    }

    /**
     * Every name that collected at least {@code floor}, in the order the query touched them: an exhaustive
     * screening compares them all, so it needs no heap to rank them (ranking them was about a tenth of a change
     * screening's time); which of an entry's names is kept where two score the same is settled by the name's
     * place in the index ({@link #score}), not by this order.
     */
    private static int[] atFloor(float[] acc, IntList touched, float floor) {
        int count = 0;
        for (int i = 0; i < touched.size(); i++) {
            if (acc[touched.get(i)] >= floor) {
                count++;
            }
        }
        int[] names = new int[count];
        int at = 0;
        for (int i = 0; i < touched.size() && at < count; i++) {
            int name = touched.get(i);
            if (acc[name] >= floor) {
                names[at++] = name;
            }
        }
        return names;
    }

    /** The names that collected the most, at least {@code floor}, at most {@code k} of them. */
    private static int[] shortlist(float[] acc, IntList touched, int k, float floor) {
        int capacity = Math.min(k, touched.size());
        if (k >= touched.size()) {
            // a heap that keeps every name at the floor (the query touched fewer than k) is sized for those; the whole
            // index's shortlist mostly keeps a few dozen of thousands, and is not counted
            capacity = 0;
            for (int i = 0; i < touched.size(); i++) {
                if (acc[touched.get(i)] >= floor) {
                    capacity++;
                }
            }
        }
        TopK heap = new TopK(capacity);
        for (int i = 0; i < touched.size(); i++) {
            int name = touched.get(i);
            float a = acc[name];
            if (a < floor) {
                continue;
            }
            if (heap.size < k) {
                heap.add(name, a);
            } else if (a > heap.keys[0]) {
                heap.poll();
                heap.add(name, a);
            }
        }
        return Arrays.copyOf(heap.names, heap.size);
    }

    /**
     * A min-heap of names by what they collected, without boxing: the steps of
     * {@code java.util.PriorityQueue}'s sift-up and sift-down, one for one, so that the shortlist holds
     * the same names in the same order as the PriorityQueue it replaces (ties at its edge included).
     */
    static final class TopK {
        int[] names;
        float[] keys;
        int size;

        TopK(int capacity) {
            names = new int[Math.max(1, capacity)];
            keys = new float[names.length];
        }

        void add(int name, float key) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (Float.compare(key, keys[parent]) >= 0) {
                    break;
                }
                names[k] = names[parent];
                keys[k] = keys[parent];
                k = parent;
            }
            names[k] = name;
            keys[k] = key;
        }

        void poll() {
            int n = --size;
            int name = names[n];
            float key = keys[n];
            if (n == 0) {
                return;
            }
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                int right = child + 1;
                if (right < n && Float.compare(keys[child], keys[right]) > 0) {
                    child = right;
                }
                if (Float.compare(key, keys[child]) <= 0) {
                    break;
                }
                names[k] = names[child];
                keys[k] = keys[child];
                k = child;
            }
            names[k] = name;
            keys[k] = key;
        }
    }

    /** An entry's best-scoring name so far: which name, and its score after the context's adjustments. */
    private record BestName(int name, double score) {
    }

    /**
     * As above, remembering token comparisons in a memo that may outlive the query ({@link ExhaustiveBatch}).
     * Every shortlisted name is scored without its explanation; only the names of the candidates returned
     * are compared again to explain them (the same comparison, so the same score): most names compared
     * are not returned, and writing their explanations was a sizeable share of a query's cost.
     */
    private List<Candidate> score(ScreeningQuery query, NormalizedName q, int[] shortlist, int limit, double minScore,
                                  NameComparer.Memo memo, boolean bounded, ShapeScores scored) {
        // a name that cannot reach minScore with what its context adds (or takes away) is compared only as far as
        // its bound shows that: worth it where every name above the floor is compared (the exhaustive screenings,
        // 82% of whose comparisons of the rescreen benchmark's names stop there); the whole index's cut
        // leaves few such names, and there the bound cost more than it saved (speed-ab, 2026-12-04)
        Map<Integer, BestName> best = new HashMap<>();
        boolean institution = !query.countries().isEmpty() && InstitutionRules.isInstitution(q);
        int[] queryCountries = bounded ? countryIdsOf(query) : null;
        for (int name : shortlist) {
            int e = nameEntry[name];
            ListEntry entry = entries.get(e);
            if (!compatible(query.schema(), entry.schema())
                    || (query.asOf() != null && !entry.inForceOn(query.asOf()))) {
                continue;
            }
            if (query.schema() == Schema.PERSON && !names[name].primary().legalForms().isEmpty()) {
                // a person is not "Feng Sheng Co., Ltd.", whatever the list calls the entry
                continue;
            }
            boolean institutionName = institution && InstitutionRules.isInstitution(names[name]);
            // the entry's own cutoff: where its countries differ from the query's, the name must score above
            // minScore itself (names of a change met across countries mostly stop at the bound, 2026-12-05)
            double cutoff = bounded ? ContextScore.nameScoreNeeded(query, entry, countries(queryCountries, e), minScore, institutionName)
                    : Double.NEGATIVE_INFINITY;
            if (cutoff > 1) {
                // no name scores above 1: an institution of another country, say, is not compared at all
                continue;
            }
            double nameScore = scored.get(nameShape[name], cutoff);
            if (Double.isNaN(nameScore)) {
                // below the cutoff, a bound: at least the name's score, and its context does not lift it to minScore
                nameScore = comparer.score(q, names[name], memo, cutoff);
                scored.put(nameShape[name], nameScore, cutoff);
            }
            if (nameScore <= 0 || nameScore < cutoff) {
                // under the cutoff, its context does not lift the name to minScore
                continue;
            }
            double adjusted = ContextScore.adjustedScore(query, entry, nameScore, institutionName);
            BestName existing = best.get(e);
            // an exhaustive screening's names come in no ranked order ({@link #atFloor}): of two names of an entry that
            // score the same, the first in the index (the entry's own name before its aliases) is the one kept
            if (existing == null || adjusted > existing.score()
                    || (bounded && adjusted == existing.score() && name < existing.name())) {
                best.put(e, new BestName(name, adjusted));
            }
        }
        if (best.isEmpty()) {
            // most of an exhaustive screening's queries: no stream made for nothing
            return List.of();
        }
        return best.values().stream()
                .filter(b -> b.score() >= minScore)
                .sorted(this::byRank)
                .limit(limit)
                .map(b -> candidate(query, q, b.name(), institution, memo))
                .toList();
    }

    /**
     * Candidates' order: best score first, then by source id, list and the entry's place in the index.
     * The last two settle ties that the first two leave (one entry number on two lists, as OFAC's SDN
     * and consolidated lists share theirs), which otherwise came out in the order of the hash map of
     * entries, an order that moved with how many names a query happened to score.
     */
    private int byRank(BestName a, BestName b) {
        int s = Double.compare(b.score(), a.score());
        if (s != 0) {
            return s;
        }
        int ea = nameEntry[a.name()];
        int eb = nameEntry[b.name()];
        ListEntry x = entries.get(ea);
        ListEntry y = entries.get(eb);
        s = x.sourceId().compareTo(y.sourceId());
        if (s == 0) {
            s = x.list().compareTo(y.list());
        }
        return s != 0 ? s : Integer.compare(ea, eb);
    }

    /**
     * The name scores of one query by {@link #nameShape}: an open-addressing table sized for a shortlist
     * (NaN for a shape not scored yet), without boxing. A place is taken when its mark is the table's current one, so
     * that {@link #reset} empties the table for the next query without writing it.
     */
    private static final class ShapeScores {
        private int[] shapes = new int[0];
        private double[] scores;
        /** The cutoff each score was compared with: a score under it is a bound, and may be under another cutoff's score. */
        private double[] cutoffs;
        private int[] marks;
        private int mark;
        /** The places in use for this query, less one: the table may be larger than a query needs. */
        private int mask;

        ShapeScores(int expected) {
            reset(expected);
        }

        /** Empties the table for a query of {@code expected} names, larger if it needs to be. */
        ShapeScores reset(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            if (shapes.length < capacity) {
                shapes = new int[capacity];
                scores = new double[capacity];
                cutoffs = new double[capacity];
                marks = new int[capacity];
                mark = 0;
            }
            mask = capacity - 1;
            if (++mark == 0) {
                // the marks wrapped round: none may be taken for the current one
                Arrays.fill(marks, 0);
                mark = 1;
            }
            return this;
        }

        private int slot(int shape) {
            int h = (shape * 0x9E3779B9) >>> 7 & mask;
            while (marks[h] == mark && shapes[h] != shape) {
                h = (h + 1) & mask;
            }
            return h;
        }

        /**
         * The shape's score as compared with {@code cutoff}: the score kept where it is exact (it reached the cutoff
         * it was compared with) or a bound under this cutoff too; NaN where the shape is not scored yet, or where its
         * bound, kept under a higher cutoff, reaches this one (an entry of the query's country lowers the cutoff),
         * and the name must be compared again.
         */
        double get(int shape, double cutoff) {
            int h = slot(shape);
            if (marks[h] != mark) {
                return Double.NaN;
            }
            double score = scores[h];
            return score >= cutoffs[h] || score < cutoff ? score : Double.NaN;
        }

        void put(int shape, double score, double cutoff) {
            int h = slot(shape);
            marks[h] = mark;
            shapes[h] = shape;
            scores[h] = score;
            cutoffs[h] = cutoff;
        }
    }

    /** The candidate of a name scored above, with its explanation. */
    private Candidate candidate(ScreeningQuery query, NormalizedName q, int name, boolean institution, NameComparer.Memo memo) {
        ListEntry entry = entries.get(nameEntry[name]);
        NameComparison c = comparer.compare(q, names[name], memo);
        ContextScore.Adjusted adjusted = ContextScore.adjust(query, entry, c.score(),
                institution && InstitutionRules.isInstitution(names[name]));
        return new Candidate(entry, adjusted.score(), c.score(), nameText[name], c, adjusted.adjustments());
    }

    /** Whether a query of one schema may match an entry of another (FollowTheMoney's hierarchy, loosely). */
    static boolean compatible(Schema query, Schema entry) {
        if (query == null || query == entry) {
            return true;
        }
        return switch (query) {
            case PERSON -> entry == Schema.LEGAL_ENTITY;
            case ORGANIZATION, COMPANY -> entry == Schema.ORGANIZATION || entry == Schema.COMPANY || entry == Schema.LEGAL_ENTITY;
            case LEGAL_ENTITY -> entry != Schema.VESSEL && entry != Schema.AIRPLANE;
            case VESSEL, AIRPLANE -> false;
        };
    }
}
