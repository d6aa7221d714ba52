package io.github.gridbill.rating.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.reference.Scenario;
import io.github.gridbill.rating.reference.TariffArbitraries;
import io.github.gridbill.rating.reference.TariffArbitraries.Features;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariant of live rating: when every reading of the cycle has arrived — in a random order within the lateness
 * window, in random batches, with duplicates and conflicting repeats — the bill-to-date equals the batch rater's bill
 * exactly (every line, exact amounts, the intervals behind each line) and so does the state it hands on, bill after
 * bill, for every construct {@link TariffArbitraries} draws (fixed, tiers block/volume per period and all periods,
 * proportional and chronological, per-day and per-kW bounds, TOU with seasons, day types and holidays, flat/TOU/tiered
 * demand, ratchets, net metering with carried banks, net billing, buy-all/sell-all, minimums, riders, taxes,
 * time-series prices, a version change inside a bill); and for demand response, with the baseline history given at
 * account setup.
 */
class LiveEqualsBatchProperties {

  /** How the readings of a cycle arrive. */
  record Arrival(long seed, int latenessIntervals, int duplicatePct, int conflictPct, int maxBatch, int qualityPct,
      long quantum) {}

  record Case(Scenario scenario, Arrival arrival) {
    @Override
    public String toString() {
      return arrival + "\n" + scenario;
    }
  }

