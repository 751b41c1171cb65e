package com.getpaidx.orgs.wallet.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UtcDays;
import com.getpaidx.orgs.wallet.TopUpManagement;
import com.getpaidx.orgs.wallet.WalletManagement;

@Controller
class WalletPageController {

    private final TopUpManagement topUps;
    private final WalletManagement wallets;

    WalletPageController(TopUpManagement topUps, WalletManagement wallets) {
        this.topUps = topUps;
        this.wallets = wallets;
    }

    /** Off to the provider's checkout page; a full-page redirect even under htmx, since it leaves the site. */
    @PostMapping("/settings/organizations/{id}/wallet/topups")
    String buy(CurrentUser user, @PathVariable UUID id, @RequestParam String packageId) {
        var started = topUps.start(new OrgId(id), user.id(), packageId, null);
        return "redirect:" + started.topUp().checkoutUrl();
    }

    /** The CSV download of the Wallet section: the days {@code from} to {@code to} (UTC), both included. */
    @GetMapping("/settings/organizations/{id}/wallet/export")
    void export(CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) {
        UtcDays days = UtcDays.of(from, to);
        try (var csv = WalletCsv.download(response)) {
            wallets.exportTransactions(new OrgId(id), user.id(), days.start(), days.end(), csv);
        }
    }

    @GetMapping("/settings/organizations/{id}/wallet/topups/{topUpId}/return")
    String returned(CurrentUser user, @PathVariable UUID id, @PathVariable UUID topUpId) {
        topUps.confirmReturn(new OrgId(id), user.id(), topUpId);
        return "redirect:/settings/organizations/" + id + "/wallet";
    }
}
