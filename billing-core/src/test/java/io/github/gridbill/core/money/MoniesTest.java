package io.github.gridbill.core.money;

import static io.github.gridbill.core.Expect.invalid;
import static io.github.gridbill.core.Expect.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.CurrencyMismatchException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.joda.money.BigMoney;
import org.joda.money.BigMoneyProvider;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoniesTest {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final CurrencyUnit JPY = CurrencyUnit.JPY;
  static final CurrencyUnit BHD = CurrencyUnit.of("BHD");

  static Money m(String text) {
    return Money.parse(text);
  }

  static List<Money> ms(String... texts) {
    List<Money> out = new ArrayList<>();
    for (String t : texts) {
      out.add(Money.parse(t));
    }
    return out;
  }

  static List<BigDecimal> ratios(String... values) {
    List<BigDecimal> out = new ArrayList<>();
    for (String v : values) {
      out.add(new BigDecimal(v));
    }
    return out;
  }

  @Nested
  class Total {
    @Test
    void sums_amounts() {
      assertThat(Monies.total(USD, ms("USD 1.10", "USD 2.20"))).isEqualTo(m("USD 3.30"));
    }

    @Test
    void sums_negative_amounts() {
      assertThat(Monies.total(USD, ms("USD 10.00", "USD -12.50", "USD 0.01"))).isEqualTo(m("USD -2.49"));
    }

    @Test
    void empty_is_zero_in_the_currency() {
      assertThat(Monies.total(JPY, List.of())).isEqualTo(Money.zero(JPY));
    }

    @Test
    void other_currency_is_refused_naming_its_index() {
      CurrencyMismatchException e = thrown(CurrencyMismatchException.class,
          "amounts[1] must be in the currency USD: INR 12.00",
          () -> Monies.total(USD, ms("USD 1.00", "INR 12.00", "USD 2.00")));
      assertThat(e.field()).isEqualTo("amounts[1]");
      assertThat(e.expected()).isEqualTo(USD);
      assertThat(e.actual()).isEqualTo(INR);
      assertThat(e.value()).isEqualTo("INR 12.00");
    }

    @Test
    void first_mismatch_is_named_when_the_first_amount_is_wrong() {
      thrown(CurrencyMismatchException.class, "amounts[0] must be in the currency INR: USD 1.00",
          () -> Monies.total(INR, ms("USD 1.00", "INR 12.00")));
    }

    @Test
    void overflow_fails_loudly() {
      Money big = Money.ofMinor(USD, Long.MAX_VALUE);
      assertThatThrownBy(() -> Monies.total(USD, List.of(big, Money.ofMinor(USD, 1))))
          .isExactlyInstanceOf(ArithmeticException.class);
    }
  }

  @Nested
  class TotalExact {
    @Test
    void keeps_every_decimal() {
      List<BigMoneyProvider> amounts =
          List.of(BigMoney.parse("USD 1.005"), m("USD 2.20"), BigMoney.parse("USD 0.0001"));
      BigMoney total = Monies.totalExact(USD, amounts);
      assertThat(total.getCurrencyUnit()).isEqualTo(USD);
      assertThat(total.getAmount()).isEqualByComparingTo("3.2051");
    }

    @Test
    void empty_is_zero() {
      assertThat(Monies.totalExact(BHD, List.<BigMoney>of()).getAmount()).isEqualByComparingTo("0");
      assertThat(Monies.totalExact(BHD, List.<BigMoney>of()).getCurrencyUnit()).isEqualTo(BHD);
    }

    @Test
    void other_currency_is_refused_naming_its_index() {
      CurrencyMismatchException e = thrown(CurrencyMismatchException.class,
          "amounts[2] must be in the currency USD: EUR 1.005",
          () -> Monies.totalExact(USD, List.of(BigMoney.parse("USD 1"), BigMoney.parse("USD 2"),
              BigMoney.parse("EUR 1.005"))));
      assertThat(e.actual()).isEqualTo(CurrencyUnit.EUR);
    }
  }

  @Nested
  class RequireCurrency {
    @Test
    void returns_the_amount() {
      Money a = m("USD 5.00");
      assertThat(Monies.requireCurrency("fee", a, USD)).isSameAs(a);
    }

    @Test
    void refuses_another_currency() {
      thrown(CurrencyMismatchException.class, "fee must be in the currency USD: INR 5.00",
          () -> Monies.requireCurrency("fee", m("INR 5.00"), USD));
    }
  }

  static Stream<Arguments> data_round() {
    return Stream.of(
        Arguments.of("USD 1.005", RoundingMode.HALF_UP, "USD 1.01"),
        Arguments.of("USD 1.005", RoundingMode.HALF_EVEN, "USD 1.00"),
        Arguments.of("USD 1.015", RoundingMode.HALF_UP, "USD 1.02"),
        Arguments.of("USD 1.015", RoundingMode.HALF_EVEN, "USD 1.02"),
        Arguments.of("USD -1.005", RoundingMode.HALF_UP, "USD -1.01"),
        Arguments.of("USD -1.005", RoundingMode.HALF_EVEN, "USD -1.00"),
        Arguments.of("USD 1.0049", RoundingMode.HALF_UP, "USD 1.00"),
        Arguments.of("USD 1.001", RoundingMode.UP, "USD 1.01"),
        Arguments.of("USD 1.009", RoundingMode.DOWN, "USD 1.00"),
        Arguments.of("USD 2", RoundingMode.HALF_UP, "USD 2.00"),
        Arguments.of("JPY 12.5", RoundingMode.HALF_UP, "JPY 13"),
        Arguments.of("JPY 12.5", RoundingMode.HALF_EVEN, "JPY 12"),
        Arguments.of("BHD 1.0005", RoundingMode.HALF_UP, "BHD 1.001"),
        Arguments.of("BHD 1.0005", RoundingMode.HALF_EVEN, "BHD 1.000"));
  }

  @ParameterizedTest
  @MethodSource("data_round")
  void round(String exact, RoundingMode mode, String rounded) {
    assertThat(Monies.round(BigMoney.parse(exact), mode)).isEqualTo(m(rounded));
  }

  @Test
  void round_unnecessary_fails_when_rounding_is_needed() {
    assertThatThrownBy(() -> Monies.round(BigMoney.parse("USD 1.005"), RoundingMode.UNNECESSARY))
        .isExactlyInstanceOf(ArithmeticException.class);
  }

  static Stream<Arguments> data_extend() {
    return Stream.of(
        Arguments.of("USD", "450", "0.20", RoundingMode.HALF_UP, "USD 90.00"),
        Arguments.of("USD", "3", "0.3333", RoundingMode.HALF_UP, "USD 1.00"),
        Arguments.of("USD", "2", "0.0025", RoundingMode.HALF_UP, "USD 0.01"),
        Arguments.of("USD", "2", "0.0025", RoundingMode.HALF_EVEN, "USD 0.00"),
        Arguments.of("USD", "123.456789", "0.1187", RoundingMode.HALF_UP, "USD 14.65"),
        Arguments.of("USD", "-10", "0.105", RoundingMode.HALF_UP, "USD -1.05"),
        Arguments.of("INR", "1250", "7.35", RoundingMode.HALF_UP, "INR 9187.50"),
        Arguments.of("JPY", "333", "27.5", RoundingMode.HALF_EVEN, "JPY 9158"),
        Arguments.of("BHD", "100", "0.01234", RoundingMode.HALF_UP, "BHD 1.234"));
  }

  @ParameterizedTest
  @MethodSource("data_extend")
  void extend(String currency, String quantity, String rate, RoundingMode mode, String expected) {
    assertThat(Monies.extend(CurrencyUnit.of(currency), new BigDecimal(quantity), new BigDecimal(rate), mode))
        .isEqualTo(m(expected));
  }

  static Stream<Arguments> data_split() {
    return Stream.of(
        Arguments.of("USD 100.00", 3, List.of("USD 33.34", "USD 33.33", "USD 33.33")),
        Arguments.of("USD -100.00", 3, List.of("USD -33.34", "USD -33.33", "USD -33.33")),
        Arguments.of("USD 0.02", 3, List.of("USD 0.01", "USD 0.01", "USD 0.00")),
        Arguments.of("USD 0.00", 2, List.of("USD 0.00", "USD 0.00")),
        Arguments.of("USD 7.77", 1, List.of("USD 7.77")),
        Arguments.of("USD 100.00", 4, List.of("USD 25.00", "USD 25.00", "USD 25.00", "USD 25.00")),
        Arguments.of("USD 100.00", 6, List.of("USD 16.67", "USD 16.67", "USD 16.67", "USD 16.67", "USD 16.66",
            "USD 16.66")),
        Arguments.of("JPY 100", 3, List.of("JPY 34", "JPY 33", "JPY 33")),
        Arguments.of("BHD 1.000", 3, List.of("BHD 0.334", "BHD 0.333", "BHD 0.333")));
  }

  @ParameterizedTest
  @MethodSource("data_split")
  void split(String amount, int parts, List<String> expected) {
    List<Money> result = Monies.split(m(amount), parts);
    assertThat(result).containsExactlyElementsOf(ms(expected.toArray(new String[0])));
  }

  static Stream<Arguments> data_allocate() {
    return Stream.of(
        Arguments.of("USD 10.00", List.of("1", "1", "1"), List.of("USD 3.34", "USD 3.33", "USD 3.33")),
        // DOMAIN example: exact shares 1.5 and 3.5 cents; the left-over cent goes to the earlier equal remainder
        Arguments.of("USD 0.05", List.of("3", "7"), List.of("USD 0.02", "USD 0.03")),
        // largest remainder wins over position: shares 3.33 and 6.67 cents
        Arguments.of("USD 0.10", List.of("1", "2"), List.of("USD 0.03", "USD 0.07")),
        // zero ratios get nothing, even when a cent is left over
        Arguments.of("USD 10.00", List.of("0", "1", "0", "1"), List.of("USD 0.00", "USD 5.00", "USD 0.00", "USD 5.00")),
        Arguments.of("USD 0.01", List.of("0", "1", "1"), List.of("USD 0.00", "USD 0.01", "USD 0.00")),
        Arguments.of("USD 0.01", List.of("0", "0", "5"), List.of("USD 0.00", "USD 0.00", "USD 0.01")),
        // ties go to the earliest parts
        Arguments.of("USD 0.02", List.of("1", "1", "1"), List.of("USD 0.01", "USD 0.01", "USD 0.00")),
        Arguments.of("USD 0.03", List.of("2", "2", "2", "2"), List.of("USD 0.01", "USD 0.01", "USD 0.01", "USD 0.00")),
        // negative amounts mirror positive ones
        Arguments.of("USD -0.05", List.of("3", "7"), List.of("USD -0.02", "USD -0.03")),
        Arguments.of("USD -10.00", List.of("1", "1", "1"), List.of("USD -3.34", "USD -3.33", "USD -3.33")),
        // decimal ratios (e.g. a 30/31-day proration)
        Arguments.of("USD 100.00", List.of("0.3", "0.7"), List.of("USD 30.00", "USD 70.00")),
        Arguments.of("USD 15.00", List.of("14", "17"), List.of("USD 6.77", "USD 8.23")),
        Arguments.of("JPY 1000", List.of("1", "1", "1"), List.of("JPY 334", "JPY 333", "JPY 333")),
        Arguments.of("BHD 0.010", List.of("1", "2"), List.of("BHD 0.003", "BHD 0.007")),
        Arguments.of("USD 0.00", List.of("1", "2"), List.of("USD 0.00", "USD 0.00")));
  }

  @ParameterizedTest
  @MethodSource("data_allocate")
  void allocate(String amount, List<String> ratioTexts, List<String> expected) {
    List<Money> result = Monies.allocate(m(amount), ratios(ratioTexts.toArray(new String[0])));
    assertThat(result).containsExactlyElementsOf(ms(expected.toArray(new String[0])));
  }

  @Test
  void allocate_result_is_unmodifiable() {
    List<Money> parts = Monies.allocate(m("USD 1.00"), ratios("1", "1"));
    assertThatThrownBy(() -> parts.add(m("USD 1.00"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void split_result_is_unmodifiable() {
    List<Money> parts = Monies.split(m("USD 1.00"), 2);
    assertThatThrownBy(() -> parts.set(0, m("USD 1.00"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void allocate_does_not_change_the_ratio_list() {
    List<BigDecimal> r = ratios("3", "7");
    Monies.allocate(m("USD 0.05"), r);
    assertThat(r).containsExactly(new BigDecimal("3"), new BigDecimal("7"));
  }

  @Nested
  class Validation {
    @Test
    void split_parts_zero() {
      invalid("parts must be at least 1: 0", () -> Monies.split(m("USD 1.00"), 0));
    }

    @Test
    void split_parts_negative() {
      invalid("parts must be at least 1: -3", () -> Monies.split(m("USD 1.00"), -3));
    }

    @Test
    void allocate_empty_ratios() {
      invalid("ratios must not be empty: []", () -> Monies.allocate(m("USD 1.00"), List.of()));
    }

    @Test
    void allocate_negative_ratio_names_its_index() {
      invalid("ratios[1] must not be negative: -0.5", () -> Monies.allocate(m("USD 1.00"), ratios("1", "-0.5", "2")));
    }

    @Test
    void allocate_all_zero_ratios() {
      invalid("ratios must not all be zero: [0, 0.00]", () -> Monies.allocate(m("USD 1.00"), ratios("0", "0.00")));
    }
  }
}
