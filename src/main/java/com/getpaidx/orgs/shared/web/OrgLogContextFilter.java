package com.getpaidx.orgs.shared.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.getpaidx.orgs.shared.LogContext;

/**
 * Every log line of a request about one organization ({@code /api/v1/orgs/{id}/…},
 * {@code /settings/organizations/{id}/…}) carries its id as {@code orgId} in the MDC. Other requests (the
 * usage hot path among them) pay one prefix check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OrgLogContextFilter extends OncePerRequestFilter {

    private static final String[] PREFIXES = { "/api/v1/orgs/", "/settings/organizations/" };
    private static final int UUID_LENGTH = 36;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (var context = LogContext.with(LogContext.ORG_ID, orgIn(request.getRequestURI()))) {
            chain.doFilter(request, response);
        }
    }

    /** The org id the path names, or null (no org path, or not a UUID: the controller answers that). */
    static String orgIn(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix) && path.length() >= prefix.length() + UUID_LENGTH) {
                String id = path.substring(prefix.length(), prefix.length() + UUID_LENGTH);
                boolean ends = path.length() == prefix.length() + UUID_LENGTH || path.charAt(prefix.length() + UUID_LENGTH) == '/';
                try {
                    return ends ? UUID.fromString(id).toString() : null;
                }
                catch (IllegalArgumentException notAnId) {
                    return null;
                }
            }
        }
        return null;
    }
}
