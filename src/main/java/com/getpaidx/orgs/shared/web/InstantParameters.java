package com.getpaidx.orgs.shared.web;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.getpaidx.orgs.shared.StorableTime;

/**
 * An {@link Instant} request parameter ({@code from}, {@code to}) reads as Spring reads it by default (ISO-8601, also
 * with an offset; a blank one is not given), and must lie within the years this service stores; anything else is a
 * type mismatch, answered 400 {@code validation_failed} naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class InstantParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new StorableInstants());
    }

    private static final class StorableInstants implements Formatter<Instant> {

        private final InstantFormatter spring = new InstantFormatter();

        @Override
        public Instant parse(String text, Locale locale) throws ParseException {
            Instant time = spring.parse(text, locale);
            if (!StorableTime.storable(time)) {
                throw new IllegalArgumentException(StorableTime.RANGE);
            }
            return time;
        }

        @Override
        public String print(Instant time, Locale locale) {
            return spring.print(time, locale);
        }
    }
}
