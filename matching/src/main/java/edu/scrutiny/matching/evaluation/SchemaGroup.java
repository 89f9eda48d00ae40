package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;

/** The schema groups reported apart: each has its own default threshold and its own kind of names. */
enum SchemaGroup {
    PERSON("Person"),
    ORGANIZATION("Organization, Company, LegalEntity"),
    VESSEL("Vessel, Airplane");

    final String label;

    SchemaGroup(String label) {
        this.label = label;
    }

    static SchemaGroup of(Schema schema) {
        return switch (schema) {
            case PERSON -> PERSON;
            case ORGANIZATION, COMPANY, LEGAL_ENTITY -> ORGANIZATION;
            case VESSEL, AIRPLANE -> VESSEL;
        };
    }
}
