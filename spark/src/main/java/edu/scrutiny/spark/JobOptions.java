package edu.scrutiny.spark;

import edu.scrutiny.matching.batch.BatchScreener;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's command line. {@code --input} and {@code --output} are Spark paths (local, HDFS, S3...);
 * {@code --lists} are paths on the driver (list files, directories, zips, or a {@code lists export}
 * directory), read there once.
 */
public record JobOptions(String input, String inputFormat, List<Path> lists, LocalDate asOf, String output,
                         String outputFormat, Double threshold, int limit, int partitions) implements Serializable {

    public static final String USAGE = """
            usage: spark-submit --class edu.scrutiny.spark.ScreenJob scrutiny-spark-job.jar
                     --input PATH [--input-format csv|parquet] --lists PATH [--lists PATH ...]
                     --output PATH [--output-format parquet|csv] [--as-of YYYY-MM-DD]
                     [--threshold X] [--limit K] [--partitions N]
              --input          names to screen, with the columns of 'scrutiny screen' (id, name; schema, country, birth_date)
              --input-format   csv (UTF-8, header line) or parquet; default: parquet when PATH ends in .parquet, else csv
              --lists          a list file, directory or zip, or a directory written by 'scrutiny lists export'; on the driver
              --output         a new directory: one row per candidate, the columns of 'screen' plus explanation
              --output-format  parquet (default) or csv
              --as-of          screen against the entries in force on this date
              --threshold      0 to 1; default: calibrated per schema, as 'screen'
              --limit          candidates kept per query (default 5)
              --partitions     partitions to screen in (default: Spark's default parallelism, when the input has fewer)
            """;

    /** A problem with the command line, worded for the person who typed it. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static JobOptions parse(String... args) {
        String input = null;
        String inputFormat = null;
        List<Path> lists = new ArrayList<>();
        LocalDate asOf = null;
        String output = null;
        String outputFormat = "parquet";
        Double threshold = null;
        int limit = BatchScreener.DEFAULT_LIMIT;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--input" -> input = value;
                case "--input-format" -> inputFormat = oneOf(option, value, "csv", "parquet");
                case "--lists" -> lists.add(Path.of(value));
                case "--as-of" -> asOf = date(option, value);
                case "--output" -> output = value;
                case "--output-format" -> outputFormat = oneOf(option, value, "parquet", "csv");
                case "--threshold" -> threshold = number(option, value);
                case "--limit" -> limit = (int) whole(option, value);
                case "--partitions" -> partitions = (int) whole(option, value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (input == null || output == null || lists.isEmpty()) {
            throw new UsageException("--input, --lists and --output are required");
        }
        String problem = BatchScreener.checkOptions(threshold, limit);
        if (problem != null) {
            throw new UsageException(problem);
        }
        if (inputFormat == null) {
            inputFormat = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet") ? "parquet" : "csv";
        }
        return new JobOptions(input, inputFormat, List.copyOf(lists), asOf, output, outputFormat, threshold, limit, partitions);
    }

    private static String oneOf(String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new UsageException(option + " is '" + value + "', expected " + String.join(" or ", allowed));
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new UsageException(option + " is '" + value + "', expected a date YYYY-MM-DD");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " is '" + value + "', expected a number");
        }
    }

    private static long whole(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " is '" + value + "', expected a whole number");
        }
    }
}
