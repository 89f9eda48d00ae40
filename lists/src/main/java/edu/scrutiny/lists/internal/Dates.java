package edu.scrutiny.lists.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as list publishers write them: {@code 2019-05-16}, {@code 05/16/2019} (US month first),
 * {@code 16 May 2019}, {@code 2019-05-16T00:00:00}, {@code 2019-05-16-04:00}. Birth dates are often partial ("1958",
 * "Mar 1958", "circa 1958") and are kept as partial ISO strings.
 */
public final class Dates {
    private static final List<DateTimeFormatter> FULL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            // an XML Schema date with a zone, "2015-04-07-04:00" (the UN list has a few): the date as written
            DateTimeFormatter.ISO_DATE,
            DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            caseless("d MMM uuuu"),
            caseless("dd MMM uuuu"),
            caseless("d MMMM uuuu"),
            caseless("MMM d, uuuu"),
            caseless("MMMM d, uuuu"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT));
    private static final Pattern YEAR = Pattern.compile("(?:circa|ca\\.?|approximately|about)?\\s*(\\d{4})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    // the full month name first: "[MMM]" would take "Aug" of "August" and leave "ust"
    private static final DateTimeFormatter MONTH_YEAR = caseless("[MMMM][MMM] uuuu");
    private static final Pattern APPROXIMATE = Pattern.compile("(?:circa|ca\\.?|approximately|about)\\s+(.+)",
            Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    private static DateTimeFormatter caseless(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    /** A full date, or null when the text is empty or not a full date in a known form. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > 10 && s.charAt(10) == 'T' && s.charAt(4) == '-') {
            s = s.substring(0, 10);
        }
        for (DateTimeFormatter f : FULL) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * A possibly partial date as ISO-8601 ({@code 1958}, {@code 1958-03}, {@code 1958-03-11}),
     * or null when the text holds no recognisable date.
     */
    public static String partial(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate full = parse(text);
        if (full != null) {
            return full.toString();
        }
        String s = text.strip();
        Matcher ym = YEAR_MONTH.matcher(s);
        if (ym.matches()) {
            return s;
        }
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(s, MONTH_YEAR);
            return m.toString();
        } catch (DateTimeParseException ignored) {
            // not "Mar 1958"
        }
        Matcher y = YEAR.matcher(s.toLowerCase(Locale.ROOT));
        if (y.matches()) {
            return y.group(1);
        }
        // "circa 07 Jul 1966": the qualifier is dropped, as it is for a bare year
        Matcher approximate = APPROXIMATE.matcher(s);
        if (approximate.matches()) {
            return partial(approximate.group(1));
        }
        return null;
    }

    /**
     * The first day a possibly partial date allows ({@code 2022} gives 2022-01-01, {@code 2022-06}
     * gives 2022-06-01), or null when the text holds no recognisable date. For listing dates known
     * only to the year or month: taking the period's first day errs towards treating the party as
     * listed, which is the safe side for screening "as of" a date.
     */
    public static LocalDate listingDate(String text) {
        String p = partial(text);
        if (p == null) {
            return null;
        }
        return switch (p.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(p), 1, 1);
            case 7 -> java.time.YearMonth.parse(p).atDay(1);
            default -> LocalDate.parse(p);
        };
    }

    /**
     * The day a listing is over, from a possibly partial end date: a full date as given, a year
     * or month as the first day after it ({@code 2026} gives 2027-01-01), so that a party whose
     * listing ends "in 2026" is still seen as listed throughout 2026. Null when the text holds
     * no recognisable date.
     */
    public static LocalDate delistingDate(String text) {
        String p = partial(text);
        if (p == null) {
            return null;
        }
        return switch (p.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(p) + 1, 1, 1);
            case 7 -> java.time.YearMonth.parse(p).plusMonths(1).atDay(1);
            default -> LocalDate.parse(p);
        };
    }
}
