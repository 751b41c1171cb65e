package com.getpaidx.orgs.wallet.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.wallet.TopUpManagement;
import com.getpaidx.orgs.wallet.WalletManagement;
import com.getpaidx.orgs.wallet.WalletView;

/** The Wallet section: every member sees the balance; billing managers buy credits and read the ledger. */
@Component
class WalletPageSection implements OrganizationPageSection {

    private static final int SHOWN = 20;

    private final WalletManagement wallets;
    private final TopUpManagement topUps;

    WalletPageSection(WalletManagement wallets, TopUpManagement topUps) {
        this.wallets = wallets;
        this.topUps = topUps;
    }

    @Override
    public Place place() {
        return new Place("wallet", "Wallet", 20, Permission.VIEW);
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        var org = organization.organization();
        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("wallet", wallets.wallet(org.id(), viewer));
        model.put("runway", wallets.runway(org.id(), viewer).orElse(null));
        boolean manager = organization.myRole().can(Permission.MANAGE_BILLING);
        model.put("manager", manager);
        if (manager) {
            model.put("packages", topUps.packages());
            model.put("topUps", topUps.list(org.id(), viewer, PageRequest.first(SHOWN)).items());
            var entries = wallets.transactions(org.id(), viewer, null, null, query.page(SHOWN));
            model.put("entries", entries.items());
            model.put("entriesNext", entries.nextCursor());
            model.put("entriesFirst", query.text("cursor") != null);
            model.put("canBuy", !org.archived());
        }
        return new Section("wallet/section", model);
    }

    @Override
    public Optional<Section> overview(OrganizationView organization, UserId viewer) {
        var org = organization.organization();
        WalletView wallet = wallets.wallet(org.id(), viewer);
        boolean topUpNext = organization.myRole().can(Permission.MANAGE_BILLING) && !org.archived()
                && wallet.balance().micros() == 0;
        return Optional.of(new Section("wallet/section", Map.of("org", org, "wallet", wallet, "topUpNext", topUpNext)));
    }
}
