package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.InvalidInput;

import java.util.Locale;

/** A stage of review, and the role whose members act on a case in it. */
public enum Stage {
    /** A PROHIBITED case: an analyst declines it, citing the directive or list entry. */
    ANALYST_DECLINE(Role.ANALYST),
    /** Compliance review by analysts: adjudicate hits, request information, attach conditions, recommend. */
    COMPLIANCE_REVIEW(Role.ANALYST),
    /** The faculty committee (reviewers). */
    FACULTY_COMMITTEE(Role.REVIEWER),
    /** The senior risk group (reviewers), when the policy's condition holds. */
    SENIOR_RISK_GROUP(Role.REVIEWER);

    private final Role role;

    Stage(Role role) {
        this.role = role;
    }

    /** The role whose members act on a case in this stage. */
    public Role role() {
        return role;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromKey(String key) {
        for (Stage s : values()) {
            if (s.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return s;
            }
        }
        throw new InvalidInput("stage", "stage", "'" + key + "' is not one of analyst_decline, compliance_review, faculty_committee, senior_risk_group");
    }
}
