package com.getpaidx.orgs.account.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.getpaidx.orgs.shared.SecretTokens;
import com.getpaidx.orgs.shared.web.ProblemWriter;

/**
 * Authenticates {@code Authorization: Bearer …}: the service token (compared in memory), a JWT of the GetPaidX
 * app when that sign-in is on, or a user's API token (one indexed lookup of its hash). A token that is none of
 * these is refused outright rather than treated as anonymous, so a client learns at once that its token expired.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    static final java.time.Duration LAST_USE_RESOLUTION = java.time.Duration.ofMinutes(1);

    private final ServiceToken serviceToken;
    private final JdbcTokenRepository tokens;
    private final ProblemWriter problems;
    private final Clock clock;
    private final @Nullable JwtSignIn jwt;

    BearerTokenFilter(ServiceToken serviceToken, JdbcTokenRepository tokens, ProblemWriter problems, Clock clock,
            @Nullable JwtSignIn jwt) {
        this.serviceToken = serviceToken;
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
        this.jwt = jwt;
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
        if (jwt != null && JwtSignIn.looksLikeJwt(token)) {
            switch (jwt.signIn(token)) {
                case AppSignInResult.Linked linked -> {
                    SecurityContextHolder.getContext().setAuthentication(new AppTokenAuthentication(linked.user()));
                    chain.doFilter(request, response);
                }
                case AppSignInResult.Refused refused ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", refused.why().detail());
            }
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
