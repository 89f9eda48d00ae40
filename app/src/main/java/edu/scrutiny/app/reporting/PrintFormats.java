package edu.scrutiny.app.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the printed reports show instants (UTC, to the second), scores and percentages; the print templates' {@code fmt}. */
public final class PrintFormats {
    static final PrintFormats INSTANCE = new PrintFormats();
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private PrintFormats() {
    }

    public String second(Instant at) {
        return at == null ? "" : SECOND.format(at);
    }

    public String score(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** 55%, 33.33% (at most two decimals, none when whole). */
    public String percent(Number share) {
        return share == null ? "" : new BigDecimal(share.toString()).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
