package edu.scrutiny.lists;

/**
 * Every list format Scrutiny reads, as published. {@link #key()} is the stable name used in
 * command output and JSON.
 */
public enum ListFormat {
    OFAC_CSV("ofac-csv", "OFAC legacy CSV (sdn.csv/add.csv/alt.csv or cons_prim.csv/cons_add.csv/cons_alt.csv)"),
    OFAC_XML("ofac-xml", "OFAC XML (sdn.xml / consolidated.xml)"),
    OFAC_ENHANCED_XML("ofac-enhanced-xml", "OFAC enhanced XML (SDN_ENHANCED.XML / CONS_ENHANCED.XML)"),
    CSL_CSV("csl-csv", "trade.gov Consolidated Screening List CSV"),
    CSL_JSON("csl-json", "trade.gov Consolidated Screening List JSON"),
    UN_XML("un-xml", "UN Security Council consolidated list XML"),
    EU_XML("eu-xml", "EU consolidated financial sanctions XML"),
    UK_XML("uk-xml", "UK Sanctions List XML (FCDO)"),
    BIS_DPL("bis-dpl", "BIS Denied Persons List (tab-separated)"),
    FTM_JSON("ftm-json", "OpenSanctions FollowTheMoney entities (JSON lines)"),
    FTM_NESTED_JSON("ftm-nested-json", "OpenSanctions targets.nested.json (nested FollowTheMoney JSON)"),
    SECTION_1286_CSV("section-1286-csv", "DoD Section 1286 list, OpenSanctions CSV transcription"),
    SECTION_1260H_CSV("section-1260h-csv", "DoD Section 1260H list, OpenSanctions CSV transcription"),
    BIS_MIEU_CSV("bis-mieu-csv", "BIS Military-Intelligence End User list, OpenSanctions CSV transcription"),
    SCRUTINY_CSV("scrutiny-csv", "Scrutiny CSV");

    private final String key;
    private final String description;

    ListFormat(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return key;
    }
}
