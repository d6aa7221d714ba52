package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.HOUR;
import static io.github.gridbill.rating.vee.VeeFixtures.T0;
import static io.github.gridbill.rating.vee.VeeFixtures.UTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.RegisterRead;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of VEE over random readings, and the normaliser against a small reference. */
class VeePropertyTest {

  // ---------------------------------------------------------------------------------------------- estimation

  /** A window of two days of hours with gaps, bad values and a random plan; 28 days of history. */
  static final class Case {
    final long[] wh;
    final boolean[] present;
    final List<EstimationStep> steps;
    final long[] historyWh;
    final int estimatedHistoryDay;
    final boolean holidays;

    Case(long[] wh, boolean[] present, List<EstimationStep> steps, long[] historyWh, int estimatedHistoryDay,
        boolean holidays) {
      this.wh = wh;
      this.present = present;
      this.steps = steps;
      this.historyWh = historyWh;
      this.estimatedHistoryDay = estimatedHistoryDay;
      this.holidays = holidays;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<long[]> wh = Arbitraries.longs().between(-50, 4000).array(long[].class).ofSize(48);
    Arbitrary<boolean[]> present = Arbitraries.integers().between(0, 9).list().ofSize(48).map(l -> {
      boolean[] p = new boolean[48];
      for (int i = 0; i < 48; i++) {
        p[i] = l.get(i) > 1;
      }
      return p;
    });
    List<EstimationStep> all = List.of(EstimationStep.zeroWhenDeenergized(),
        EstimationStep.linearInterpolation(Duration.ofHours(3)), EstimationStep.likeDay(2),
        EstimationStep.averageOfLikeDays(2, 10), EstimationStep.registerScaling());
    Arbitrary<List<EstimationStep>> steps = Arbitraries.subsetOf(all).map(s -> {
      List<EstimationStep> l = new ArrayList<>(s);
      Collections.shuffle(l, new java.util.Random(l.size()));
      return l;
    });
    Arbitrary<long[]> hist = Arbitraries.longs().between(0, 3000).array(long[].class).ofSize(28 * 24);
    return Combinators.combine(wh, present, steps, hist, Arbitraries.integers().between(-1, 27),
        Arbitraries.of(true, false)).as(Case::new);
  }

  private static IntervalSeries historyOf(Case c) {
    IntervalGrid g = IntervalGrid.of(T0.minus(Duration.ofDays(28)), IntervalLength.SIXTY_MINUTES, 28 * 24);
    long[] v = new long[g.count()];
    byte[] q = new byte[g.count()];
    byte[] m = new byte[g.count()];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.historyWh[i] * 1000;
      if (i / 24 == c.estimatedHistoryDay && i % 24 == 7) {
        q[i] = ReadingQuality.ESTIMATED.code();
        m[i] = EstimationMethod.LINEAR_INTERPOLATION.code();
      }
    }
    return IntervalSeries.builder("M-1", g).imports(v).quality(q).methods(m).build();
  }

