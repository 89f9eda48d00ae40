package edu.scrutiny.spark;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ScreeningSources;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.batch.BatchScreener;
import edu.scrutiny.matching.batch.HitRow;
import edu.scrutiny.matching.batch.QueryRow;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Batch screening on Apache Spark ({@code spark-submit --class edu.scrutiny.spark.ScreenJob}): the
 * names of a CSV or Parquet input screened against lists, one output row per candidate with the
 * columns of {@code scrutiny screen} plus the explanation. The lists are read once on the driver;
 * their entries are broadcast compactly ({@link IndexPayload}); each partition's rows are parsed and
 * screened by the matching library's {@link BatchScreener}, the code path of {@code scrutiny screen},
 * so the rows are the same as the command line's for the same input.
 */
public final class ScreenJob {
    private static final int PROBLEMS_SHOWN = 50;
    private static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(QueryRow.REQUIRED);
        c.addAll(QueryRow.OPTIONAL);
        COLUMNS = List.copyOf(c);
    }

    /** The output's schema: the {@code screen} contract's columns, then {@code explanation}. */
    public static final StructType OUTPUT = new StructType()
            .add("query_id", DataTypes.StringType, false)
            .add("rank", DataTypes.IntegerType, false)
            .add("score", DataTypes.createDecimalType(5, 4), false)
            .add("match", DataTypes.BooleanType, false)
            .add("list", DataTypes.StringType, true)
            .add("source_id", DataTypes.StringType, true)
            .add("entity_name", DataTypes.StringType, true)
            .add("matched_name", DataTypes.StringType, true)
            .add("explanation", DataTypes.StringType, true);

    private ScreenJob() {
    }

    /**
     * What a run did.
     *
     * @param entries        list entries indexed
     * @param broadcastBytes size of the broadcast payload
     * @param indexSeconds   time to build the index on the driver
     * @param screened       names screened
     * @param rows           output rows written
     * @param rejected       input rows that could not be screened
     * @param problems       the first of those, with where they are and what is wrong
     */
    public record Result(int entries, int broadcastBytes, double indexSeconds, long screened, long rows, long rejected,
                         List<String> problems, double seconds) {
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (JobOptions.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("scrutiny-screen").getOrCreate();
        int code;
        try {
            Result r = run(spark, options, System.err::println);
            code = r.rejected() > 0 ? 1 : 0;
        } catch (JobInputException | ListFormatException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        } catch (IOException e) {
            System.err.println("error: " + e);
            code = 1;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Runs the job in a session (the tests' {@code local[2]}, or the one spark-submit makes).
     *
     * @param log receives the progress lines (lists read, broadcast size, counts, rejected rows)
     * @throws JobInputException   for a missing input or column, or an output that exists
     * @throws ListFormatException for a list path that is missing or not a list
     */
    public static Result run(SparkSession spark, JobOptions o, Consumer<String> log) throws IOException {
        long started = System.nanoTime();
        refuseExistingOutput(spark, o.output());
        Dataset<Row> queries = queries(spark, o);

        List<ListEntry> entries = ScreeningSources.read(o.lists(), log);
        IndexPayload payload = IndexPayload.of(entries);
        long indexStart = System.nanoTime();
        ScreeningIndex index = payload.index(); // built once here; executors in this JVM (local mode) share it
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        log.accept(String.format(Locale.ROOT, "indexed %,d entries, %,d names in %.1f s on the driver; broadcast %,d bytes "
                        + "(gzip JSON lines of the entries, sha256 %s)", index.size(), index.names(), indexSeconds, payload.bytes(),
                payload.sha256().substring(0, 12)));

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<IndexPayload> broadcast = jsc.broadcast(payload);
        String input = o.input();
        LocalDate asOf = o.asOf();
        Double threshold = o.threshold();
        int limit = o.limit();

        // rows that cannot be screened: parsing only, before the (much dearer) screening pass
        JavaRDD<String> problems = queries.javaRDD().mapPartitions(it -> {
            List<String> out = new ArrayList<>();
            while (it.hasNext()) {
                QueryRow q = parse(it.next(), input, asOf);
                if (q.problem() != null) {
                    out.add(q.location() + ": " + q.problem());
                }
            }
            return out.iterator();
        });
        long rejected = problems.count();
        List<String> shown = rejected == 0 ? List.of() : problems.take(PROBLEMS_SHOWN);

        JavaRDD<Row> rows = queries.javaRDD();
        int target = o.partitions() > 0 ? o.partitions() : spark.sparkContext().defaultParallelism();
        if (o.partitions() > 0 || rows.getNumPartitions() < target) {
            rows = rows.repartition(target);
        }
        LongAccumulator screened = spark.sparkContext().longAccumulator("names screened");
        LongAccumulator written = spark.sparkContext().longAccumulator("rows written");
        JavaRDD<Row> hits = rows.mapPartitions(it -> {
            BatchScreener screener = new BatchScreener(broadcast.value().index(), threshold, limit);
            return new Flattening(it, row -> {
                QueryRow q = parse(row, input, asOf);
                if (q.problem() != null) {
                    return List.of();
                }
                screened.add(1);
                List<HitRow> found = screener.screen(q);
                written.add(found.size());
                List<Row> out = new ArrayList<>(found.size());
                for (HitRow h : found) {
                    out.add(RowFactory.create(h.queryId(), h.rank(), BigDecimal.valueOf(h.score()).setScale(4, RoundingMode.HALF_UP),
                            h.match(), h.list(), h.sourceId(), h.entityName(), h.matchedName(), h.explanation()));
                }
                return out;
            });
        });
        DataFrameWriter<Row> writer = spark.createDataFrame(hits, OUTPUT).write().mode(SaveMode.ErrorIfExists);
        if (o.outputFormat().equals("csv")) {
            writer.option("header", "true").option("escape", "\"").csv(o.output());
        } else {
            writer.parquet(o.output());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.accept(String.format(Locale.ROOT, "screened %,d names in %.1f s (%,.0f names/s), %,d rows written to %s (%s)",
                screened.value(), seconds, screened.value() / seconds, written.value(), o.output(), o.outputFormat()));
        if (rejected > 0) {
            shown.forEach(p -> log.accept("error: " + p));
            if (rejected > shown.size()) {
                log.accept(String.format(Locale.ROOT, "... and %,d more rows with errors", rejected - shown.size()));
            }
            log.accept(String.format(Locale.ROOT, "%,d rows could not be screened (above); all other rows were", rejected));
        }
        return new Result(index.size(), payload.bytes(), indexSeconds, screened.value(), written.value(), rejected, shown, seconds);
    }

    /** The input with the {@code screen} columns, all as text; absent optional columns are null. */
    static Dataset<Row> queries(SparkSession spark, JobOptions o) {
        Dataset<Row> raw;
        try {
            raw = o.inputFormat().equals("parquet")
                    ? spark.read().parquet(o.input())
                    : spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .option("encoding", "UTF-8").csv(o.input());
        } catch (Exception e) {
            if (e instanceof AnalysisException || e.getClass().getSimpleName().contains("AnalysisException")) {
                throw new JobInputException(o.input() + ": cannot be read as " + o.inputFormat() + ": " + firstLine(e.getMessage()));
            }
            throw e;
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (String c : raw.columns()) {
            String n = c.strip().toLowerCase(Locale.ROOT);
            byName.putIfAbsent(n.startsWith("\uFEFF") ? n.substring(1) : n, c);
        }
        for (String required : QueryRow.REQUIRED) {
            if (!byName.containsKey(required)) {
                throw new JobInputException(o.input() + ": the input lacks the column '" + required + "'; it must name the columns "
                        + String.join(", ", QueryRow.REQUIRED) + " (found: " + String.join(", ", raw.columns()) + ")");
            }
        }
        List<Column> columns = new ArrayList<>();
        for (String c : COLUMNS) {
            String actual = byName.get(c);
            columns.add((actual == null ? functions.lit(null) : raw.col("`" + actual.replace("`", "``") + "`"))
                    .cast(DataTypes.StringType).as(c));
        }
        return raw.select(columns.toArray(Column[]::new));
    }

    private static QueryRow parse(Row row, String input, LocalDate asOf) {
        String id = row.isNullAt(0) ? "" : row.getString(0).strip();
        String where = id.isEmpty()
                ? input + ": the record named '" + (row.isNullAt(1) ? "" : abbreviate(row.getString(1).strip())) + "'"
                : input + ": the record with id '" + abbreviate(id) + "'";
        return QueryRow.parse(where, c -> {
            int i = COLUMNS.indexOf(c);
            return i < 0 || row.isNullAt(i) ? "" : row.getString(i);
        }, asOf);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private static void refuseExistingOutput(SparkSession spark, String output) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(p)) {
            throw new JobInputException(output + ": already exists; the job writes its output into a new directory");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The rows of each input row, one after another, without holding a partition's output in memory. */
    private static final class Flattening implements Iterator<Row> {
        private final Iterator<Row> input;
        private final SerializableFunction map;
        private Iterator<Row> current = Collections.emptyIterator();

        Flattening(Iterator<Row> input, SerializableFunction map) {
            this.input = input;
            this.map = map;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && input.hasNext()) {
                current = map.apply(input.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    @FunctionalInterface
    private interface SerializableFunction extends java.io.Serializable {
        List<Row> apply(Row row);
    }
}
