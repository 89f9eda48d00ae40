package edu.scrutiny.app.screening;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.lists.ListEntry;

import java.time.LocalDate;
import java.util.List;

/**
 * A name that matched a list entry in force on the screening date.
 *
 * @param party       the name screened (a party, or an owner of one)
 * @param list        the entry's list key
 * @param category    the list category the policy reads
 * @param matchedName the entry's name or alias that matched best
 * @param explanation how the names matched, part by part
 * @param versionId   the list version the entry was read from
 * @param contentSha  the SHA-256 of the entry's content, for clearing false positives
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hit(String party,
                  String list,
                  String category,
                  @JsonProperty("source_id") String sourceId,
                  @JsonProperty("entity_name") String entityName,
                  @JsonProperty("matched_name") String matchedName,
                  double score,
                  @JsonProperty("listed_on") LocalDate listedOn,
                  @JsonProperty("delisted_on") LocalDate delistedOn,
                  List<String> programs,
                  String explanation,
                  @JsonProperty("version_id") long versionId,
                  @JsonProperty("content_sha") String contentSha,
                  @JsonIgnore ListEntry entry) {
}
