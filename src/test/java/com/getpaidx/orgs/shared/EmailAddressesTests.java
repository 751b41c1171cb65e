package com.getpaidx.orgs.shared;

import java.util.Locale;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressesTests {

    static final java.util.List<String> ACCEPTED = EmailCorpus.ACCEPTED;
    static final java.util.List<String> REFUSED = EmailCorpus.REFUSED;

    @ParameterizedTest
    @FieldSource("ACCEPTED")
    void anAcceptedAddressIsOneJavaMailReadsTheSameWay(String email) throws Exception {
        String parsed = EmailAddresses.parse(email).orElseThrow();
        assertThat(parsed).isEqualTo(email.strip());
        InternetAddress strict = new InternetAddress(parsed, true);
        strict.validate();
        assertThat(strict.getAddress()).isEqualTo(parsed);
        assertThat(strict.getPersonal()).isNull();
        assertThat(EmailAddresses.key(email)).isEqualTo(parsed.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @FieldSource("REFUSED")
    void aRefusedAddressIsAValidationError(String email) {
        assertThat(EmailAddresses.parse(email)).isEmpty();
        assertThatThrownBy(() -> EmailAddresses.requireValid("email", email)).isInstanceOf(InvalidInput.class);
    }

    @org.junit.jupiter.api.Test
    void sameMeansEqualKeys() {
        assertThat(EmailAddresses.same("Ann@Example.com", " ann@example.COM")).isTrue();
        assertThat(EmailAddresses.same("ann@example.com", "anne@example.com")).isFalse();
        assertThat(EmailAddresses.same(null, "ann@example.com")).isFalse();
    }
}
