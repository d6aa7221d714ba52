package io.github.gridbill.core.quantity;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.EqualityGroups;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuantityTest {

  @Test
  void factories() {
    Quantity q = Quantity.of(new BigDecimal("450"), Unit.KWH);
    assertThat(q.value()).isEqualTo(new BigDecimal("450"));
    assertThat(q.unit()).isEqualTo(Unit.KWH);
    assertThat(Quantity.of(30, Unit.DAY)).isEqualTo(Quantity.of(new BigDecimal("30"), Unit.DAY));
    Quantity energy = Quantity.of(Energy.ofWattHours(2500));
    assertThat(energy.value()).isEqualTo(new BigDecimal("2.500000"));
    assertThat(energy.unit()).isEqualTo(Unit.KWH);
    Quantity power = Quantity.of(Power.ofWatts(12_500));
    assertThat(power.value()).isEqualTo(new BigDecimal("12.500000"));
    assertThat(power.unit()).isEqualTo(Unit.KW);
  }

  @Test
  void plus_adds_same_unit_exactly() {
    assertThat(Quantity.of(new BigDecimal("1.25"), Unit.KWH).plus(Quantity.of(new BigDecimal("0.005"), Unit.KWH)))
        .isEqualTo(Quantity.of(new BigDecimal("1.255"), Unit.KWH));
  }

  @Test
  void plus_refuses_another_unit() {
    invalid("other.unit must be KWH: KW",
        () -> Quantity.of(1, Unit.KWH).plus(Quantity.of(1, Unit.KW)));
  }

  @Test
  void value_semantics_ignore_trailing_zeros_but_not_the_unit() {
    EqualityGroups.create()
        .group(Quantity.of(new BigDecimal("1.5"), Unit.KWH), Quantity.of(new BigDecimal("1.50"), Unit.KWH),
            Quantity.of(new BigDecimal("1.500000"), Unit.KWH))
        .group(Quantity.of(new BigDecimal("1.5"), Unit.KW))
        .group(Quantity.of(new BigDecimal("15E-1"), Unit.MWH))
        .group(Quantity.of(0, Unit.KWH), Quantity.of(new BigDecimal("0.00"), Unit.KWH), Quantity.of(Energy.zero()))
        .group(Quantity.of(100, Unit.KWH), Quantity.of(new BigDecimal("1E+2"), Unit.KWH))
        .verify();
  }

  static Stream<Arguments> data_toString() {
    return Stream.of(
        Arguments.of(Quantity.of(new BigDecimal("450"), Unit.KWH), "450 kWh"),
        Arguments.of(Quantity.of(30, Unit.DAY), "30 day"),
        Arguments.of(Quantity.of(new BigDecimal("12.50"), Unit.KW), "12.5 kW"),
        Arguments.of(Quantity.of(Energy.zero()), "0 kWh"),
        Arguments.of(Quantity.of(new BigDecimal("1E+3"), Unit.KWH), "1000 kWh"),
        Arguments.of(Quantity.of(9, Unit.PERCENT), "9 %"),
        Arguments.of(Quantity.of(2, Unit.HOUR), "2 h"),
        Arguments.of(Quantity.of(new BigDecimal("3.2"), Unit.CUBIC_METRE), "3.2 m3"),
        Arguments.of(Quantity.of(-4, Unit.KVARH), "-4 kVArh"));
  }

  @ParameterizedTest
  @MethodSource("data_toString")
  void toString_format(Quantity q, String text) {
    assertThat(q).hasToString(text);
  }

  @Test
  void every_unit_has_a_distinct_symbol() {
    assertThat(Stream.of(Unit.values()).map(Unit::symbol).distinct().count()).isEqualTo(Unit.values().length);
    assertThat(Unit.KWH.symbol()).isEqualTo("kWh");
    assertThat(Unit.KVA.symbol()).isEqualTo("kVA");
    assertThat(Unit.THERM.symbol()).isEqualTo("therm");
    assertThat(Unit.EACH.symbol()).isEqualTo("each");
    assertThat(Unit.MONTH.symbol()).isEqualTo("month");
    assertThat(Unit.LITRE.symbol()).isEqualTo("L");
    assertThat(Unit.WH.symbol()).isEqualTo("Wh");
  }
}