  private static List<RawReading> readingsOf(Case c) {
    List<RawReading> r = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      if (c.present[i]) {
        r.add(RawReading.of(T0.plusSeconds(3600L * i), HOUR, c.wh[i] * 1000));
      }
    }
    return r;
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
  void estimationNeverChangesAnActualInterval(@ForAll("cases") Case c) {
    IntervalGrid window = IntervalGrid.of(T0, IntervalLength.SIXTY_MINUTES, 48);
    long sum = 0;
    for (int i = 0; i < 48; i++) {
      sum += c.present[i] ? Math.max(c.wh[i], 0) * 1000 : 0;
    }
    VeeContext ctx = VeeContext.builder().history(historyOf(c))
        .registerStart(RegisterRead.of("M-1", T0, BigDecimal.valueOf(5000)))
        .registerEnd(RegisterRead.of("M-1", window.end(), BigDecimal.valueOf(5000 + sum / 1_000_000 + 7)))
        .addDeenergized(TimeSpan.of(T0.plusSeconds(3600L * 20), T0.plusSeconds(3600L * 23))).build();
    Vee vee = Vee.builder(UTC).calendar(c.holidays ? DayCalendar.standard(HolidayCalendar.nerc())
        : DayCalendar.standard()).plan(EstimationPlan.of(c.steps)).build();
    VeeResult r = vee.run("M-1", readingsOf(c), window, ctx);
    IntervalSeries s = r.series();
    for (int i = 0; i < 48; i++) {
      if (r.validation().isValid(i)) {
        assertThat(s.importAt(i)).isEqualTo(c.wh[i] * 1000);
        assertThat(s.quality(i)).isEqualTo(ReadingQuality.ACTUAL);
        assertThat(s.method(i)).isEqualTo(EstimationMethod.NONE);
      } else {
        assertThat(s.quality(i)).isNotEqualTo(ReadingQuality.ACTUAL);
        assertThat(s.method(i) == EstimationMethod.NONE).isEqualTo(s.quality(i) == ReadingQuality.MISSING);
      }
    }
    // a negative reading is never valid
    for (int i = 0; i < 48; i++) {
      if (c.present[i] && c.wh[i] < 0) {
        assertThat(r.validation().isValid(i)).isFalse();
      }
    }
    // every estimated interval is in exactly one record, with its quality and method
    int inRecords = 0;
    for (EstimationRecord e : r.estimations()) {
      for (int i = e.range().firstIndex(); i < e.range().firstIndex() + e.range().count(); i++) {
        assertThat(s.quality(i)).isEqualTo(e.quality());
        assertThat(s.method(i)).isEqualTo(e.method());
        inRecords++;
      }
    }
    assertThat(inRecords).isEqualTo(48 - s.count(ReadingQuality.ACTUAL) - s.count(ReadingQuality.MISSING));
  }

  /** A day of hours, some missing (never the first or last), and energy the register saw beyond the actuals. */
  static final class ScaleCase {
    final long[] wh;
    final boolean[] present;
    final long extraMwh;

    ScaleCase(long[] wh, boolean[] present, long extraMwh) {
      this.wh = wh;
      this.present = present;
      this.extraMwh = extraMwh;
    }
  }

