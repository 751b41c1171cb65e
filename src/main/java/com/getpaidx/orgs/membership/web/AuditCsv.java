package com.getpaidx.orgs.membership.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.getpaidx.orgs.audit.AuditEvent;
import com.getpaidx.orgs.shared.web.CsvDownload;

/** The columns of the audit-log export, the API's and the page's; before and after as compact JSON. */
final class AuditCsv {

    private AuditCsv() {
    }

    static CsvDownload<AuditEvent> download(HttpServletResponse response) {
        return new CsvDownload<>(response, "audit-events.csv",
                List.of("id", "action", "actorUserId", "targetType", "targetId", "before", "after", "createdAt"),
                e -> Arrays.asList(e.id(), e.action(), e.actorUserId(), e.targetType(), e.targetId(), e.before(),
                        e.after(), e.createdAt()));
    }
}
