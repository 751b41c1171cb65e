package com.getpaidx.orgs.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of both doors. Pages run only our own files: no inline script or style, no
 * eval (htmx is told so by the {@code htmx-config} meta tag in layout.html), no framing. {@code form-action}
 * is left open on purpose: a checkout form is answered with a redirect to Stripe's hosted pages, which
 * Chromium would block under {@code form-action 'self'}. Swagger UI alone needs inline styles and
 * {@code data:} images; the API answers JSON and loads nothing.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String PAGES = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void pages(HeadersConfigurer<HttpSecurity> headers) {
        common(headers).addHeaderWriter(policy(request -> swaggerUi(request) ? SWAGGER_UI : PAGES));
    }

    static void api(HeadersConfigurer<HttpSecurity> headers) {
        common(headers).addHeaderWriter(policy(request -> API));
    }

    private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentTypeOptions(nosniff -> {})
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    private static HeaderWriter policy(java.util.function.Function<HttpServletRequest, String> choice) {
        return (request, response) -> {
            if (!response.containsHeader(CONTENT_SECURITY_POLICY)) {
                response.setHeader(CONTENT_SECURITY_POLICY, choice.apply(request));
            }
        };
    }

    private static boolean swaggerUi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/swagger-ui");
    }
}