  static Arbitrary<Arrival> arrivals() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 12),
        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 10),
        Arbitraries.integers().between(1, 200), Arbitraries.integers().between(0, 10),
        Arbitraries.of(0L, 0L, 100_000L, 1_000_000L)).as(Arrival::new);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(TariffArbitraries.scenarios(Features.ALL), arrivals()).as(Case::new);
  }

  @Property(tries = 150)
  void completeCycleEqualsTheBatchBill(@ForAll("cases") Case c) {
    Scenario s = c.scenario();
    BillingState state = BillingState.initial();
    SplittableRandom rnd = new SplittableRandom(c.arrival().seed());
    for (BillingPeriod p : s.periods()) {
      RatingPlan plan = RatingPlan.compile(s.tariff(), p, s.length());
      IntervalSeries series = prepare(s.series(p), c.arrival(), rnd);
      RatedBill batch = Rater.create().rate(plan, series, state);
      // days before the bill (demand-response baselines) are history given at setup; the cycle's readings arrive live
      AccountSetup.Builder setup = AccountSetup.builder().billingState(state).generation(true);
      if (s.historyDays() > 0) {
        setup.demandResponseHistory(series.slice(IntervalGrid.between(series.grid().start(), p.startInstant(),
            s.length())));
      }
      LiveAccount a = open(plan, c.arrival(), setup.build());
      feed(a, series.slice(plan.grid()), c.arrival(), rnd);
      assertEqual(a.billToDate().ratedBill(), batch);
      a.close();
      assertEqual(a.billToDate().ratedBill(), batch);
      state = batch.nextState();
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // demand response

  @Provide
  Arbitrary<Case> demandResponseCases() {
    Features f = Features.ALL.withoutNetMetering().withVersionChange(false).withMaxBills(1);
    return Combinators.combine(TariffArbitraries.scenarios(f), arrivals(), Arbitraries.integers().between(1, 4),
        Arbitraries.longs(), Arbitraries.integers().between(0, 20_000)).as((s, arr, events, seed, rate) -> {
          SplittableRandom r = new SplittableRandom(seed);
          DemandResponseProgram.Builder dr = DemandResponseProgram.builder().id("dr").description("Peak saver")
              .incentiveRate(BigDecimal.valueOf(rate, 4));
          LocalDate start = s.periods().get(0).startInclusive();
          int days = s.periods().get(0).days();
          for (int e = 0; e < events; e++) {
            LocalDate d = start.plusDays(r.nextInt(days));
            int hour = 12 + r.nextInt(6);
            dr.addEvent(DemandResponseEvent.of("E" + e, d.atTime(hour, 0), d.atTime(hour + 1 + r.nextInt(3), 0)));
          }
          List<TariffVersion> versions = new ArrayList<>();
          for (TariffVersion v : s.tariff().versions()) {
            versions.add(TariffVersion.builder().from(v).addDemandResponseProgram(dedupe(dr.build())).build());
          }
          Tariff t = Tariff.builder().from(s.tariff()).versions(versions).build();
          return new Case(new Scenario(t, s.length(), s.firstStart(), 1, s.profile()), arr);
        });
  }

  /** Events on the same day as another are dropped (one event a day keeps the baseline's event days simple). */
  private static DemandResponseProgram dedupe(DemandResponseProgram p) {
    List<DemandResponseEvent> kept = new ArrayList<>();
    for (DemandResponseEvent e : p.events()) {
      if (kept.stream().noneMatch(k -> k.startInclusive().toLocalDate().equals(e.startInclusive().toLocalDate()))) {
        kept.add(e);
      }
    }
    return DemandResponseProgram.builder().from(p).events(kept).build();
  }

  /**
   * Demand-response credits: the batch rater reads the baseline from the part of its series before the period; the
   * live account gets the same history at setup and settles with the same code, once every reading has arrived.
   */
  @Property(tries = 40)
  void demandResponseCreditsEqualTheBatchWithHistoryGivenAtSetup(@ForAll("demandResponseCases") Case c) {
    Scenario s = c.scenario();
    BillingPeriod p = s.periods().get(0);
    IntervalLength len = s.length();
    Instant histStart = p.startInclusive().minusDays(50).atStartOfDay(s.zone()).toInstant();
    IntervalGrid all = IntervalGrid.between(histStart, p.endInstant(), len);
    IntervalGrid hist = IntervalGrid.between(histStart, p.startInstant(), len);
    IntervalSeries whole = IntervalSeries.builder("M-1", all).imports(s.profile().imports(all, s.zone()))
        .exports(s.profile().exports(all, s.zone())).build();
    RatingPlan plan = RatingPlan.compile(s.tariff(), p, len);
    RatedBill batch = Rater.create().rate(plan, whole);
    assertThat(batch.bill().lines()).anyMatch(l -> l.componentId().equals("dr"));
    LiveAccount a = open(plan, c.arrival(), AccountSetup.builder().demandResponseHistory(whole.slice(hist))
        .generation(true).build());
    feed(a, whole.slice(IntervalGrid.forPeriod(p, len)), c.arrival(), new SplittableRandom(c.arrival().seed()));
    assertEqual(a.billToDate().ratedBill(), batch);
  }

  // -----------------------------------------------------------------------------------------------------------------

  static LiveAccount open(RatingPlan plan, Arrival arr, AccountSetup setup) {
    LiveOptions o = LiveOptions.builder()
        .lateness(plan.intervalLength().duration().multipliedBy(arr.latenessIntervals())).build();
    return LiveRater.of(plan, o).open("M-1", setup);
  }

  /**
   * The scenario's series, its imports rounded down to a quantum (so that peaks tie and arrive in either order) and
   * some intervals estimated, substituted or edited with a method (so that the lines' estimate counts are compared).
   */
  static IntervalSeries prepare(IntervalSeries s, Arrival arr, SplittableRandom rnd) {
    if (arr.qualityPct() == 0 && arr.quantum() == 0) {
      return s;
    }
    long[] imp = s.importsCopy();
    if (arr.quantum() > 0) {
      for (int i = 0; i < imp.length; i++) {
        imp[i] -= imp[i] % arr.quantum();
      }
    }
    byte[] q = new byte[s.size()];
    byte[] m = new byte[s.size()];
    for (int i = 0; i < q.length; i++) {
      if (rnd.nextInt(100) < arr.qualityPct()) {
        q[i] = (byte) (1 + rnd.nextInt(3));
        m[i] = (byte) (1 + rnd.nextInt(EstimationMethod.values().length - 1));
      }
    }
    IntervalSeries.Builder b = IntervalSeries.builder(s.meterId(), s.grid()).imports(imp).quality(q).methods(m);
    s.exportsCopy().ifPresent(b::exports);
    return b.build();
  }

  private record Event(int index, long imp, long exp, ReadingQuality q, EstimationMethod m, int kind) {}

  /**
   * Feeds every interval of the series to the account: each reading arrives after all readings more than the
   * lateness window older than it; some are repeated later (same value: duplicate; a changed value: conflict); the
   * stream is cut into random batches; midway the bill-to-date and projections are asked for (they change nothing).
   */
  static void feed(LiveAccount a, IntervalSeries series, Arrival arr, SplittableRandom rnd) {
    int n = series.size();
    int lateness = arr.latenessIntervals();
    long[] key = new long[n];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      key[i] = (long) i + (lateness == 0 ? 0 : rnd.nextInt(lateness + 1));
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> key[i]).thenComparingInt(i -> i));
    // repeats go after their first reading: into the slot of a random later position
    List<List<Event>> after = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      after.add(new ArrayList<>());
    }
    for (int j = 0; j < n; j++) {
      int i = order.get(j);
      Event e = new Event(i, series.importAt(i), series.exportAt(i), series.quality(i), series.method(i), 0);
      if (rnd.nextInt(100) < arr.duplicatePct()) {
        after.get(j + rnd.nextInt(n - j)).add(new Event(i, e.imp(), e.exp(), e.q(), e.m(), 1));
      }
      if (rnd.nextInt(100) < arr.conflictPct()) {
        after.get(j + rnd.nextInt(n - j)).add(new Event(i, e.imp() + 1, e.exp(), e.q(), e.m(), 2));
      }
    }
    List<Event> events = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int i = order.get(j);
      events.add(new Event(i, series.importAt(i), series.exportAt(i), series.quality(i), series.method(i), 0));
      events.addAll(after.get(j));
    }
    IntervalGrid g = series.grid();
    int midway = events.size() / 2;
    int pos = 0;
    while (pos < events.size()) {
      int size = 1 + rnd.nextInt(arr.maxBatch());
      List<Event> batch = events.subList(pos, Math.min(events.size(), pos + size));
      if (pos <= midway && midway < pos + batch.size()) {
        int before = a.intervalsReceived();
        a.billToDate();
        a.project(ProjectionMethod.RUN_RATE);
        assertThat(a.intervalsReceived()).isEqualTo(before);
      }
      if (batch.size() == 1) {
        Event e = batch.get(0);
        IngestOutcome o = e.q() == ReadingQuality.ACTUAL && rnd.nextBoolean()
            ? a.ingest(g.intervalStart(e.index()), e.imp(), e.exp())
            : a.ingest(reading(g, e));
        check(e, o);
      } else {
        List<LiveReading> rs = new ArrayList<>();
        int dups = 0;
        int conflicts = 0;
        int firsts = 0;
        for (Event e : batch) {
          rs.add(reading(g, e));
          dups += e.kind() == 1 ? 1 : 0;
          conflicts += e.kind() == 2 ? 1 : 0;
          firsts += e.kind() == 0 ? 1 : 0;
        }
        IngestSummary sum = a.ingestAll(rs);
        assertThat(sum.accepted()).isEqualTo(firsts);
        assertThat(sum.duplicates() + sum.tooLate().size()).isEqualTo(dups + conflicts - sum.conflicts().size());
        assertThat(sum.conflicts().size()).isLessThanOrEqualTo(conflicts);
      }
      pos += batch.size();
    }
    assertThat(a.intervalsReceived()).isEqualTo(n);
  }

  private static LiveReading reading(IntervalGrid g, Event e) {
    return LiveReading.builder().intervalStart(g.intervalStart(e.index())).importMwh(e.imp()).exportMwh(e.exp())
        .quality(e.q()).method(e.m()).build();
  }

  private static void check(Event e, IngestOutcome o) {
    switch (e.kind()) {
      case 0:
        assertThat(o).as("first reading of %d", e.index()).isEqualTo(IngestOutcome.ACCEPTED);
        break;
      case 1:
        assertThat(o).as("repeat of %d", e.index()).isIn(IngestOutcome.DUPLICATE, IngestOutcome.TOO_LATE);
        break;
      default:
        assertThat(o).as("conflicting repeat of %d", e.index()).isIn(IngestOutcome.CONFLICT, IngestOutcome.TOO_LATE);
    }
  }

  static void assertEqual(RatedBill live, RatedBill batch) {
    Bill l = live.bill();
    Bill b = batch.bill();
    assertThat(l.lines()).as("lines").containsExactlyElementsOf(b.lines());
    for (int i = 0; i < b.lines().size(); i++) {
      assertThat(l.lines().get(i).intervals()).as("intervals behind line %d: %s", i, b.lines().get(i).description())
          .isEqualTo(b.lines().get(i).intervals());
    }
    assertThat(live).isEqualTo(batch);
  }
}
