package edu.scrutiny.app.review;

import edu.scrutiny.app.engagement.EngagementStatus;

/** What a decision says. DEFERRED keeps the case open in its stage. */
public enum Outcome {
    APPROVED, APPROVED_WITH_CONDITIONS, DECLINED, DEFERRED;

    /** The engagement status the decision sets. */
    public EngagementStatus engagementStatus() {
        return switch (this) {
            case APPROVED -> EngagementStatus.APPROVED;
            case APPROVED_WITH_CONDITIONS -> EngagementStatus.APPROVED_WITH_CONDITIONS;
            case DECLINED -> EngagementStatus.DECLINED;
            case DEFERRED -> EngagementStatus.IN_REVIEW;
        };
    }
}
