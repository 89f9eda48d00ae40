package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameComparison;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.NormalizedName;
import edu.scrutiny.matching.TokenWeights;
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
 * Comparing two prepared names ({@link NameComparer#compare}), the work done for every candidate a
 * query's shortlist holds: a matching pair (a customer's spelling of a listed person) and a pair the
 * index would shortlist but that does not match (the same given name, another person).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CompareBenchmark {
    NameComparer comparer;
    NormalizedName query;
    NormalizedName listedSame;
    NormalizedName listedOther;

    @Setup
    public void prepare() {
        NameNormalizer normalizer = new NameNormalizer();
        comparer = new NameComparer(TokenWeights.defaults());
        query = normalizer.normalize("Nikita Alexandrovich Zaharov", Schema.PERSON);
        listedSame = normalizer.normalize("ZAKHAROV, Nikita Aleksandrovich", Schema.PERSON);
        listedOther = normalizer.normalize("SMIRNOV, Nikita Sergeyevich", Schema.PERSON);
    }

    @Benchmark
    public NameComparison matchingPair() {
        return comparer.compare(query, listedSame);
    }

    @Benchmark
    public NameComparison nonMatchingPair() {
        return comparer.compare(query, listedOther);
    }
}
