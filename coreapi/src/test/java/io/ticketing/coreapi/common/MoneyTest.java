package io.ticketing.coreapi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsThatDifferOnlyInScaleAreEqual() {
        assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
    }

    @Test
    void multipliesAndAddsWithinOneCurrency() {
        Money ticket = Money.of("19.99", "EUR");

        assertThat(ticket.times(3)).isEqualTo(Money.of("59.97", "EUR"));
        assertThat(ticket.plus(ticket).minus(ticket)).isEqualTo(ticket);
        assertThat(ticket.times(2).isGreaterThan(ticket)).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-0.01", "EUR"));
    }

    @Test
    void refusesMoreDigitsThanTheCurrencyHas() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.005", "EUR"));
    }

    @Test
    void idsPrintAsTheBareUuidBecauseAxonStoresTheirStringForm() {
        UUID uuid = UUID.randomUUID();

        assertThat(new BookingId(uuid)).hasToString(uuid.toString());
    }
}
