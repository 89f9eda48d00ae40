package edu.scrutiny.app.engagement;

import java.util.Locale;

/** Where an engagement is in its lifecycle (PRODUCT.md, "Engagements"). */
public enum EngagementStatus {
    DRAFT, SUBMITTED, SCREENING, AUTO_CLEARED, IN_REVIEW, APPROVED, APPROVED_WITH_CONDITIONS, DECLINED,
    ACTIVE, EXPIRED, TERMINATED, WITHDRAWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the engagement is still live for monitoring: not declined, withdrawn, expired or terminated. */
    public boolean isLive() {
        return this != DECLINED && this != WITHDRAWN && this != EXPIRED && this != TERMINATED;
    }
}
