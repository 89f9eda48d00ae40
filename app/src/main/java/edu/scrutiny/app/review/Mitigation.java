package edu.scrutiny.app.review;

/** The mitigation library: the kinds of condition a case can carry. */
public enum Mitigation {
    TECHNOLOGY_CONTROL_PLAN, DATA_ACCESS_LIMITS, IP_TERMS, PUBLICATION_RIGHTS, NO_ON_SITE_ACCESS, TRAVEL_BRIEFING, TRAINING
}
