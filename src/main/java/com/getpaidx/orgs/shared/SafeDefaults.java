package com.getpaidx.orgs.shared;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that follow from other settings, added last so that a setting made explicitly still wins:
 * production has no Swagger UI, and an https base URL makes the session cookie {@code Secure} (behind a
 * TLS-terminating proxy Tomcat sees plain http, so it cannot tell by itself).
 */
class SafeDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "getpaidxSafeDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if ("production".equalsIgnoreCase(environment.getProperty("getpaidx.environment", "local"))) {
            defaults.put("springdoc.swagger-ui.enabled", "false");
        }
        if (environment.getProperty("getpaidx.base-url", "").toLowerCase().startsWith("https:")) {
            defaults.put("server.servlet.session.cookie.secure", "true");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }
}
