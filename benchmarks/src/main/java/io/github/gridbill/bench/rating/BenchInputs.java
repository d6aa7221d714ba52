package io.github.gridbill.bench.rating;

import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.core.time.Season;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic inputs shared by the rating benchmarks: a residential TOU tariff with block tiers, TOU demand and net
 * billing, and seeded load-and-solar interval data.
 *
 * <p>The tariff "BENCH-TOU": three periods (off-peak, shoulder, peak), two seasons (summer June–September, winter
 * October–May), weekends and NERC holidays off-peak except a summer-afternoon shoulder; per period two block tiers
 * (0–100 kWh, above); a TOU demand charge; net billing with per-period export rates; a per-day fixed charge and a
 * 6.25% tax. Zone UTC, so July has 31 × 24 hours and no DST (2,976 quarter-hours).
 */
public final class BenchInputs {
  static final ZoneId ZONE = ZoneOffset.UTC;

  private BenchInputs() {}

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static List<Integer> hours(int[] h) {
    List<Integer> out = new ArrayList<>(24);
    for (int v : h) {
      out.add(v);
    }
    return out;
  }

  /**
   * The TOU schedule: 0 off-peak, 1 shoulder, 2 peak (also the live-ingest benchmark's).
   *
   * @return the schedule
   */
  public static TouSchedule schedule() {
    int[] summerWeekday = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0};
    int[] summerWeekend = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    int[] winterWeekday = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0};
    int[] winterWeekend = new int[24];
    return TouSchedule.builder()
        .name("BENCH-TOU")
        .periodNames(List.of("off-peak", "shoulder", "peak"))
        .addSeason(Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)))
        .addSeason(Season.of("winter", MonthDay.of(10, 1), MonthDay.of(5, 31)))
        .calendar(DayCalendar.standard(HolidayCalendar.nerc()))
        .addProfile(DayProfile.of("summer", DayType.WEEKDAY, hours(summerWeekday)))
        .addProfile(DayProfile.of("summer", DayType.WEEKEND, hours(summerWeekend)))
        .addProfile(DayProfile.of("winter", DayType.WEEKDAY, hours(winterWeekday)))
        .addProfile(DayProfile.of("winter", DayType.WEEKEND, hours(winterWeekend)))
        .build();
  }

  /** The benchmark tariff (see the class comment). */
  static Tariff tariff() {
    TouSchedule s = schedule();
    return Tariff.builder().id("BENCH-TOU").name("Residential TOU with net billing").currency(
            org.joda.money.CurrencyUnit.USD).zone(ZONE)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2020, 1, 1))
            .addFixedCharge(FixedCharge.of("daily", "Daily service charge", d("0.45"), FixedChargeBasis.PER_DAY))
            .addEnergyCharge(EnergyCharge.builder().id("energy-tou").description("Energy").schedule(s)
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.11")), Tier.unbounded(d("0.13")))))
                .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("100"), d("0.21")), Tier.unbounded(d("0.25")))))
                .addPeriod(PeriodTiers.of(2, List.of(Tier.upTo(d("100"), d("0.32")), Tier.unbounded(d("0.38")))))
                .build())
            .addDemandCharge(DemandCharge.builder().id("demand-tou").description("Demand").schedule(s)
                .addPeriod(PeriodTiers.flat(0, d("2.00")))
                .addPeriod(PeriodTiers.flat(1, d("6.20")))
                .addPeriod(PeriodTiers.flat(2, d("18.50")))
                .build())
            .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
                .exportRate(ExportRate.perPeriod(s, List.of(d("0.04"), d("0.06"), d("0.09")))).build())
            .addTax(TaxRule.onAll("tax", "Sales tax", d("6.25")))
            .build())
        .build();
  }

  /**
   * A household with rooftop solar on a grid: import and export per interval in mWh, seeded. Load follows a
   * morning and an evening bump with noise; solar a daylight sine scaled by a daily cloud factor; each interval's
   * import is load minus solar where positive, export the rest.
   */
  static IntervalSeries household(String meterId, IntervalGrid grid, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = grid.count();
    long[] imp = new long[n];
    long[] exp = new long[n];
    double hoursPerInterval = grid.length().minutes() / 60.0;
    double cloud = 1.0;
    int lastDay = -1;
    Instant start = grid.start();
    for (int i = 0; i < n; i++) {
      ZonedDateTime t = start.plusSeconds((long) i * grid.length().seconds()).atZone(ZONE);
      if (t.getDayOfYear() != lastDay) {
        lastDay = t.getDayOfYear();
        cloud = 0.3 + 0.7 * r.nextDouble();
      }
      double h = t.getHour() + t.getMinute() / 60.0;
      double loadKw = 0.35 + 0.9 * bump(h, 7.5, 1.5) + 1.8 * bump(h, 19.0, 2.0) + 0.4 * r.nextDouble();
      double solarKw = h > 6 && h < 19 ? 4.2 * cloud * Math.sin(Math.PI * (h - 6) / 13.0) : 0.0;
      double net = (loadKw - solarKw) * hoursPerInterval * 1_000_000.0; // mWh
      if (net >= 0) {
        imp[i] = Math.round(net);
      } else {
        exp[i] = Math.round(-net);
      }
    }
    return IntervalSeries.builder(meterId, grid).imports(imp).exports(exp).build();
  }

  private static double bump(double h, double centre, double width) {
    double x = (h - centre) / width;
    return Math.exp(-x * x);
  }

  /** The length for a benchmark parameter in minutes. */
  static IntervalLength length(int minutes) {
    for (IntervalLength l : IntervalLength.values()) {
      if (l.minutes() == minutes) {
        return l;
      }
    }
    throw new IllegalArgumentException("intervalMinutes must be 1, 5, 10, 15, 30 or 60: " + minutes);
  }
}
