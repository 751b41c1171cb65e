package com.getpaidx.orgs.account;

import com.getpaidx.orgs.shared.UserId;

public record UserSummary(UserId id, String email, String displayName) {
}
