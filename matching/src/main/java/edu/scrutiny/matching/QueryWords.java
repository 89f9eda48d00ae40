package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.Latinizer;
import edu.scrutiny.matching.internal.PackedMultiMap;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of many names that are screened against index after index, keyed the way a query word is looked up in
 * an index's vocabulary, so that a small index can find for each of its own words the query words that would reach
 * it: monitoring screens the same 14,000 engagement names against each list version's change, whose vocabulary is a
 * few thousand words, and expanding every query word through each change's vocabulary was about a quarter of that
 * screening's CPU time (JFR of the rescreen benchmark, 2026-12-06). Looked up the other way round, a change's word
 * meets its query words with a few look-ups, and each pair found is verified as the query's expansion verifies it
 * ({@link ScreeningIndex#exhaustiveBatch(QueryWords)}).
 *
 * <p>Each word is keyed as {@code ScreeningIndex.expand} looks it up, under the same conditions of kind, script and
 * length: its text (exact matches and prefixes), its text again where the index's deletion map is looked up by it,
 * its deletions, its spelling-variant key, its consonant skeleton and the given names equivalent to it. A key is its
 * hash, as in the index's own maps, so that two keys that collide there collide here too, and the same pairs are
 * verified. Built once for a set of names; read-only after, so safe to share between threads.
 */
public final class QueryWords {
    /** The distinct words (by identity: names that share their tokens share them here, {@link ScreeningIndex.PreparedName#sharingTokens}). */
    final NameToken[] words;
    /** For each word, whether a person's query screens it ({@link #PERSON}) and whether another's does ({@link #OTHER}). */
    final byte[] uses;
    static final byte PERSON = 1;
    static final byte OTHER = 2;
    private final Map<NameToken, Integer> ids;
    /** Every word by its text: exact matches, and the prefixes an organisation's short word stands for. */
    final PackedMultiMap exact;
    /** The words the index's deletion map is looked up by whole (in Latin letters, four or more). */
    final PackedMultiMap whole;
    /** Every deletion of each word that looks its deletions up. */
    final PackedMultiMap deletions;
    final PackedMultiMap variants;
    final PackedMultiMap skeletons;
    /** Each word under every given name equivalent to it. */
    final PackedMultiMap givenNames;

    private QueryWords(NameToken[] words, byte[] uses, Map<NameToken, Integer> ids) {
        this.words = words;
        this.uses = uses;
        this.ids = ids;
        PackedMultiMap.Builder exactKeys = new PackedMultiMap.Builder();
        PackedMultiMap.Builder wholeKeys = new PackedMultiMap.Builder();
        PackedMultiMap.Builder deletionKeys = new PackedMultiMap.Builder();
        PackedMultiMap.Builder variantKeys = new PackedMultiMap.Builder();
        PackedMultiMap.Builder skeletonKeys = new PackedMultiMap.Builder();
        PackedMultiMap.Builder givenNameKeys = new PackedMultiMap.Builder();
        for (int w = 0; w < words.length; w++) {
            NameToken t = words[w];
            String text = t.text();
            exactKeys.put(text, w);
            if (t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.INITIAL) {
                continue; // a number or an initial expands to itself only
            }
            boolean ascii = Latinizer.isAscii(text);
            if (text.length() >= (ascii ? 4 : 3)) {
                if (ascii) {
                    wholeKeys.put(text, w);
                }
                deletionKeys.putDeletions(text, w);
            }
            if (ascii && text.length() >= 3) {
                variantKeys.put(t.variantKey(), w);
            }
            if (ascii && t.skeleton().length() >= 2) {
                skeletonKeys.put(t.skeleton(), w);
            }
            for (String other : GivenNames.equivalents(text)) {
                givenNameKeys.put(other, w);
            }
        }
        this.exact = exactKeys.build();
        this.whole = wholeKeys.build();
        this.deletions = deletionKeys.build();
        this.variants = variantKeys.build();
        this.skeletons = skeletonKeys.build();
        this.givenNames = givenNameKeys.build();
    }

    /** The words the names are looked up by as queries of their schemas: every identifying word of every form, and each adjacent two joined. */
    public static QueryWords of(List<ScreeningIndex.PreparedName> names) {
        Map<NameToken, Integer> ids = new IdentityHashMap<>();
        List<NameToken> words = new ArrayList<>();
        List<Byte> uses = new ArrayList<>();
        for (ScreeningIndex.PreparedName name : names) {
            byte use = name.schema() == Schema.PERSON ? PERSON : OTHER;
            NormalizedName q = name.normalized();
            ScreeningIndex.forEachTermToken(q, t -> {
                Integer w = ids.get(t);
                if (w == null) {
                    ids.put(t, words.size());
                    words.add(t);
                    uses.add(use);
                } else {
                    uses.set(w, (byte) (uses.get(w) | use));
                }
            });
        }
        byte[] u = new byte[uses.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = uses.get(i);
        }
        return new QueryWords(words.toArray(NameToken[]::new), u, ids);
    }

    /** The word's number here, or -1 where no name given holds this token object. */
    int id(NameToken token) {
        Integer w = ids.get(token);
        return w == null ? -1 : w;
    }

    /** How many distinct words the names hold. */
    public int size() {
        return words.length;
    }
}
