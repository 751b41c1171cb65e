package com.getpaidx.orgs.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.shared.ApiScope;

/**
 * One of a user's API tokens, without its secret; its scopes in their canonical order.
 *
 * @param lastUsedAt when a request last used it, to the minute (updated at most once a minute); null if never
 */
public record ApiToken(UUID id, List<ApiScope> scopes, Instant createdAt, @Nullable Instant lastUsedAt, Instant expiresAt) {
}
