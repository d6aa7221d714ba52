package io.github.gridbill.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gridbill.core.CurrencyMismatchException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Invariants of {@link Monies}: allocation assigns every minor unit, each part within one minor unit of its exact share
 * (largest remainder, ties to the earliest part), and sums are exact. Currencies with 0 (JPY), 2 (USD, EUR) and 3 (BHD,
 * KWD) decimals.
 */
class MoniesPropertiesTest {
  private static final MathContext PRECISE = new MathContext(60);

  @Provide
  Arbitrary<CurrencyUnit> currencies() {
    return Arbitraries.of("USD", "EUR", "JPY", "BHD", "KWD").map(CurrencyUnit::of);
  }

  @Provide
  Arbitrary<Money> amounts() {
    Arbitrary<Long> minor = Arbitraries.oneOf(
        Arbitraries.longs().between(-1_000L, 1_000L),
        Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L));
    return Combinators.combine(currencies(), minor).as(Money::ofMinor);
  }

  @Provide
  Arbitrary<List<BigDecimal>> ratios() {
    Arbitrary<BigDecimal> nonZero = Combinators.combine(
            Arbitraries.longs().between(1, 1_000_000), Arbitraries.integers().between(0, 4))
        .as(BigDecimal::valueOf);
    Arbitrary<BigDecimal> ratio = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("3"))),
        net.jqwik.api.Tuple.of(4, nonZero));
    return ratio.list().ofMinSize(1).ofMaxSize(12).filter(l -> l.stream().anyMatch(r -> r.signum() > 0));
  }

  private static BigDecimal sum(List<BigDecimal> ratios) {
    return ratios.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Property(tries = 300)
  void allocation_parts_sum_exactly_to_the_amount(
      @ForAll("amounts") Money amount, @ForAll("ratios") List<BigDecimal> ratios) {
    List<Money> parts = Monies.allocate(amount, ratios);
    assertThat(parts).hasSize(ratios.size());
    assertThat(parts).allSatisfy(p -> assertThat(p.getCurrencyUnit()).isEqualTo(amount.getCurrencyUnit()));
    assertThat(Monies.total(amount.getCurrencyUnit(), parts)).isEqualTo(amount);
  }

  @Property(tries = 300)
  void each_part_is_within_one_minor_unit_of_its_exact_share(
      @ForAll("amounts") Money amount, @ForAll("ratios") List<BigDecimal> ratios) {
    List<Money> parts = Monies.allocate(amount, ratios);
    BigDecimal total = sum(ratios);
    BigDecimal minor = BigDecimal.valueOf(amount.getAmountMinorLong());
    for (int i = 0; i < parts.size(); i++) {
      BigDecimal share = minor.multiply(ratios.get(i)).divide(total, PRECISE);
      BigDecimal part = BigDecimal.valueOf(parts.get(i).getAmountMinorLong());
      assertThat(part.subtract(share).abs())
          .as("part %d = %s, exact share %s minor units", i, part, share)
          .isLessThan(BigDecimal.ONE);
      // the same, exactly, with no division: |part × Σr − amount × r_i| < Σr
      assertThat(part.multiply(total).subtract(minor.multiply(ratios.get(i))).abs()).isLessThan(total);
    }
  }

  @Property(tries = 300)
  void left_over_units_go_to_the_largest_remainders_ties_to_the_earliest(
      @ForAll("amounts") Money amount, @ForAll("ratios") List<BigDecimal> ratios) {
    List<Money> parts = Monies.allocate(amount, ratios);
    BigDecimal total = sum(ratios);
    BigDecimal magnitude = BigDecimal.valueOf(Math.abs(amount.getAmountMinorLong()));
    int n = ratios.size();
    BigDecimal[] remainder = new BigDecimal[n];
    boolean[] bonus = new boolean[n];
    for (int i = 0; i < n; i++) {
      BigDecimal[] qr = magnitude.multiply(ratios.get(i)).divideAndRemainder(total);
      remainder[i] = qr[1];
      long extra = Math.abs(parts.get(i).getAmountMinorLong()) - qr[0].longValueExact();
      assertThat(extra).as("part %d gets its whole share plus at most one unit", i).isBetween(0L, 1L);
      bonus[i] = extra == 1;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (bonus[i] && !bonus[j]) {
          int c = remainder[i].compareTo(remainder[j]);
          assertThat(c > 0 || (c == 0 && i < j))
              .as("part %d (remainder %s) got a unit before part %d (remainder %s)", i, remainder[i], j, remainder[j])
              .isTrue();
        }
      }
    }
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void allocation_is_deterministic_and_ignores_the_scale_of_the_ratios(
      @ForAll("amounts") Money amount, @ForAll("ratios") List<BigDecimal> ratios,
      @ForAll @IntRange(min = 1, max = 1000) int k) {
    List<Money> once = Monies.allocate(amount, ratios);
    assertThat(Monies.allocate(amount, new ArrayList<>(ratios))).isEqualTo(once);
    List<BigDecimal> scaled = new ArrayList<>();
    for (BigDecimal r : ratios) {
      scaled.add(r.multiply(BigDecimal.valueOf(k)));
    }
    assertThat(Monies.allocate(amount, scaled)).isEqualTo(once);
  }

  @Property(tries = 200)
  void a_negative_amount_allocates_as_the_mirror_of_the_positive(
      @ForAll("amounts") Money amount, @ForAll("ratios") List<BigDecimal> ratios) {
    List<Money> positive = Monies.allocate(amount.abs(), ratios);
    List<Money> negative = Monies.allocate(amount.abs().negated(), ratios);
    for (int i = 0; i < ratios.size(); i++) {
      assertThat(negative.get(i)).isEqualTo(positive.get(i).negated());
    }
  }

  @Property(tries = 200)
  void split_gives_nearly_equal_non_increasing_parts(
      @ForAll("amounts") Money amount, @ForAll @IntRange(min = 1, max = 40) int n) {
    List<Money> parts = Monies.split(amount, n);
    assertThat(parts).hasSize(n);
    assertThat(Monies.total(amount.getCurrencyUnit(), parts)).isEqualTo(amount);
    long first = Math.abs(parts.get(0).getAmountMinorLong());
    long last = Math.abs(parts.get(n - 1).getAmountMinorLong());
    assertThat(first - last).isBetween(0L, 1L);
    for (int i = 1; i < n; i++) {
      assertThat(Math.abs(parts.get(i).getAmountMinorLong()))
          .isLessThanOrEqualTo(Math.abs(parts.get(i - 1).getAmountMinorLong()));
    }
  }

  @Provide
  Arbitrary<List<Money>> sameCurrencyLists() {
    return currencies().flatMap(c -> Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
        .map(minor -> Money.ofMinor(c, minor)).list().ofMinSize(1).ofMaxSize(30));
  }

  @Property(tries = 200)
  void total_equals_the_running_sum_in_any_order(@ForAll("sameCurrencyLists") List<Money> amounts) {
    CurrencyUnit c = amounts.get(0).getCurrencyUnit();
    Money running = Money.zero(c);
    for (Money m : amounts) {
      running = running.plus(m);
    }
    assertThat(Monies.total(c, amounts)).isEqualTo(running);
    List<Money> reversed = new ArrayList<>(amounts);
    java.util.Collections.reverse(reversed);
    assertThat(Monies.total(c, reversed)).isEqualTo(running);
    assertThat(Monies.round(Monies.totalExact(c, amounts), java.math.RoundingMode.UNNECESSARY)).isEqualTo(running);
  }

  @Property(tries = 200)
  void a_foreign_amount_is_named_by_its_index(
      @ForAll("sameCurrencyLists") List<Money> amounts, @ForAll @IntRange(min = 0, max = 30) int at) {
    CurrencyUnit c = amounts.get(0).getCurrencyUnit();
    CurrencyUnit other = c.equals(CurrencyUnit.USD) ? CurrencyUnit.EUR : CurrencyUnit.USD;
    int index = Math.min(at, amounts.size());
    List<Money> mixed = new ArrayList<>(amounts);
    Money foreign = Money.ofMinor(other, 123);
    mixed.add(index, foreign);
    CurrencyMismatchException e =
        catchThrowableOfType(CurrencyMismatchException.class, () -> Monies.total(c, mixed));
    assertThat(e).hasMessage("amounts[" + index + "] must be in the currency " + c + ": " + foreign);
    CurrencyMismatchException exact =
        catchThrowableOfType(CurrencyMismatchException.class, () -> Monies.totalExact(c, mixed));
    assertThat(exact.field()).isEqualTo("amounts[" + index + "]");
  }

  @Property(tries = 200)
  void total_exact_keeps_every_decimal(@ForAll("currencies") CurrencyUnit c,
      @ForAll("exactAmounts") List<BigDecimal> values) {
    List<BigMoney> amounts = new ArrayList<>();
    BigDecimal expected = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      amounts.add(BigMoney.of(c, v));
      expected = expected.add(v);
    }
    assertThat(Monies.totalExact(c, amounts).getAmount()).isEqualByComparingTo(expected);
  }

  @Provide
  Arbitrary<List<BigDecimal>> exactAmounts() {
    return Combinators.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
            Arbitraries.integers().between(0, 8))
        .as(BigDecimal::valueOf).list().ofMaxSize(20);
  }
}
