package io.github.gridbill.core.quantity;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.EqualityGroups;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PowerTest {

  private static Power kw(String value) {
    return Power.ofKilowatts(new BigDecimal(value));
  }

  private static Energy kwh(String value) {
    return Energy.ofKilowattHours(new BigDecimal(value));
  }

  @Test
  void factories_agree_on_the_milliwatt() {
    assertThat(kw("10").milliwatts()).isEqualTo(10_000_000L);
    assertThat(Power.ofWatts(1500)).isEqualTo(kw("1.5"));
    assertThat(Power.ofMilliwatts(1)).isEqualTo(kw("0.000001"));
    assertThat(Power.MW_PER_KW).isEqualTo(1_000_000L);
    assertThat(Power.ofMilliwatts(0)).isSameAs(Power.zero());
    assertThat(kw("12.5").toKilowatts()).isEqualTo(new BigDecimal("12.500000"));
  }

  @Test
  void seven_significant_decimals_are_refused() {
    invalid("kilowatts must be exact in milliwatts (at most 6 decimals): 0.0000001", () -> kw("0.0000001"));
  }

  @Test
  void beyond_the_long_range_is_refused() {
    invalid("kilowatts must be between -9223372036854.775808 and 9223372036854.775807 kW: 10000000000000",
        () -> Power.ofKilowatts(new BigDecimal("1E+13")));
  }

  @Test
  void rounding_factory() {
    assertThat(Power.ofKilowatts(new BigDecimal("0.0000015"), RoundingMode.HALF_EVEN).milliwatts()).isEqualTo(2);
    assertThat(Power.ofKilowatts(new BigDecimal("0.0000015"), RoundingMode.DOWN).milliwatts()).isEqualTo(1);
  }

  static Stream<Arguments> data_averageOver() {
    return Stream.of(
        Arguments.of("2.5", Duration.ofMinutes(15), "10"),
        Arguments.of("1", Duration.ofMinutes(60), "1"),
        Arguments.of("0.25", Duration.ofMinutes(5), "3"),
        Arguments.of("5", Duration.ofMinutes(30), "10"),
        Arguments.of("0.001", Duration.ofSeconds(1), "3.6"),
        Arguments.of("-2.5", Duration.ofMinutes(15), "-10"),
        Arguments.of("0.000001", Duration.ofMinutes(1), "0.00006"),
        Arguments.of("0", Duration.ofMinutes(10), "0"));
  }

  @ParameterizedTest
  @MethodSource("data_averageOver")
  void averageOver(String energyKwh, Duration duration, String expectedKw) {
    assertThat(Power.averageOver(kwh(energyKwh), duration)).isEqualTo(kw(expectedKw));
  }

  static Stream<Arguments> data_averageOverInvalid() {
    return Stream.of(
        Arguments.of(Duration.ofMinutes(7), "PT7M"),
        Arguments.of(Duration.ofHours(2), "PT2H"),
        Arguments.of(Duration.ZERO, "PT0S"),
        Arguments.of(Duration.ofMinutes(-15), "PT-15M"),
        Arguments.of(Duration.ofMillis(500), "PT0.5S"),
        Arguments.of(Duration.ofMinutes(15).plusNanos(1), "PT15M0.000000001S"));
  }

  @ParameterizedTest
  @MethodSource("data_averageOverInvalid")
  void averageOver_refuses_a_duration_that_does_not_divide_an_hour(Duration duration, String shown) {
    invalid("duration must be a whole number of seconds that divides one hour: " + shown,
        () -> Power.averageOver(kwh("1"), duration));
  }

  @Test
  void overflow_fails_loudly() {
    assertThatThrownBy(() -> Power.averageOver(Energy.ofMilliwattHours(Long.MAX_VALUE / 2), Duration.ofMinutes(15)))
        .isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Power.ofMilliwatts(Long.MAX_VALUE).plus(Power.ofMilliwatts(1)))
        .isExactlyInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Power.ofWatts(Long.MAX_VALUE)).isExactlyInstanceOf(ArithmeticException.class);
  }

  @Test
  void max_and_plus() {
    assertThat(kw("10").max(kw("12.5"))).isEqualTo(kw("12.5"));
    assertThat(kw("12.5").max(kw("10"))).isEqualTo(kw("12.5"));
    assertThat(kw("-1").max(Power.zero())).isSameAs(Power.zero());
    assertThat(kw("10").plus(kw("2.5"))).isEqualTo(kw("12.5"));
  }

  @Test
  void value_semantics_and_ordering() {
    EqualityGroups.create()
        .group(kw("10"), Power.ofWatts(10_000), Power.ofMilliwatts(10_000_000), kw("10.000"))
        .group(kw("-10"))
        .group(Power.zero(), kw("0"))
        .verify();
    assertThat(kw("9.999999")).isLessThan(kw("10"));
    assertThat(kw("10").compareTo(Power.ofWatts(10_000))).isZero();
  }

  static Stream<Arguments> data_toString() {
    return Stream.of(
        Arguments.of("10", "10 kW"),
        Arguments.of("0.5", "0.5 kW"),
        Arguments.of("0", "0 kW"),
        Arguments.of("-3", "-3 kW"),
        Arguments.of("1000", "1000 kW"),
        Arguments.of("0.000001", "0.000001 kW"));
  }

  @ParameterizedTest
  @MethodSource("data_toString")
  void toString_format(String kilowatts, String text) {
    assertThat(kw(kilowatts)).hasToString(text);
  }
}
