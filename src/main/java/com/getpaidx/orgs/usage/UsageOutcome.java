package com.getpaidx.orgs.usage;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/**
 * What became of one usage event: {@code accepted} (charged now), {@code duplicate} (charged before
 * with this very body) or {@code rejected} with the code of the first rule it broke.
 */
public record UsageOutcome(String eventId, Status status, String code, OrgId orgId, Credits credits,
        Credits balanceAfter) {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static UsageOutcome accepted(UsageReport report, OrgId org, Credits balanceAfter) {
        return new UsageOutcome(report.eventId(), Status.ACCEPTED, null, org, report.credits(), balanceAfter);
    }

    public static UsageOutcome duplicate(UsageReport report, OrgId org, Credits balanceAfter) {
        return new UsageOutcome(report.eventId(), Status.DUPLICATE, null, org, report.credits(), balanceAfter);
    }

    public static UsageOutcome rejected(UsageReport report, String code, OrgId org) {
        return new UsageOutcome(report == null ? null : report.eventId(), Status.REJECTED, code, org,
                report == null ? null : report.credits(), null);
    }
}
