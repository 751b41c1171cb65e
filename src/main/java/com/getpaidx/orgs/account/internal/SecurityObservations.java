package com.getpaidx.orgs.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing: with an observation registry present it would otherwise wrap
 * every filter of the chain, the authentication and the authorization in an observation of its own,
 * per request. The HTTP server observation ({@code http.server.requests}) still times each request.
 * Measured with wrk on the refused usage request (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
