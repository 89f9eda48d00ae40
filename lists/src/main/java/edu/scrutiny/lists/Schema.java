package edu.scrutiny.lists;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of thing a list entry is, named as in FollowTheMoney so that OpenSanctions data
 * and every other source share one vocabulary.
 */
public enum Schema {
    PERSON("Person"),
    ORGANIZATION("Organization"),
    COMPANY("Company"),
    LEGAL_ENTITY("LegalEntity"),
    VESSEL("Vessel"),
    AIRPLANE("Airplane");

    private final String ftmName;

    Schema(String ftmName) {
        this.ftmName = ftmName;
    }

    /** The FollowTheMoney schema name, e.g. {@code LegalEntity}. */
    public String ftmName() {
        return ftmName;
    }

    /**
     * The schema for a FollowTheMoney name (case-insensitive; {@code PublicBody} counts as an
     * organisation), or empty for auxiliary schemata such as Sanction or Address.
     */
    public static Optional<Schema> fromFtm(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Schema s : values()) {
            if (s.ftmName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(s);
            }
        }
        return switch (n) {
            case "publicbody" -> Optional.of(ORGANIZATION);
            case "individual" -> Optional.of(PERSON);
            case "entity" -> Optional.of(LEGAL_ENTITY);
            case "aircraft" -> Optional.of(AIRPLANE);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return ftmName;
    }
}
