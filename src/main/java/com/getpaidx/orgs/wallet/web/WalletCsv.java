package com.getpaidx.orgs.wallet.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.getpaidx.orgs.shared.web.CsvDownload;
import com.getpaidx.orgs.wallet.WalletEntry;

/** The columns of the wallet-transactions export, the API's and the page's: the JSON list's fields, in its order. */
final class WalletCsv {

    private WalletCsv() {
    }

    static CsvDownload<WalletEntry> download(HttpServletResponse response) {
        return new CsvDownload<>(response, "wallet-transactions.csv",
                List.of("id", "type", "credits", "balanceAfter", "reference", "createdAt"),
                e -> Arrays.asList(e.id(), e.type().json(), e.credits(), e.balanceAfter(), e.reference(), e.createdAt()));
    }
}
