package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One official list in the catalogue shipped with Scrutiny ({@code defaults/official-sources.json}).
 *
 * @param listKey       the list key its format gives (what the refresh checks the download holds)
 * @param url           where the publisher serves it, in {@code format}; null for a list published only as PDF
 * @param file          the file's name in a mirror ({@code scrutiny.sources.official-mirror}: MIRROR/LIST/FILE)
 * @param format        the format key of the reader that reads it ({@code scrutiny-csv} for PDF-only lists, transcribed)
 * @param category      the list's category, or {@code per-entry} where the format gives each entry its own (the CSL)
 * @param every         how often a source added from the catalogue is refreshed, as {@code 24h}
 * @param pdf           where the PDF of a PDF-only list is
 * @param checkedAgainst what the URL and format were checked against
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficialSource(@JsonProperty("list") String listKey,
                             String title,
                             String publisher,
                             String url,
                             String file,
                             String format,
                             String category,
                             String every,
                             String pdf,
                             @JsonProperty("publisher_page") String publisherPage,
                             @JsonProperty("checked_against") String checkedAgainst) {

    /** Whether it can be enabled as a source: it is published in a format the readers read, not only as PDF. */
    @JsonIgnore
    public boolean downloadable() {
        return url != null;
    }
}
