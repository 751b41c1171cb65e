package com.getpaidx.orgs.wallet.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.wallet.TopUpManagement;

@Controller
class WalletPageController {

    private final TopUpManagement topUps;

    WalletPageController(TopUpManagement topUps) {
        this.topUps = topUps;
    }

    /** Off to the provider's checkout page; a full-page redirect even under htmx, since it leaves the site. */
    @PostMapping("/settings/organizations/{id}/wallet/topups")
    String buy(CurrentUser user, @PathVariable UUID id, @RequestParam String packageId) {
        var started = topUps.start(new OrgId(id), user.id(), packageId, null);
        return "redirect:" + started.topUp().checkoutUrl();
    }

    @GetMapping("/settings/organizations/{id}/wallet/topups/{topUpId}/return")
    String returned(CurrentUser user, @PathVariable UUID id, @PathVariable UUID topUpId) {
        topUps.confirmReturn(new OrgId(id), user.id(), topUpId);
        return "redirect:/settings/organizations/" + id + "#wallet";
    }
}
