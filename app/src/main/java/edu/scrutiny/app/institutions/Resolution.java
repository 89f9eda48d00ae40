package edu.scrutiny.app.institutions;

import edu.scrutiny.lists.ror.RorRecord;

import java.util.List;

/**
 * A name resolved to its ROR record, with the records it is linked to.
 *
 * @param record  the record
 * @param how     why: the ror id the submitter gave, or the name of the record the party's name equals
 * @param renames the records linked to it as predecessor or successor, following the chain both
 *                ways (one organisation under its former and later names): these bridge
 * @param family  its parent, child and related links: shown, never used as identity
 */
public record Resolution(RorRecord record, String how, List<Linked> renames, List<Linked> family) {
    public Resolution {
        renames = List.copyOf(renames);
        family = List.copyOf(family);
    }

    /**
     * A linked record.
     *
     * @param relation how it is linked to the resolved record: predecessor, successor (also of a
     *                 predecessor or successor), parent, child, related
     * @param id       its ROR id
     * @param label    its name as the link gives it
     * @param record   the record itself, or null when the dump does not hold it
     */
    public record Linked(String relation, String id, String label, RorRecord record) {
    }

    /** The record and its renames, whose names all stand for one organisation. */
    public List<RorRecord> identity() {
        java.util.ArrayList<RorRecord> out = new java.util.ArrayList<>();
        out.add(record);
        renames.stream().map(Linked::record).filter(java.util.Objects::nonNull).forEach(out::add);
        return out;
    }
}
