package com.getpaidx.orgs.usage;

import java.util.List;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.UserId;

public record UsageSummary(List<MemberTotal> byMember, List<WorkspaceTotal> byWorkspace) {

    public record MemberTotal(UserId userId, Credits credits, long events) {
    }

    public record WorkspaceTotal(String workspaceId, Credits credits, long events) {
    }
}
