package com.getpaidx.orgs.account.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.getpaidx.orgs.shared.SecretTokens;
import com.getpaidx.orgs.shared.web.ProblemWriter;

/**
 * Authenticates {@code Authorization: Bearer …}: the service token (compared in memory), or a user's
 * API token (one indexed lookup of its hash). A token that is neither is refused outright rather than
 * treated as anonymous, so a client learns at once that its token expired.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    static final java.time.Duration LAST_USE_RESOLUTION = java.time.Duration.ofMinutes(1);

    private final ServiceToken serviceToken;
    private final JdbcTokenRepository tokens;
    private final ProblemWriter problems;
    private final Clock clock;

    BearerTokenFilter(ServiceToken serviceToken, JdbcTokenRepository tokens, ProblemWriter problems, Clock clock) {
        this.serviceToken = serviceToken;
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * {@code last_used_at} to the minute: written only when the stored one is a minute old, so a busy token costs
     * one extra statement a minute rather than a write per request (the conditional UPDATE keeps instances from
     * doubling it).
     */
    private void recordUse(JdbcTokenRepository.ActiveToken token) {
        java.time.Instant now = clock.instant();
        java.time.Instant notBefore = now.minus(LAST_USE_RESOLUTION);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(notBefore)) {
            tokens.touch(token.tokenId(), now, notBefore);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(PREFIX.length()).trim();
        if (!token.isEmpty() && serviceToken.matches(token)) {
            SecurityContextHolder.getContext().setAuthentication(new ServiceAuthentication());
            chain.doFilter(request, response);
            return;
        }
        var active = token.isEmpty() ? java.util.Optional.<JdbcTokenRepository.ActiveToken>empty()
                : tokens.findActive(SecretTokens.sha256(token), clock.instant());
        if (active.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "The bearer token is unknown, expired or revoked.");
            return;
        }
        JdbcTokenRepository.ActiveToken found = active.get();
        recordUse(found);
        SecurityContextHolder.getContext()
                .setAuthentication(new UserTokenAuthentication(found.user(), found.tokenId(), found.scopes()));
        chain.doFilter(request, response);
    }
}
