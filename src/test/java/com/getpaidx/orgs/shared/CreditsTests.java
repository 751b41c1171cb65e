package com.getpaidx.orgs.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditsTests {

    @Test
    void thirteenDigitCreditsThatOverflowAreInvalidInputNotAnArithmeticFault() {
        assertThatThrownBy(() -> Credits.parse("9999999999999")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> Credits.parse("9223372036854.775807")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theLargestAllowedAmountStillParsesExactly() {
        Credits largest = Credits.parse(Credits.MAX_WHOLE + ".999999");
        assertThat(largest.micros()).isEqualTo(Credits.MAX_WHOLE * Credits.MICROS_PER_CREDIT + 999_999);
        assertThat(largest).hasToString(Credits.MAX_WHOLE + ".999999");
    }
}
