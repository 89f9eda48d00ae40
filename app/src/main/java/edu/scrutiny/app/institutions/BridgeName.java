package edu.scrutiny.app.institutions;

/**
 * Another name of a party's organisation, from its ROR record or a record linked to it as
 * predecessor or successor: screening compares it with the lists too.
 *
 * @param name    the name as the registry gives it
 * @param country the country to screen it with
 * @param why     how it bridges, for the hit's explanation: the party's record, the linked record and
 *                the name's type and language, and whether a record is inactive or withdrawn
 */
public record BridgeName(String name, String country, String why) {
    /** How every bridged hit's explanation starts, so that one can be told from a hit on the party's own name. */
    public static final String PREFIX = "bridged by ROR";
}
