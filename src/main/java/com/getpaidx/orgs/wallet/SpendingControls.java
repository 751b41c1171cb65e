package com.getpaidx.orgs.wallet;

import java.util.Optional;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/**
 * The spend policy's switches the wallet shows, implemented by the module that owns the policy
 * (it depends on this one). Without one, nothing is paused and no threshold is set.
 */
public interface SpendingControls {

    boolean paused(OrgId org);

    Optional<Credits> lowBalanceThreshold(OrgId org);
}
