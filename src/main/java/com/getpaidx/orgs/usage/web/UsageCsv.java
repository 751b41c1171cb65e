package com.getpaidx.orgs.usage.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.getpaidx.orgs.shared.web.CsvDownload;
import com.getpaidx.orgs.usage.RecordedUsage;

/** The columns of the usage-events export, the API's and the page's: the JSON list's fields, in its order. */
final class UsageCsv {

    private UsageCsv() {
    }

    static CsvDownload<RecordedUsage> download(HttpServletResponse response) {
        return new CsvDownload<>(response, "usage-events.csv",
                List.of("eventId", "workspaceId", "userId", "payerUserId", "credits", "kind", "model", "occurredAt",
                        "recordedAt"),
                e -> Arrays.asList(e.eventId(), e.workspaceId(), e.userId(), e.payerUserId(), e.credits(), e.kind(),
                        e.model(), e.occurredAt(), e.recordedAt()));
    }
}
