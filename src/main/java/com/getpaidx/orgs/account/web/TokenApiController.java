package com.getpaidx.orgs.account.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.account.ApiToken;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.Page;

/** The caller's own API tokens: listed without their secrets, and revoked one by one. */
@RestController
@RequestMapping("/api/v1/me/tokens")
class TokenApiController {

    private final AccountManagement accounts;

    TokenApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** Every working token at once (a person has a handful): {@code nextCursor} is always null. */
    @GetMapping
    Page<ApiToken> tokens(CurrentUser user) {
        return new Page<>(accounts.tokens(user.id()), null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser user, @PathVariable UUID id) {
        accounts.revokeToken(user.id(), id);
    }
}
