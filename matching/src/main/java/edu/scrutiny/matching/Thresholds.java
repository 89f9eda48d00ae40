package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;

/**
 * The default score at which a candidate counts as a match, per schema. Calibrated on the
 * analyst-judged pairs and the UN list in ../shared/data/eval (see the README's matching section
 * for the precision and recall each gives, and {@code scrutiny evaluate} to measure them again).
 */
public final class Thresholds {
    /** Persons: names whose parts are often common ("Mohammed", "Kim"), so the bar is high. */
    public static final double PERSON = 0.80;
    /** Organisations, companies and legal entities of unknown kind. */
    public static final double ORGANIZATION = 0.80;
    /** Vessels and aircraft: short names ("Snow", "Victory"); too few judged pairs to set them apart. */
    public static final double VESSEL = 0.80;
    /** When the schema is not known. */
    public static final double ANY = 0.80;

    private Thresholds() {
    }

    public static double defaultFor(Schema schema) {
        if (schema == null) {
            return ANY;
        }
        return switch (schema) {
            case PERSON -> PERSON;
            case ORGANIZATION, COMPANY, LEGAL_ENTITY -> ORGANIZATION;
            case VESSEL, AIRPLANE -> VESSEL;
        };
    }
}
