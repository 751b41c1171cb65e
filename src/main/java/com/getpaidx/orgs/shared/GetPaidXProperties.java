package com.getpaidx.orgs.shared;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings every module shares.
 *
 * @param environment {@code local} (the default: generated secrets, payment sandbox) or {@code production}; any other
 *        value refuses to start
 * @param baseUrl public URL used in links and payment return URLs; required in production, so that links
 *        never come from a request's {@code Host} header there; unset locally, links follow the request's host
 * @param serviceToken the workspace runtime's bearer token (≥ 32 characters); generated locally when unset
 * @param serviceTokenFile where a generated service token is kept between restarts
 */
@ConfigurationProperties("getpaidx")
public record GetPaidXProperties(
        @DefaultValue("local") String environment,
        URI baseUrl,
        String serviceToken,
        @DefaultValue(".data/service-token") Path serviceTokenFile) {

    public GetPaidXProperties {
        if (!"local".equalsIgnoreCase(environment) && !"production".equalsIgnoreCase(environment)) {
            // "prod" or "staging" would run as local: generated secrets and the unauthenticated payment sandbox
            throw new StartupRefused("getpaidx.environment (GETPAIDX_ENVIRONMENT) is neither local nor production: "
                    + environment, "Set GETPAIDX_ENVIRONMENT=production for a deployment, or leave it unset locally");
        }
        if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !(baseUrl.getScheme().equals("https") || baseUrl.getScheme().equals("http")))) {
            throw new StartupRefused("getpaidx.base-url (GETPAIDX_BASE_URL) is not an absolute http(s) URL: " + baseUrl,
                    "Set GETPAIDX_BASE_URL to the public URL of this service, e.g. https://orgs.example.com");
        }
        if (baseUrl == null && "production".equalsIgnoreCase(environment)) {
            throw new StartupRefused("getpaidx.base-url (GETPAIDX_BASE_URL) is required in production: without it,"
                    + " links in mails and payment return URLs would follow the Host header of whoever asks",
                    "Set GETPAIDX_BASE_URL to the public URL of this service, e.g. https://orgs.example.com");
        }
    }

    public boolean production() {
        return "production".equalsIgnoreCase(environment);
    }

    /**
     * An absolute link to a path of this service, e.g. {@code link("/invitations/accept")}: on the
     * configured base URL, else on the host the current request came to.
     */
    public String link(String path) {
        String base = baseUrl != null ? baseUrl.toString() : currentOrigin();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String currentOrigin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return ServletUriComponentsBuilder.fromContextPath(request.getRequest()).replacePath(null).replaceQuery(null)
                    .toUriString();
        }
        return "http://localhost:8080";
    }
}
