package com.getpaidx.orgs.shared.web;

import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.getpaidx.orgs.shared.StorableTime;

/**
 * An {@link Instant} request parameter ({@code from}, {@code to}) is ISO-8601 within the years PostgreSQL stores;
 * anything else is a type mismatch, answered 400 {@code validation_failed} naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class InstantParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, InstantParameters::parse);
    }

    private static Instant parse(String text) {
        Instant time = Instant.parse(text.strip());
        if (!StorableTime.storable(time)) {
            throw new IllegalArgumentException("must be between the years 1 and 9999");
        }
        return time;
    }
}