  @Provide
  Arbitrary<ScaleCase> scaleCases() {
    Arbitrary<long[]> wh = Arbitraries.longs().between(0, 5000).array(long[].class).ofSize(24);
    Arbitrary<boolean[]> present = Arbitraries.integers().between(0, 3).list().ofSize(24).map(l -> {
      boolean[] p = new boolean[24];
      for (int i = 0; i < 24; i++) {
        p[i] = i == 0 || i == 23 || l.get(i) > 0;
      }
      return p;
    });
    return Combinators.combine(wh, present, Arbitraries.longs().between(0, 50_000_000L)).as(ScaleCase::new);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void scaledEstimatesMeetTheRegisterDifference(@ForAll("scaleCases") ScaleCase c) {
    List<RawReading> r = new ArrayList<>();
    long actual = 0;
    int missing = 0;
    for (int i = 0; i < 24; i++) {
      if (c.present[i]) {
        r.add(RawReading.of(T0.plusSeconds(3600L * i), HOUR, c.wh[i] * 1000));
        actual += c.wh[i] * 1000;
      } else {
        missing++;
      }
    }
    long register = actual + c.extraMwh;
    VeeContext ctx = VeeContext.builder().registerDigits(12)
        .registerStart(RegisterRead.of("M-1", T0, BigDecimal.valueOf(1000)))
        .registerEnd(RegisterRead.of("M-1", VeeFixtures.DAY_HOURS.end(),
            BigDecimal.valueOf(1000).add(BigDecimal.valueOf(register, 6)))).build();
    Vee vee = Vee.builder(UTC).plan(EstimationPlan.of(List.of(EstimationStep.linearInterpolation(Duration.ofDays(1)),
        EstimationStep.registerScaling()))).build();
    VeeResult res = vee.run("M-1", r, VeeFixtures.DAY_HOURS, ctx);
    assertThat(res.isComplete()).isTrue();
    assertThat(res.findings(CheckId.SCALING_NOT_APPLIED)).isEmpty();
    if (missing > 0) {
      assertThat(res.series().totalImport().milliwattHours()).isEqualTo(register);
    }
    for (int i = 0; i < 24; i++) {
      if (c.present[i]) {
        assertThat(res.series().importAt(i)).isEqualTo(c.wh[i] * 1000);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- normaliser

  /** Where a reading starts relative to an hour of the grid, and how long it lasts. */
  record Raw(int hour, int jitterSeconds, int minutes, long wh, boolean outage) {}

  @Provide
  Arbitrary<List<Raw>> raws() {
    Arbitrary<Integer> jitter = Arbitraries.of(0, 0, 0, 0, 30, -30, 59, -59, 60, -60, 61, -61, 300, 1800, -1800);
    Arbitrary<Integer> minutes = Arbitraries.of(60, 60, 60, 60, 60, 30, 120);
    return Combinators.combine(Arbitraries.integers().between(-2, 25), jitter, minutes,
        Arbitraries.longs().between(0, 3), Arbitraries.of(false, false, false, true)).as(Raw::new)
        .list().ofMaxSize(60);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void normaliserAgreesWithAReference(@ForAll("raws") List<Raw> raws, @ForAll DuplicatePolicy policy) {
    List<RawReading> readings = new ArrayList<>();
    for (Raw x : raws) {
      Set<MeterEvent> ev = x.outage ? EnumSet.of(MeterEvent.POWER_OUTAGE) : Set.of();
      readings.add(RawReading.of(T0.plusSeconds(3600L * x.hour + x.jitterSeconds), Duration.ofMinutes(x.minutes),
          x.wh * 1000, 0, ev));
    }
    GridReadings g = GridReadings.normalize("M-1", readings, VeeFixtures.DAY_HOURS, UTC,
        NormalizationRules.builder().duplicates(policy).build());
    // reference: a reading lands in the hour it starts within 60 s of, if it lasts an hour
    int duplicates = 0;
    int snapped = 0;
    int landed = 0;
    for (int slot = 0; slot < 24; slot++) {
      Instant s = T0.plusSeconds(3600L * slot);
      List<RawReading> cands = new ArrayList<>();
      for (RawReading r : readings) {
        if (r.duration().equals(HOUR) && Math.abs(Duration.between(s, r.start()).toSeconds()) <= 60) {
          cands.add(r);
          if (!r.start().equals(s)) {
            snapped++;
          }
        }
      }
      landed += cands.size();
      if (cands.isEmpty()) {
        assertThat(g.isPresent(slot)).isFalse();
        continue;
      }
      duplicates += cands.size() - 1;
      boolean allSame = cands.stream().allMatch(r -> r.hasSameValues(cands.get(0)));
      RawReading expected = policy == DuplicatePolicy.KEEP_FIRST ? cands.get(0) : cands.get(cands.size() - 1);
      if (policy == DuplicatePolicy.REJECT && !allSame) {
        assertThat(g.isPresent(slot)).isFalse();
      } else {
        assertThat(g.isPresent(slot)).isTrue();
        assertThat(g.importAt(slot)).isEqualTo(expected.importMilliwattHours());
        assertThat(g.events(slot)).isEqualTo(expected.events());
      }
    }
    long dupFindings = g.findings().stream().filter(f -> f.check() == CheckId.DUPLICATE_IDENTICAL
        || f.check() == CheckId.DUPLICATE_CONFLICTING).count();
    assertThat(dupFindings).isEqualTo(duplicates);
    assertThat(g.findings().stream().filter(f -> f.check() == CheckId.CLOCK_TOLERANCE).count()).isEqualTo(snapped);
    // every reading that landed nowhere has exactly one finding of its own
    long notLanded = g.findings().stream().filter(f -> EnumSet.of(CheckId.OFF_GRID, CheckId.INTERVAL_SIZE,
        CheckId.OVERLAP_IDENTICAL, CheckId.OVERLAP_CONFLICTING, CheckId.OUTSIDE_WINDOW).contains(f.check())).count();
    long outsideButSized = 0;
    for (RawReading r : readings) {
      long off = Duration.between(T0, r.start()).toSeconds();
      long nearest = Math.floorDiv(off + 1800, 3600);
      boolean sized = r.duration().equals(HOUR) && Math.abs(off - nearest * 3600) <= 60;
      if (sized && (nearest < 0 || nearest >= 24)) {
        outsideButSized++;
      }
    }
    assertThat(notLanded).isEqualTo(readings.size() - landed);
    assertThat(outsideButSized).isLessThanOrEqualTo(notLanded);
  }
}
