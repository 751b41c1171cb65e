package com.getpaidx.orgs.wallet.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.Money;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.web.CsvDownload;
import com.getpaidx.orgs.wallet.TopUp;
import com.getpaidx.orgs.wallet.TopUpManagement;
import com.getpaidx.orgs.wallet.TopUpPackage;
import com.getpaidx.orgs.wallet.TopUpStatus;
import com.getpaidx.orgs.wallet.WalletEntry;
import com.getpaidx.orgs.wallet.WalletManagement;
import com.getpaidx.orgs.wallet.WalletView;
import org.jspecify.annotations.Nullable;

@RestController
@RequestMapping("/api/v1")
class WalletApiController {

    record WalletResponse(UUID orgId, Credits balance, @Nullable Credits lowBalanceThreshold, boolean paused, Credits monthToDate) {

        static WalletResponse of(WalletView view) {
            return new WalletResponse(view.orgId().value(), view.balance(), view.lowBalanceThreshold(), view.paused(),
                    view.monthToDate());
        }
    }

    record TopUpRequest(@NotNull String packageId) {
    }

    record TopUpResponse(UUID id, String packageId, Credits credits, Money price, TopUpStatus status, String checkoutUrl,
            Instant createdAt) {

        static TopUpResponse of(TopUp topUp) {
            return new TopUpResponse(topUp.id(), topUp.packageId(), topUp.credits(), topUp.price(), topUp.status(),
                    topUp.checkoutUrl(), topUp.createdAt());
        }
    }

    private final WalletManagement wallets;
    private final TopUpManagement topUps;

    WalletApiController(WalletManagement wallets, TopUpManagement topUps) {
        this.wallets = wallets;
        this.topUps = topUps;
    }

    @GetMapping("/topup-packages")
    Page<TopUpPackage> packages(CurrentUser user) {
        return new Page<>(topUps.packages(), null);
    }

    @GetMapping("/orgs/{id}/wallet")
    WalletResponse wallet(CurrentUser user, @PathVariable UUID id) {
        return WalletResponse.of(wallets.wallet(new OrgId(id), user.id()));
    }

    @GetMapping(path = "/orgs/{id}/wallet/transactions",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
    Page<WalletEntry> transactions(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return wallets.transactions(new OrgId(id), user.id(), from, to, PageRequest.of(limit, cursor));
    }

    /** {@code Accept: text/csv}: every entry created in [from, to), oldest first, streamed. */
    @GetMapping(path = "/orgs/{id}/wallet/transactions", produces = CsvDownload.TEXT_CSV)
    void transactionsCsv(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, HttpServletResponse response) {
        try (var csv = WalletCsv.download(response)) {
            wallets.exportTransactions(new OrgId(id), user.id(), from, to, csv);
        }
    }

    /** The same {@code Idempotency-Key} returns the same top-up; with another package it is a conflict. */
    @PostMapping("/orgs/{id}/wallet/topups")
    ResponseEntity<TopUpResponse> startTopUp(CurrentUser user, @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody TopUpRequest request) {
        var started = topUps.start(new OrgId(id), user.id(), request.packageId(), idempotencyKey);
        var response = ResponseEntity.status(HttpStatus.CREATED);
        if (started.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(TopUpResponse.of(started.topUp()));
    }

    @GetMapping("/orgs/{id}/wallet/topups")
    Page<TopUpResponse> listTopUps(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return topUps.list(new OrgId(id), user.id(), PageRequest.of(limit, cursor)).map(TopUpResponse::of);
    }
}
