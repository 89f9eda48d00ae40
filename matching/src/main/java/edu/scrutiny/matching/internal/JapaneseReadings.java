package edu.scrutiny.matching.internal;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Japanese readings of names written in kanji, in Latin letters: 山田太郎 → "yamada tarou". ICU reads
 * Han characters as Mandarin only ("shan tian tai lang"), so a Japanese name in kanji would never
 * meet its romanisation. Kuromoji's dictionary supplies the readings (katakana), which ICU then
 * romanises. The dictionary loads on first use, so lists without Han characters never pay for it.
 */
public final class JapaneseReadings {
    private static final ThreadLocal<JapaneseTokenizer> TOKENIZER = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));
    private static final ThreadLocal<Transliterator> KATAKANA = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Katakana-Latin; Latin-ASCII"));

    private JapaneseReadings() {
    }

    /** The reading of each word, romanised and separated by spaces; words without a reading are kept as written. */
    public static String read(String text) {
        JapaneseTokenizer tokenizer = TOKENIZER.get();
        StringBuilder katakana = new StringBuilder(text.length() * 2);
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            ReadingAttribute reading = tokenizer.getAttribute(ReadingAttribute.class);
            while (tokenizer.incrementToken()) {
                String r = reading.getReading();
                katakana.append(r != null ? r : term.toString()).append(' ');
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // reading from a string cannot fail to close
            }
        }
        return KATAKANA.get().transliterate(katakana.toString().strip());
    }
}
