package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One tariff version's part of a billing period, compiled: runs of intervals sharing a key of periods. */
final class SegmentPlan {
  final TariffSegment segment;
  final TariffVersion version;
  final ZoneId zone;
  /** Index of the segment's first interval in the bill grid, and its interval count. */
  final int offset;
  final int count;
  final int segDays;
  final int billDays;
  final BigDecimal escalation;
  final int[] runStart;
  final int[] runEnd;
  final int[] runKey;
  final int keyCount;
  final List<EnergyCharge> energy;
  final int[][] energyPeriodOfKey;
  /** Per energy charge: its time-series prices aligned to the segment, or null. */
  final @Nullable PriceTable[] energyPrices;
  final List<DemandCharge> demand;
  final int[][] demandPeriodOfKey;
  final @Nullable ExportRate exportRate;
  final int[] exportPeriodOfKey;
  final @Nullable PriceTable exportPrices;
  /** Per DR program, per event: [from, to) in the bill grid, or {-1,-1} when outside the segment. */
  final int[][][] drEvents;
  /** For SAME_HOURS kWh banks: the netting period at each bank transfer hour on a weekday of this segment. */
  final int[] bankHourPeriods;
  final IntervalGrid grid;
  /**
   * Tier tables resolved once at compile time, by tariff tiers (identity): energy tiers for the bill's days, demand
   * tiers unprorated. Tiers with kWh/kW bounds are absent (they are sized by each bill's demand). Never modified after
   * construction, so rating threads read them without locks.
   */
  private final IdentityHashMap<PeriodTiers, TierTable> energyTiers = new IdentityHashMap<>();
  private final IdentityHashMap<PeriodTiers, TierTable> demandTiers = new IdentityHashMap<>();

  private SegmentPlan(Builder b) {
    this.segment = b.segment;
    this.version = b.segment.version();
    this.zone = b.zone;
    this.offset = b.offset;
    this.count = b.count;
    this.segDays = b.segment.period().days();
    this.billDays = b.billDays;
    this.escalation = b.escalation;
    this.runStart = b.runStart;
    this.runEnd = b.runEnd;
    this.runKey = b.runKey;
    this.keyCount = b.keyCount;
    this.energy = version.energyCharges();
    this.energyPeriodOfKey = b.energyPeriodOfKey;
    this.energyPrices = b.energyPrices;
    this.demand = version.demandCharges();
    this.demandPeriodOfKey = b.demandPeriodOfKey;
    this.exportRate = b.exportRate;
    this.exportPeriodOfKey = b.exportPeriodOfKey;
    this.exportPrices = b.exportPrices;
    this.drEvents = b.drEvents;
    this.bankHourPeriods = b.bankHourPeriods;
    this.grid = b.grid;
    for (EnergyCharge ec : energy) {
      for (PeriodTiers pt : ec.periods()) {
        if (!TierTable.demandSized(pt)) {
          energyTiers.put(pt, TierTable.resolve(pt, segDays, billDays, BigDecimal.ZERO, escalation));
        }
      }
    }
    for (DemandCharge dc : demand) {
      for (PeriodTiers pt : dc.periods()) {
        demandTiers.put(pt, TierTable.resolve(pt, segDays, segDays, BigDecimal.ZERO, escalation));
      }
    }
  }

  /**
   * A period's energy tiers for this segment (bounds prorated by the segment's share of the bill's days).
   *
   * @param pt the tiers, one of this segment's energy charges' periods or not
   * @param demandKw the demand that sizes kWh/kW bounds (unused for tiers without them)
   */
  TierTable energyTiers(PeriodTiers pt, BigDecimal demandKw) {
    TierTable t = energyTiers.get(pt);
    return t != null ? t : TierTable.resolve(pt, segDays, billDays, demandKw, escalation);
  }

  /**
   * A period's demand tiers for this segment (kW bounds, not prorated).
   *
   * @param pt the tiers
   */
  TierTable demandTiers(PeriodTiers pt) {
    TierTable t = demandTiers.get(pt);
    return t != null ? t : TierTable.resolve(pt, segDays, segDays, BigDecimal.ZERO, escalation);
  }

