package io.github.gridbill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class EntrySideTest {

  @Test
  void debitsArePositiveAndCreditsNegative() {
    Money five = Money.parse("USD 5.00");
    assertThat(EntrySide.DEBIT.signed(five)).isEqualTo(five);
    assertThat(EntrySide.CREDIT.signed(five)).isEqualTo(Money.parse("USD -5.00"));
    assertThat(EntrySide.DEBIT.signed(five).plus(EntrySide.CREDIT.signed(five)).isZero()).isTrue();
  }

  @Test
  void negativeLineAmountIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> EntrySide.DEBIT.signed(Money.parse("USD -1.00")))
        .withMessage("amount must not be negative: USD -1.00");
  }
}
