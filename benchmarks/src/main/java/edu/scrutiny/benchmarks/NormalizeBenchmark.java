package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.NormalizedName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Normalising one name ({@link NameNormalizer#normalize}), in each of the scripts that cost
 * differently: Latin letters, Cyrillic (transliterated letter by letter), Arabic (an abjad: only
 * consonants come through) and Chinese (Han characters to pinyin). Every query and every listed name
 * goes through it. The names are real listed names.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class NormalizeBenchmark {
    // fields, not constants, so that the compiler cannot fold the work away
    String latin = "Nikita Aleksandrovich ZAKHAROV";
    String cyrillic = "Захаров Никита Александрович";
    String arabic = "عبدالحليم حافظ عبدالفتاح رمادنا";
    String chinese = "中国航天科工集团有限公司";
    NameNormalizer normalizer = new NameNormalizer();

    /** Loads ICU's transliteration rules (seconds for Han) before warm-up, which would otherwise spend an iteration on it. */
    @Setup
    public void loadTransliterators() {
        for (String name : new String[] {latin, cyrillic, arabic, chinese}) {
            normalizer.normalize(name);
        }
    }

    @Benchmark
    public NormalizedName latinPerson() {
        return normalizer.normalize(latin, Schema.PERSON);
    }

    @Benchmark
    public NormalizedName cyrillicPerson() {
        return normalizer.normalize(cyrillic, Schema.PERSON);
    }

    @Benchmark
    public NormalizedName arabicPerson() {
        return normalizer.normalize(arabic, Schema.PERSON);
    }

    @Benchmark
    public NormalizedName chineseCompany() {
        return normalizer.normalize(chinese, Schema.COMPANY);
    }
}
