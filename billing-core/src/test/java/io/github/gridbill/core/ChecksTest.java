package io.github.gridbill.core;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void check_passes_when_true() {
    Checks.check(true, "x", 1, "must hold");
  }

  @Test
  void check_fails_when_false() {
    invalid("x must hold: 1", () -> Checks.check(false, "x", 1, "must hold"));
  }

  @Test
  void present_returns_value() {
    assertThat(Checks.present("a", "name")).isEqualTo("a");
  }

  @Test
  void present_refuses_null() {
    invalid("name must be present: null", () -> Checks.present(null, "name"));
  }

  @Test
  void notNegative_decimal_accepts_zero() {
    assertThat(Checks.notNegative(BigDecimal.ZERO, "rate")).isEqualByComparingTo("0");
  }

  @Test
  void notNegative_decimal_refuses_negative() {
    invalid("rate must not be negative: -0.50", () -> Checks.notNegative(new BigDecimal("-0.50"), "rate"));
  }

  @Test
  void notNegative_long_accepts_zero() {
    assertThat(Checks.notNegative(0L, "count")).isZero();
  }

  @Test
  void notNegative_long_refuses_negative() {
    invalid("quantityWh must not be negative: -5", () -> Checks.notNegative(-5L, "quantityWh"));
  }

  @Test
  void positive_accepts_positive() {
    assertThat(Checks.positive(new BigDecimal("0.01"), "rate")).isEqualByComparingTo("0.01");
  }

  @Test
  void positive_refuses_zero() {
    invalid("rate must be positive: 0.00", () -> Checks.positive(new BigDecimal("0.00"), "rate"));
  }

  @Test
  void notBlank_accepts_text() {
    assertThat(Checks.notBlank("ACC-1", "id")).isEqualTo("ACC-1");
  }

  @Test
  void notBlank_refuses_blank() {
    invalid("id must not be blank: \"  \"", () -> Checks.notBlank("  ", "id"));
  }

  @Test
  void notEmpty_accepts_non_empty() {
    assertThat(Checks.notEmpty(List.of(1), "lines")).containsExactly(1);
  }

  @Test
  void notEmpty_refuses_empty() {
    invalid("lines must not be empty: []", () -> Checks.notEmpty(List.of(), "lines"));
  }
}
