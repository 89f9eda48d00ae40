/**
 * Screening: every name against every enabled list, as of a date. Keeps the matching library's
 * index in memory, built from every stored version, and swaps in a new one only when it is
 * complete; a {@link edu.scrutiny.app.screening.ScreeningSnapshot} is one consistent view of the
 * lists for one assessment. Remembers hits analysts cleared as false positives.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package edu.scrutiny.app.screening;
