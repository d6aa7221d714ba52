package io.github.gridbill.core.quantity;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.EqualityGroups;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnergyTest {

  private static Energy kwh(String value) {
    return Energy.ofKilowattHours(new BigDecimal(value));
  }

  @Test
  void factories_agree_on_the_milliwatt_hour() {
    assertThat(Energy.ofMilliwattHours(2_500_000L).milliwattHours()).isEqualTo(2_500_000L);
    assertThat(Energy.ofWattHours(1500).milliwattHours()).isEqualTo(1_500_000L);
    assertThat(kwh("2.5").milliwattHours()).isEqualTo(2_500_000L);
    assertThat(kwh("0.000001").milliwattHours()).isEqualTo(1L);
    assertThat(kwh("-3").milliwattHours()).isEqualTo(-3_000_000L);
    assertThat(Energy.MWH_PER_WH).isEqualTo(1_000L);
    assertThat(Energy.MWH_PER_KWH).isEqualTo(1_000_000L);
  }

  @Test
  void trailing_zeros_beyond_six_decimals_are_exact() {
    assertThat(kwh("2.50000000")).isEqualTo(kwh("2.5"));
  }

  @Test
  void seven_significant_decimals_are_refused() {
    invalid("kilowattHours must be exact in milliwatt-hours (at most 6 decimals): 0.0000001",
        () -> kwh("0.0000001"));
  }

  @Test
  void beyond_the_long_range_is_refused() {
    invalid("kilowattHours must be between -9223372036854.775808 and 9223372036854.775807 kWh: 9223372036854.775808",
        () -> kwh("9223372036854.775808"));
    assertThat(kwh("9223372036854.775807").milliwattHours()).isEqualTo(Long.MAX_VALUE);
    assertThat(kwh("-9223372036854.775808").milliwattHours()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void rounding_factory_quantises_with_the_declared_mode() {
    assertThat(Energy.ofKilowattHours(new BigDecimal("0.0000005"), RoundingMode.HALF_UP).milliwattHours()).isEqualTo(1);
    assertThat(Energy.ofKilowattHours(new BigDecimal("0.0000005"), RoundingMode.HALF_EVEN).milliwattHours()).isZero();
    assertThat(Energy.ofKilowattHours(new BigDecimal("1.2345678"), RoundingMode.DOWN).milliwattHours())
        .isEqualTo(1_234_567L);
    assertThat(Energy.ofKilowattHours(new BigDecimal("-1.2345678"), RoundingMode.FLOOR).milliwattHours())
        .isEqualTo(-1_234_568L);
  }

  @Test
  void zero_is_shared() {
    assertThat(Energy.zero().isZero()).isTrue();
    assertThat(Energy.ofMilliwattHours(0)).isSameAs(Energy.zero());
    assertThat(Energy.ofWattHours(1).isZero()).isFalse();
  }

  @Test
  void conversions() {
    assertThat(Energy.ofWattHours(1500).toKilowattHours()).isEqualTo(new BigDecimal("1.500000"));
    assertThat(Energy.ofMilliwattHours(1_500_500).toWattHours(RoundingMode.HALF_UP)).isEqualTo(1501);
    assertThat(Energy.ofMilliwattHours(1_500_500).toWattHours(RoundingMode.HALF_EVEN)).isEqualTo(1500);
    assertThat(Energy.ofMilliwattHours(-1_500_500).toWattHours(RoundingMode.HALF_UP)).isEqualTo(-1501);
    assertThatThrownBy(() -> Energy.ofMilliwattHours(1).toWattHours(RoundingMode.UNNECESSARY))
        .isExactlyInstanceOf(ArithmeticException.class);
  }

  @Test
  void arithmetic() {
    Energy a = kwh("2.5");
    Energy b = kwh("0.75");
    assertThat(a.plus(b)).isEqualTo(kwh("3.25"));
    assertThat(b.minus(a)).isEqualTo(kwh("-1.75"));
    assertThat(b.minus(a).isNegative()).isTrue();
    assertThat(a.negated()).isEqualTo(kwh("-2.5"));
    assertThat(a.minus(a)).isSameAs(Energy.zero());
    assertThat(a).isEqualTo(kwh("2.5")); // unchanged
  }

  @Test
  void overflow_fails_loudly() {
    Energy max = Energy.ofMilliwattHours(Long.MAX_VALUE);
    Energy min = Energy.ofMilliwattHours(Long.MIN_VALUE);
    assertThatThrownBy(() -> max.plus(Energy.ofMilliwattHours(1))).isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> min.minus(Energy.ofMilliwattHours(1))).isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(min::negated).isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Energy.ofWattHours(Long.MAX_VALUE / 999)).isExactlyInstanceOf(ArithmeticException.class);
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(kwh("2.5"), Energy.ofWattHours(2500), Energy.ofMilliwattHours(2_500_000), kwh("2.500"))
        .group(kwh("-2.5"))
        .group(Energy.zero(), Energy.ofMilliwattHours(0), kwh("0.000"))
        .group(Energy.ofMilliwattHours(1))
        .verify();
  }

  @Test
  void ordering() {
    assertThat(kwh("-1")).isLessThan(Energy.zero());
    assertThat(Energy.ofMilliwattHours(1)).isGreaterThan(Energy.zero());
    assertThat(kwh("2.5").compareTo(Energy.ofWattHours(2500))).isZero();
  }

  static Stream<Arguments> data_roundTrip() {
    return Stream.of(
        Arguments.of(2_500_000L, "2.5 kWh"),
        Arguments.of(0L, "0 kWh"),
        Arguments.of(1L, "0.000001 kWh"),
        Arguments.of(-1_250_000L, "-1.25 kWh"),
        Arguments.of(1_000_000_000L, "1000 kWh"),
        Arguments.of(450_000_000L, "450 kWh"),
        Arguments.of(Long.MAX_VALUE, "9223372036854.775807 kWh"),
        Arguments.of(Long.MIN_VALUE, "-9223372036854.775808 kWh"));
  }

  @ParameterizedTest
  @MethodSource("data_roundTrip")
  void toString_and_parse_round_trip(long milliwattHours, String text) {
    Energy e = Energy.ofMilliwattHours(milliwattHours);
    assertThat(e).hasToString(text);
    assertThat(Energy.parse(text)).isEqualTo(e);
  }

  static Stream<Arguments> data_parseValid() {
    return Stream.of(
        Arguments.of("1500 Wh", 1_500_000L),
        Arguments.of("1.5 Wh", 1_500L),
        Arguments.of("1 mWh", 1L),
        Arguments.of("-7 mWh", -7L),
        Arguments.of("  2.5 kWh  ", 2_500_000L),
        Arguments.of("2.5   kWh", 2_500_000L),
        Arguments.of("2.500000000 kWh", 2_500_000L),
        Arguments.of("1E+3 kWh", 1_000_000_000L),
        Arguments.of("+4 kWh", 4_000_000L));
  }

  @ParameterizedTest
  @MethodSource("data_parseValid")
  void parse_valid(String text, long milliwattHours) {
    assertThat(Energy.parse(text).milliwattHours()).isEqualTo(milliwattHours);
  }

  static Stream<Arguments> data_parseInvalid() {
    return Stream.of(
        Arguments.of("2.5", "text must be a number followed by kWh, Wh or mWh: \"2.5\""),
        Arguments.of("2.5kWh", "text must be a number followed by kWh, Wh or mWh: \"2.5kWh\""),
        Arguments.of("", "text must be a number followed by kWh, Wh or mWh: \"\""),
        Arguments.of("abc kWh", "text must be a number followed by kWh, Wh or mWh: \"abc kWh\""),
        Arguments.of("2.5 MWh", "text must be a number followed by kWh, Wh or mWh: \"2.5 MWh\""),
        Arguments.of("2.5 kwh", "text must be a number followed by kWh, Wh or mWh: \"2.5 kwh\""),
        Arguments.of("0.5 mWh", "text must be exact in milliwatt-hours (at most 6 decimals): \"0.5 mWh\""),
        Arguments.of("0.0000001 kWh", "text must be exact in milliwatt-hours (at most 6 decimals): \"0.0000001 kWh\""),
        Arguments.of("1E+13 kWh",
            "text must be between -9223372036854.775808 and 9223372036854.775807 kWh: \"1E+13 kWh\""));
  }

  @ParameterizedTest
  @MethodSource("data_parseInvalid")
  void parse_invalid(String text, String message) {
    invalid(message, () -> Energy.parse(text));
  }
}
