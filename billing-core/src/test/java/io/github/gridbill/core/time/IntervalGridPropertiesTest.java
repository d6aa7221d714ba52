package io.github.gridbill.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Interval counts follow real elapsed time between local midnights in every zone the JDK knows, on random dates: for
 * each length that divides the span, count × length equals it; for the others the grid is refused.
 */
class IntervalGridPropertiesTest {
  private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of)
      .collect(Collectors.toList());

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2037, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property(tries = 300)
  void count_times_length_is_the_real_duration(@ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate start,
      @ForAll @IntRange(min = 1, max = 40) int days, @ForAll IntervalLength length) {
    BillingPeriod p = BillingPeriod.of(start, start.plusDays(days), zone);
    Duration real = Duration.between(start.atStartOfDay(zone), start.plusDays(days).atStartOfDay(zone));
    if (real.getNano() == 0 && real.getSeconds() % length.seconds() == 0) {
      IntervalGrid g = IntervalGrid.forPeriod(p, length);
      assertThat(length.duration().multipliedBy(g.count())).isEqualTo(real);
      assertThat(g.end()).isEqualTo(p.endInstant());
    } else {
      Throwable t = catchThrowable(() -> IntervalGrid.forPeriod(p, length));
      assertThat(t).isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("period must last a whole number of " + length.minutes() + "-minute intervals");
    }
  }

  @Property(tries = 200)
  void counts_add_up_day_by_day(@ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate start,
      @ForAll @IntRange(min = 1, max = 10) int days, @ForAll IntervalLength length) {
    BillingPeriod whole = BillingPeriod.of(start, start.plusDays(days), zone);
    long sum = 0;
    for (BillingPeriod day : whole.splitAt(start.datesUntil(start.plusDays(days)).collect(Collectors.toList()))) {
      Duration real = Duration.between(day.startInstant(), day.endInstant());
      Assume.that(real.getNano() == 0 && real.getSeconds() % length.seconds() == 0);
      sum += IntervalGrid.forPeriod(day, length).count();
    }
    assertThat(IntervalGrid.forPeriod(whole, length).count()).isEqualTo(sum);
    assertThat(whole.startInstant()).isEqualTo(start.atStartOfDay(zone).toInstant());
  }

  @Property(tries = 300)
  void indexOf_inverts_intervalStart(@ForAll @IntRange(min = 1, max = 3000) int count,
      @ForAll IntervalLength length, @ForAll @IntRange(min = 0, max = 2999) int index,
      @ForAll @IntRange(min = 0, max = 3599) int offsetSeconds) {
    Instant start = Instant.parse("2024-03-10T05:00:00Z").plusSeconds(offsetSeconds);
    IntervalGrid g = IntervalGrid.of(start, length, count);
    int i = index % count;
    Instant s = g.intervalStart(i);
    assertThat(g.indexOf(s)).isEqualTo(i);
    assertThat(g.indexOf(s.plusSeconds(length.seconds()).minusNanos(1))).isEqualTo(i);
    assertThat(g.indexOf(s.minusNanos(1))).isEqualTo(i - 1);
    assertThat(g.indexOf(g.end())).isEqualTo(-1);
  }
}
