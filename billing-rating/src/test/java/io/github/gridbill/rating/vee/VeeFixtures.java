package io.github.gridbill.rating.vee;

import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Hand-made readings for the VEE tests. */
final class VeeFixtures {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Instant T0 = Instant.parse("2024-06-03T00:00:00Z"); // a Monday
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration QUARTER = Duration.ofMinutes(15);
  /** One day of hours from T0. */
  static final IntervalGrid DAY_HOURS = IntervalGrid.of(T0, IntervalLength.SIXTY_MINUTES, 24);

  private VeeFixtures() {}

  /** Hourly readings from T0 with the given imports in Wh (0.5 kWh = 500); a negative Wh count stays negative. */
  static List<RawReading> hourlyWh(long... wh) {
    List<RawReading> out = new ArrayList<>();
    for (int i = 0; i < wh.length; i++) {
      out.add(RawReading.of(T0.plusSeconds(3600L * i), HOUR, wh[i] * 1000));
    }
    return out;
  }

  /** Hourly readings from T0, every one {@code wh} Wh. */
  static List<RawReading> flatHours(int count, long wh) {
    long[] v = new long[count];
    java.util.Arrays.fill(v, wh);
    return hourlyWh(v);
  }

  static RawReading at(Instant t, Duration d, long mwh) {
    return RawReading.of(t, d, mwh);
  }

  static RawReading withEvents(Instant t, long mwh, MeterEvent... events) {
    return RawReading.of(t, HOUR, mwh, 0, Set.of(events));
  }

  static Instant h(int hour) {
    return T0.plusSeconds(3600L * hour);
  }

  /** Readings laid on the one-day hourly grid in UTC with the default rules. */
  static GridReadings grid(List<RawReading> readings) {
    return GridReadings.normalize("M-1", readings, DAY_HOURS, UTC, NormalizationRules.defaults());
  }

  /** Runs a chain of the given checks over readings on the one-day hourly grid. */
  static ValidationResult check(List<RawReading> readings, VeeContext ctx, ValidationCheck... checks) {
    return ValidationChain.of(NormalizationRules.defaults(), List.of(checks)).validate(grid(readings), ctx);
  }

  static ValidationResult check(List<RawReading> readings, ValidationCheck... checks) {
    return check(readings, VeeContext.empty(), checks);
  }
}
