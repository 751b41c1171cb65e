package com.getpaidx.orgs.membership.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.getpaidx.orgs.audit.AuditFilter;
import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.shared.UtcDays;

/** The audit log's CSV download; the section itself is {@link AuditPageSection}. */
@Controller
class AuditPageController {

    private final MemberOrganizations organizations;

    AuditPageController(MemberOrganizations organizations) {
        this.organizations = organizations;
    }

    /** The events of the days {@code from} to {@code to} (UTC, both included) that pass the section's filters. */
    @GetMapping("/settings/organizations/{id}/audit/export")
    void export(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) {
        UtcDays days = UtcDays.of(from, to);
        var filter = new AuditFilter(actor == null ? null : new UserId(actor),
                action == null || action.isBlank() ? null : action.trim(), days.start(), days.end());
        try (var csv = AuditCsv.download(response)) {
            organizations.exportAuditEvents(new OrgId(id), user.id(), filter, csv);
        }
    }
}
