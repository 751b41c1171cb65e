package com.getpaidx.orgs.wallet.web;

import java.util.HashMap;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.wallet.TopUpManagement;
import com.getpaidx.orgs.wallet.WalletManagement;

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
    public String slug() {
        return "wallet";
    }

    @Override
    public String label() {
        return "Wallet";
    }

    @Override
    public boolean visibleTo(Role role) {
        return role.can(Permission.VIEW);
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        var org = organization.organization();
        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("wallet", wallets.wallet(org.id(), viewer));
        boolean manager = organization.myRole().can(Permission.MANAGE_BILLING);
        model.put("manager", manager);
        if (manager) {
            model.put("packages", topUps.packages());
            model.put("topUps", topUps.list(org.id(), viewer, PageRequest.first(SHOWN)).items());
            model.put("entries", wallets.transactions(org.id(), viewer, PageRequest.first(SHOWN)).items());
            model.put("canBuy", !org.archived());
        }
        return new Section("wallet/section", model);
    }
}
