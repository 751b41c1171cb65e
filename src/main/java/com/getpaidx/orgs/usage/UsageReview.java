package com.getpaidx.orgs.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.Forbidden;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.RowSink;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.internal.JdbcUsageReadings;
import com.getpaidx.orgs.usage.internal.JdbcUsageRepository;

/** Reading usage back: billing managers see all of it, every other member their own. */
@Service
public class UsageReview {

    /** Filters of the usage list; any may be null. */
    public record Filter(UserId userId, String workspaceId, Instant from, Instant to) {
    }

    private final JdbcUsageRepository usage;
    private final JdbcUsageReadings readings;
    private final Authorizer authorizer;

    UsageReview(JdbcUsageRepository usage, JdbcUsageReadings readings, Authorizer authorizer) {
        this.usage = usage;
        this.readings = readings;
        this.authorizer = authorizer;
    }

    /**
     * Every event that occurred in [from, to), oldest first, handed to {@code sink} one at a time (an export):
     * billing managers get all of them, every other member the events they acted in or paid for.
     */
    @Transactional(readOnly = true)
    public long export(OrgId org, UserId caller, Instant from, Instant to, RowSink<RecordedUsage> sink) {
        UserId involving = involving(org, caller);
        sink.begin();
        return readings.export(org, from, to, involving, sink);
    }

    /**
     * Whether any usage the caller may see (as {@link #events}) was recorded since {@code since}: it stops at the first
     * event found instead of summing every day.
     */
    @Transactional(readOnly = true)
    public boolean anySince(OrgId org, UserId caller, Instant since) {
        return readings.anySince(org, since, involving(org, caller));
    }

    /** Credits per UTC day from {@code first} to {@code last}, with the same visibility as {@link #events}. */
    @Transactional(readOnly = true)
    public List<UsageDay> daily(OrgId org, UserId caller, LocalDate first, LocalDate last) {
        return readings.daily(org, first, last, involving(org, caller));
    }

    @Transactional(readOnly = true)
    public Page<RecordedUsage> events(OrgId org, UserId caller, Filter filter, PageRequest request) {
        UserId involving = involving(org, caller);
        if (involving != null && filter.userId() != null && !filter.userId().equals(caller)) {
            throw new Forbidden();
        }
        var rows = usage.page(org, filter.userId(), filter.workspaceId(), filter.from(), filter.to(), involving, request);
        return request.page(rows, row -> new Cursor.Position(row.recordedAt(), row.eventId()));
    }

    /** Totals per paying member and per workspace for one UTC calendar month ({@code YYYY-MM}). */
    @Transactional(readOnly = true)
    public UsageSummary summary(OrgId org, UserId caller, String month) {
        authorizer.require(org, caller, Permission.MANAGE_BILLING);
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        }
        catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInput("month", "must be a month like 2026-11");
        }
        return usage.summary(org, yearMonth);
    }

    /**
     * Whose usage the caller may read, once it may see the org at all: every member's for a billing manager
     * (null), else only the events the caller acted in or paid for.
     */
    private @Nullable UserId involving(OrgId org, UserId caller) {
        Role role = authorizer.require(org, caller, Permission.VIEW);
        return role.can(Permission.MANAGE_BILLING) ? null : caller;
    }
}
