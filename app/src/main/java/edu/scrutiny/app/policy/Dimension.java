package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The risk dimensions every assessment scores from 0 to 1. */
public enum Dimension {
    @JsonProperty("ip") IP,
    @JsonProperty("data_security") DATA_SECURITY,
    @JsonProperty("national_security") NATIONAL_SECURITY,
    @JsonProperty("export_control") EXPORT_CONTROL,
    @JsonProperty("sanctions") SANCTIONS,
    @JsonProperty("reputation") REPUTATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
