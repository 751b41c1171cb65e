package com.getpaidx.orgs.wallet;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/** @param monthToDate credits spent on usage in the current UTC calendar month */
public record WalletView(OrgId orgId, Credits balance, Credits lowBalanceThreshold, boolean paused, Credits monthToDate) {
}
