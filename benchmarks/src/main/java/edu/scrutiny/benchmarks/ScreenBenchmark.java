package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Screening one query against an index of a synthetic list ({@link ScreeningIndex#screen}):
 * retrieving candidates, then scoring them. Queries are variants of listed names (found) and
 * unlisted names (nothing to find, which may cost more: no rare word narrows the search). Each
 * benchmark cycles through {@value #QUERIES} queries of its kind, since the cost depends much on
 * the words of the query; the figure is their average.
 *
 * <p>The lists directory comes from the system property {@code scrutiny.lists} (benchmarks/run sets it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ScreenBenchmark {
    static final int QUERIES = 1024;

    @Param("100000")
    int entities;

    ScreeningIndex index;
    ScreeningQuery[] variants;
    ScreeningQuery[] unlisted;
    int next;

    @Setup
    public void build() throws IOException {
        SyntheticList synthetic = new SyntheticList(NamePool.from(Path.of(System.getProperty("scrutiny.lists", "../shared/data/lists"))));
        List<ListEntry> entries = new ArrayList<>(entities);
        synthetic.generate("synthetic", entities, ScaleBenchmark.SEED, entries::add);
        index = ScreeningIndex.build(entries);
        List<LabelledQueries.LabelledQuery> queries = new LabelledQueries(entries, synthetic).generate(2 * QUERIES, ScaleBenchmark.SEED + 2);
        variants = queries.stream().filter(LabelledQueries.LabelledQuery::listed).map(LabelledQueries.LabelledQuery::query).toArray(ScreeningQuery[]::new);
        unlisted = queries.stream().filter(q -> !q.listed()).map(LabelledQueries.LabelledQuery::query).toArray(ScreeningQuery[]::new);
    }

    @Benchmark
    public List<Candidate> variantOfListedName() {
        return index.screen(variants[next++ & (QUERIES - 1)], ScaleBenchmark.LIMIT, 0);
    }

    @Benchmark
    public List<Candidate> unlistedName() {
        return index.screen(unlisted[next++ & (QUERIES - 1)], ScaleBenchmark.LIMIT, 0);
    }
}
