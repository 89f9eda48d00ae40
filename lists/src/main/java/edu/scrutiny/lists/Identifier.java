package edu.scrutiny.lists;

import java.util.Objects;

/**
 * An identifying number the source gives: passport, registration number, tax id, IMO number...
 *
 * @param type    the source's own label, e.g. "Passport" or "Unified Social Credit Code (USCC)"
 * @param value   the number as printed
 * @param country ISO 3166-1 alpha-2 of the issuing country, or null when not given
 */
public record Identifier(String type, String value, String country) {
    public Identifier {
        Objects.requireNonNull(value, "value");
    }
}
