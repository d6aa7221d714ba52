package io.github.gridbill.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class BillingExceptionTest {

  @Test
  void message_is_field_reason_value() {
    BillingException e = new BillingException("quantityWh", -5, "must not be negative");
    assertThat(e).hasMessage("quantityWh must not be negative: -5").hasNoCause();
    assertThat(e.field()).isEqualTo("quantityWh");
    assertThat(e.value()).isEqualTo("-5");
    assertThat(e.reason()).isEqualTo("must not be negative");
  }

  @Test
  void null_value_is_rendered_as_null() {
    BillingException e = new ValidationException("rate", null, "must be present");
    assertThat(e).hasMessage("rate must be present: null");
    assertThat(e.value()).isEqualTo("null");
  }

  @Test
  void cause_is_kept() {
    IOException cause = new IOException("disk");
    assertThat(new BillingException("f", 1, "r", cause)).hasCause(cause);
    assertThat(new ValidationException("f", 1, "r", cause)).hasCause(cause);
    assertThat(new BusinessRuleException("f", 1, "r", cause)).hasCause(cause);
    assertThat(new ConflictException("f", 1, "r", cause)).hasCause(cause);
    assertThat(new NotFoundException("f", 1, "r", cause)).hasCause(cause);
  }

  @Test
  void subtypes_share_the_message_shape() {
    assertThat(new BusinessRuleException("amount", "USD 120.00", "must not exceed the open amount USD 100.00"))
        .isInstanceOf(BillingException.class)
        .hasMessage("amount must not exceed the open amount USD 100.00: USD 120.00");
    assertThat(new ConflictException("idempotencyKey", "K-1", "must not be reused with different content"))
        .isInstanceOf(BillingException.class)
        .hasMessage("idempotencyKey must not be reused with different content: K-1");
    assertThat(new NotFoundException("accountId", "ACC-9", "must name an open account"))
        .isInstanceOf(BillingException.class)
        .hasMessage("accountId must name an open account: ACC-9");
  }

  @Test
  void currency_mismatch_names_field_and_both_currencies() {
    CurrencyUnit inr = CurrencyUnit.of("INR");
    CurrencyMismatchException e =
        new CurrencyMismatchException("amounts[1]", CurrencyUnit.USD, inr, Money.ofMinor(inr, 1200));
    assertThat(e).isInstanceOf(BillingException.class).hasMessage("amounts[1] must be in the currency USD: INR 12.00");
    assertThat(e.expected()).isEqualTo(CurrencyUnit.USD);
    assertThat(e.actual()).isEqualTo(inr);
    assertThat(e.field()).isEqualTo("amounts[1]");
    assertThat(e.reason()).isEqualTo("must be in the currency USD");
  }

  @Test
  void data_format_error_prefixes_source_and_location() {
    DataFormatException e =
        new DataFormatException("tariff.json", "$.items[0].energyratestructure[0][0]", "rate", null, "must be present");
    assertThat(e)
        .isInstanceOf(BillingException.class)
        .hasMessage("tariff.json at $.items[0].energyratestructure[0][0]: rate must be present: null");
    assertThat(e.source()).isEqualTo("tariff.json");
    assertThat(e.location()).isEqualTo("$.items[0].energyratestructure[0][0]");
    assertThat(e.field()).isEqualTo("rate");
    IllegalArgumentException cause = new IllegalArgumentException("x");
    assertThat(new DataFormatException("a.csv", "line 12", "kwh", "abc", "must be a number", cause))
        .hasMessage("a.csv at line 12: kwh must be a number: abc")
        .hasCause(cause);
  }

  @Test
  void every_error_is_unchecked() {
    assertThat(RuntimeException.class)
        .isAssignableFrom(BillingException.class)
        .isAssignableFrom(ValidationException.class)
        .isAssignableFrom(CurrencyMismatchException.class)
        .isAssignableFrom(DataFormatException.class);
  }
}
