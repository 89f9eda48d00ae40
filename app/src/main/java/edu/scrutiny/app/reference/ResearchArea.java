package edu.scrutiny.app.reference;

/**
 * A research area engagements name by code.
 *
 * @param sensitive whether work in it with a counterparty from a country on a country list escalates
 * @param source    where the area comes from, e.g. the Critical and Emerging Technologies List (2024 update)
 */
public record ResearchArea(String code, String name, boolean sensitive, String source) {
}
