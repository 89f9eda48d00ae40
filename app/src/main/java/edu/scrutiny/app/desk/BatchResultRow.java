package edu.scrutiny.app.desk;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of a batch's results: a row of the file with one of its candidates, or with none (the
 * candidate fields null) when nothing scored 0.5 or more.
 *
 * @param closedOn when a watched batch's re-screening found the candidate's entry removed or delisted, or null
 */
public record BatchResultRow(int rowNo, String location, String rowId, String name, String schema, List<String> countries,
                             String birthDate, Integer rank, String list, String sourceId, String category, String entityName,
                             String matchedName, Double score, Boolean match, Boolean cleared, String explanation,
                             List<String> programs, LocalDate listedOn, Long versionId, LocalDate closedOn) {
}
