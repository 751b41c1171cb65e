package com.getpaidx.orgs.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.getpaidx.orgs.organization.internal.Slugs;
import com.getpaidx.orgs.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugsTests {

    @ParameterizedTest
    @CsvSource({
            "Acme, acme",
            "'  Acme   Corp  ', acme-corp",
            "Café Ünïcorn Ltd., cafe-unicorn-ltd",
            "R&D -- Team 42!, r-d-team-42",
            "ÆØÅ Shipping, a-shipping"
    })
    void derivesReadableSlugsFromNames(String name, String slug) {
        assertThat(Slugs.derive(name)).isEqualTo(slug);
    }

    @Test
    void namesWithoutUsableLettersGetARandomSlug() {
        assertThat(Slugs.derive("日本")).matches("org-[a-z0-9]{5}");
        assertThat(Slugs.derive("!")).matches("org-[a-z0-9]{5}");
    }

    @Test
    void longNamesAreCutToFortyWithoutATrailingDash() {
        String slug = Slugs.derive("a".repeat(39) + " b c d");
        assertThat(slug).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").matches("[a-z0-9-]{2,40}");
    }

    @Test
    void alternativesStayWithinTheAlphabetAndLength() {
        String base = "x".repeat(40);
        assertThat(Slugs.alternative(base, 1)).isEqualTo("x".repeat(38) + "-2").hasSize(40);
        assertThat(Slugs.alternative("acme", 11)).matches("acme-[a-z0-9]{5}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "Acme", "acme_corp", "acme corp", "ünï" })
    void refusesSlugsOutsideTheAlphabet(String slug) {
        assertThatThrownBy(() -> Slugs.requireValid(slug)).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab", "acme-2", "0-0" })
    void acceptsValidSlugs(String slug) {
        assertThat(Slugs.requireValid(slug)).isEqualTo(slug);
    }
}
