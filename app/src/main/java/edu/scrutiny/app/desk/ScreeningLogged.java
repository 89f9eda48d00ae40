package edu.scrutiny.app.desk;

/** Published when a screening is logged, in the logging transaction (the audit trail records it). */
public record ScreeningLogged(LoggedScreening screening) {
}