  /** Whether days-based proration applies (the segment is shorter than the bill). */
  boolean prorated() {
    return segDays != billDays;
  }

  BillingPeriod period() {
    return segment.period();
  }

  private static final class Builder {
    TariffSegment segment;
    ZoneId zone;
    int offset;
    int count;
    int billDays;
    BigDecimal escalation = BigDecimal.ONE;
    int[] runStart = new int[0];
    int[] runEnd = new int[0];
    int[] runKey = new int[0];
    int keyCount;
    int[][] energyPeriodOfKey = new int[0][];
    @Nullable PriceTable[] energyPrices = new PriceTable[0];
    int[][] demandPeriodOfKey = new int[0][];
    @Nullable ExportRate exportRate;
    int[] exportPeriodOfKey = new int[0];
    @Nullable PriceTable exportPrices;
    int[][][] drEvents = new int[0][][];
    int[] bankHourPeriods = new int[0];
    IntervalGrid grid;

    Builder(TariffSegment segment, ZoneId zone, IntervalGrid grid) {
      this.segment = segment;
      this.zone = zone;
      this.grid = grid;
    }
  }

  static SegmentPlan compile(
      Tariff tariff, BillingPeriod billPeriod, TariffSegment seg, IntervalGrid billGrid, IntervalLength length) {
    TariffVersion v = seg.version();
    ZoneId zone = tariff.zone();
    IntervalGrid g = IntervalGrid.forPeriod(seg.period(), length);
    Builder b = new Builder(seg, zone, g);
    b.offset = billGrid.indexOf(g.start());
    if (g.count() == 0) {
      b.offset = 0;
    }
    b.count = g.count();
    b.billDays = billPeriod.days();
    b.escalation = v.conventions().escalation().map(e -> e.factorFor(seg.period().startInclusive().getYear()))
        .orElse(BigDecimal.ONE);
    validate(v);

    // distinct schedules, each charge pointing at one
    List<TouSchedule> schedules = new ArrayList<>();
    int[] energySched = new int[v.energyCharges().size()];
    for (int c = 0; c < energySched.length; c++) {
      energySched[c] = scheduleIndex(schedules, v.energyCharges().get(c).schedule());
    }
    int[] demandSched = new int[v.demandCharges().size()];
    for (int d = 0; d < demandSched.length; d++) {
      demandSched[d] = scheduleIndex(schedules, v.demandCharges().get(d).schedule());
    }
    ExportRate er = v.netMetering().flatMap(NetMeteringRule::exportRate).orElse(null);
    b.exportRate = er;
    int exportSched = er != null && er.kind() == ExportRateKind.PER_PERIOD ? scheduleIndex(schedules, er.schedule())
        : -1;

    int n = g.count();
    int nsched = schedules.size();
    int[][] periodAt = new int[nsched][n];
    LocalDate[] lastDate = new LocalDate[nsched];
    DayProfile[] lastProfile = new DayProfile[nsched];
    for (int i = 0; i < n; i++) {
      Instant t = g.intervalStart(i);
      LocalDateTime ldt = LocalDateTime.ofInstant(t, zone);
      for (int s = 0; s < nsched; s++) {
        LocalDate d = ldt.toLocalDate();
        if (!d.equals(lastDate[s])) {
          lastDate[s] = d;
          lastProfile[s] = schedules.get(s).profileOn(d);
        }
        periodAt[s][i] = lookup(schedules.get(s), lastProfile[s], ldt, length, t);
      }
    }

    // keys: distinct tuples of (schedule periods), runs of equal keys
    Map<String, Integer> keyIds = new HashMap<>();
    List<int[]> keyTuples = new ArrayList<>();
    int[] keyOf = new int[n];
    int[] tuple = new int[nsched];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < nsched; s++) {
        tuple[s] = periodAt[s][i];
      }
      String k = Arrays.toString(tuple);
      Integer id = keyIds.get(k);
      if (id == null) {
        id = keyTuples.size();
        keyIds.put(k, id);
        keyTuples.add(tuple.clone());
      }
      keyOf[i] = id;
    }
    int keys = Math.max(1, keyTuples.size());
    if (keyTuples.isEmpty()) {
      keyTuples.add(new int[nsched]);
    }
    b.keyCount = keys;
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < n) {
      int j = i + 1;
      while (j < n && keyOf[j] == keyOf[i]) {
        j++;
      }
      runs.add(new int[] {b.offset + i, b.offset + j, keyOf[i]});
      i = j;
    }
    b.runStart = new int[runs.size()];
    b.runEnd = new int[runs.size()];
    b.runKey = new int[runs.size()];
    for (int r = 0; r < runs.size(); r++) {
      b.runStart[r] = runs.get(r)[0];
      b.runEnd[r] = runs.get(r)[1];
      b.runKey[r] = runs.get(r)[2];
    }
    b.energyPeriodOfKey = new int[energySched.length][keys];
    for (int c = 0; c < energySched.length; c++) {
      for (int k = 0; k < keys; k++) {
        b.energyPeriodOfKey[c][k] = energySched[c] < 0 ? 0 : keyTuples.get(k)[energySched[c]];
      }
    }
    b.demandPeriodOfKey = new int[demandSched.length][keys];
    for (int d = 0; d < demandSched.length; d++) {
      for (int k = 0; k < keys; k++) {
        b.demandPeriodOfKey[d][k] = demandSched[d] < 0 ? 0 : keyTuples.get(k)[demandSched[d]];
      }
    }
    b.exportPeriodOfKey = new int[keys];
    for (int k = 0; k < keys; k++) {
      b.exportPeriodOfKey[k] = exportSched < 0 ? 0 : keyTuples.get(k)[exportSched];
    }

    // price series, aligned to the segment
    List<EnergyCharge> ec = v.energyCharges();
    b.energyPrices = new PriceTable[ec.size()];
    for (int c = 0; c < ec.size(); c++) {
      Optional<PriceSeries> ps = ec.get(c).priceSeries();
      if (ps.isPresent()) {
        b.energyPrices[c] = alignPrices(ps.get(), g, ec.get(c).id() + ".priceSeries");
      }
    }
    if (er != null && er.kind() == ExportRateKind.TIME_SERIES) {
      b.exportPrices = alignPrices(er.series().orElseThrow(), g, "netMetering.exportRate.series");
    }

    // demand-response events inside the segment
    List<DemandResponseProgram> programs = v.demandResponsePrograms();
    b.drEvents = new int[programs.size()][][];
    for (int p = 0; p < programs.size(); p++) {
      List<DemandResponseEvent> events = programs.get(p).events();
      b.drEvents[p] = new int[events.size()][];
      for (int e = 0; e < events.size(); e++) {
        DemandResponseEvent ev = events.get(e);
        Instant from = ev.startInclusive().atZone(zone).toInstant();
        Instant to = ev.endExclusive().atZone(zone).toInstant();
        int a = g.indexOf(from);
        if (a < 0 || !g.intervalStart(a).equals(from) || to.isAfter(g.end())) {
          b.drEvents[p][e] = new int[] {-1, -1};
          if (a >= 0 || (from.isBefore(g.end()) && to.isAfter(g.start()))) {
            if (!from.isBefore(g.start()) && !to.isAfter(g.end())) {
              throw new ValidationException(programs.get(p).id() + ".events[" + ev.id() + "]", ev.startInclusive(),
                  "must start on an interval boundary of the " + length.minutes() + "-minute grid");
            }
          }
          continue;
        }
        int len = (int) (java.time.Duration.between(from, to).toSeconds() / length.seconds());
        b.drEvents[p][e] = new int[] {b.offset + a, b.offset + a + len};
      }
    }

    // bank transfer hours (SAME_HOURS): netting period at each hour on this segment's first weekday
    List<Integer> hours = v.conventions().bankTransferHours();
    b.bankHourPeriods = new int[hours.size()];
    if (!ec.isEmpty() && ec.get(0).schedule().isPresent()) {
      TouSchedule s = ec.get(0).schedule().get();
      LocalDate d = seg.period().startInclusive();
      while (s.calendar().dayType(d) != DayType.WEEKDAY) {
        d = d.plusDays(1);
      }
      for (int h = 0; h < hours.size(); h++) {
        b.bankHourPeriods[h] = s.periodAt(d.atTime(hours.get(h), 0));
      }
    }
    return new SegmentPlan(b);
  }

  private static void validate(TariffVersion v) {
    Optional<NetMeteringRule> nm = v.netMetering();
    if (nm.isPresent() && nm.get().mode() == NetMeteringMode.NET_METERING) {
      Optional<TouSchedule> first = v.energyCharges().isEmpty() ? Optional.empty()
          : v.energyCharges().get(0).schedule();
      for (EnergyCharge e : v.energyCharges()) {
        if (!e.schedule().equals(first)) {
          throw new ValidationException(e.id() + ".schedule", e.schedule().map(TouSchedule::name).orElse("none"),
              "must be the same schedule as every other energy charge under NET_METERING (netting is per TOU period)");
        }
        if (e.counter() == TierCounter.ALL_PERIODS && e.allocation() == TierAllocation.CHRONOLOGICAL) {
          throw new ValidationException(e.id() + ".allocation", e.allocation(),
              "must be PROPORTIONAL under NET_METERING (monthly netting has no time order)");
        }
        if (e.priceSeries().isPresent()) {
          throw new ValidationException(e.id() + ".priceSeries", "present",
              "must be absent under NET_METERING (time-series prices need per-interval netting: use NET_BILLING)");
        }
      }
      if (nm.get().exportRate().map(x -> x.kind() == ExportRateKind.TIME_SERIES).orElse(false)) {
        throw new ValidationException("netMetering.exportRate", ExportRateKind.TIME_SERIES,
            "must not be a time series under NET_METERING (monthly netting has no time order)");
      }
    }
  }

  private static int scheduleIndex(List<TouSchedule> schedules, Optional<TouSchedule> s) {
    if (s.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < schedules.size(); i++) {
      if (schedules.get(i).equals(s.get())) {
        return i;
      }
    }
    schedules.add(s.get());
    return schedules.size() - 1;
  }

  private static int lookup(TouSchedule s, DayProfile p, LocalDateTime ldt, IntervalLength length, Instant t) {
    int slotMin = p.slotMinutes();
    int minute = ldt.getHour() * 60 + ldt.getMinute();
    int period = p.slots().get(minute / slotMin);
    int within = minute % slotMin;
    if (within + length.minutes() > slotMin) {
      // the interval covers more than one slot: all must agree (GridBill does not split intervals)
      for (int m = minute + slotMin - within; m < minute + length.minutes(); m += slotMin) {
        int q = m < 1440 ? p.slots().get(m / slotMin)
            : s.profileOn(ldt.toLocalDate().plusDays(1)).slots().get(0);
        if (q != period) {
          throw new ValidationException("interval", t,
              "must not straddle a change of TOU period in schedule \"" + s.name() + "\" (" + slotMin
                  + "-minute slots, " + length.minutes() + "-minute intervals): re-grid the meter data to "
                  + slotMin + " minutes or finer");
        }
      }
    }
    return period;
  }

  /** Nano-unit prices when every price has at most 9 decimals, else exact BigDecimals. */
  private static PriceTable alignPrices(PriceSeries ps, IntervalGrid g, String field) {
    int n = g.count();
    BigDecimal[] exact = new BigDecimal[n];
    boolean nanosOk = true;
    for (int i = 0; i < n; i++) {
      Instant t = g.intervalStart(i);
      int idx = ps.grid().indexOf(t);
      if (idx < 0) {
        throw new ValidationException(field, t, "must have a price for every interval of the billing period");
      }
      if (ps.intervalLength().minutes() > g.length().minutes()) {
        // coarser prices repeat over the finer meter intervals
      } else if (ps.intervalLength() != g.length()) {
        throw new ValidationException(field, ps.intervalLength(),
            "must not be finer than the meter interval (" + g.length().minutes() + " minutes)");
      }
      exact[i] = ps.prices().get(idx);
      nanosOk &= exact[i].stripTrailingZeros().scale() <= 9
          && exact[i].abs().compareTo(BigDecimal.valueOf(9_000_000_000L)) < 0;
    }
    if (!nanosOk) {
      return PriceTable.ofExact(exact);
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      nanos[i] = exact[i].movePointRight(9).longValueExact();
    }
    return PriceTable.ofNanos(nanos);
  }
}
