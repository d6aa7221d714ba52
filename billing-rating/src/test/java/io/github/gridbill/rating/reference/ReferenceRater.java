package io.github.gridbill.rating.reference;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.KwhBankTransfer;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.DemandRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The reference rater: RATING.md read literally, one interval at a time, in {@code BigDecimal}, with no compilation,
 * no runs and no caching. It is slow on purpose and meant to be read next to RATING.md; every block cites the sentence
 * it implements.
 *
 * <p>Scope: every construct the engine accepts. Fixed charges per bill and per day; energy charges flat, BLOCK and
 * VOLUME tiers with KWH, KWH_PER_DAY, KWH_PER_KW and KWH_PER_KW_PER_DAY bounds, mixed units and nested hours-use
 * blocks, PER_PERIOD and ALL_PERIODS counters (PROPORTIONAL and CHRONOLOGICAL with exact splits at bounds), TOU
 * schedules (seasons, weekday/weekend/holiday), price series; flat and TOU demand charges with kW tiers on the peak or
 * the billing demand; ratchets with BILLED_DEMAND, PEAK_DEMAND and SAM_BILLING_DEMAND references and demand periods;
 * net metering with a kWh bank (SAME_PERIOD and SAME_HOURS transfer, BANK_BALANCE and NET_SURPLUS_SINCE_TRUE_UP
 * true-up), a money bank, or no carry, the surplus valued at FLAT, PER_PERIOD or TIER_SELL_RATES export rates; net
 * billing and buy-all/sell-all with FLAT, PER_PERIOD, TIME_SERIES and TIER_SELL_RATES export rates (every tier
 * counter); true-up PAY, FORFEIT, ROLL_OVER and PAY_AND_ROLL_OVER; monthly and annual minimums; riders; taxes;
 * escalation; mid-period version changes. What {@code RatingPlan.compile} refuses under NET_METERING (energy charges
 * on different schedules, chronological tiers, price series, a TIME_SERIES export rate) the reference refuses too,
 * with an {@link IllegalArgumentException}. Demand response (every baseline family, adjustment and reduction basis) is
 * settled by {@link ReferenceDemandResponse} from a {@link Meter} that holds history before the bill; its lines come
 * after the riders of their segment.
 *
 * <p>Assumptions where RATING.md does not say:
 * <ul>
 *   <li>A1. The bill's month (ratchet percentages, true-up and annual settlement) is the month of its last day.
 *   <li>A2. "Peak = the largest over the bill": in a split bill, demand charges (flat and TOU) and kWh/kW bounds use
 *       the peak over the whole bill's intervals (of the charge's period, for TOU), then × f.
 *   <li>A3. Taxes, minimums and the money-bank offset are bill-level: they use the last segment's version (the monthly
 *       minimum sums every segment's prorated minimum) and the lines of every segment; the annual minimum's
 *       year-to-date adds every bill's B, whatever version it was rated with.
 *   <li>A4. "Escalated" covers every rate in money: tier rates, sell rates, price-series prices, demand rates, export
 *       rates, rider rates (not PERCENT), fixed amounts, minimums and the surplus rate.
 *   <li>A5. "Energy charges" that a money bank offsets is the sum of the exact amounts of the ENERGY lines, floored at
 *       zero; "applied = min(avail, energy charges)" is taken literally. A negative own credit (negative export
 *       prices) is charged on the bill as its own line and not banked, whether or not credits offset the same bill.
 *   <li>A6. A kWh-bank true-up pays the bank as it stands after this bill's netting (before a SAME_HOURS transfer
 *       drops the bank of a period that covers none of the transfer hours).
 *   <li>A7. With carry NONE, a net-metering surplus is credited per TOU period ("each export credit is its own line",
 *       "no netting across periods"), each line rounded once.
 *   <li>A8. A ratchet looks back over the bills of the previous lookbackMonths calendar months (an imported history may
 *       skip months); SAM_BILLING_DEMAND's window is lookbackMonths + 1 months when that window starts in an earlier
 *       calendar year than the bill's month.
 *   <li>A9. "The bill total" of an ALL_PERIODS charge counts every period of its schedule, priced by the charge or
 *       not (the chronological counter moves through an unpriced period's intervals without pricing them).
 *   <li>A10. A kWh bank's ROLL_OVER value is money: a kWh-carry account then holds a money bank that offsets energy
 *       charges on later bills like any money bank.
 * </ul>
 *
 * <p>Conventions taken from the engine's output where RATING.md is silent and nothing is priced differently: L1. a
 * line of a period with a single tier carries no tier number; L2. the billing demand is a {@code Power}, a whole
 * number of milliwatts, so {@code pct × reference} is rounded HALF_UP to 6 decimals of a kW; L3. credit lines belong to
 * component {@code "net-metering"}, a true-up payout to {@code "true-up"}.
 */
public final class ReferenceRater {

  /** The precision of the only inexact operation, division by the bill's day count. */
  static final MathContext MC = MathContext.DECIMAL128;

  /**
   * The component id of export credits, net-metering credits and money-bank offsets: RATING.md names none, this is
   * the engine's (L3).
   */
  public static final String CREDIT = "net-metering";

  /** The component id of a true-up payout (L3). */
  public static final String TRUE_UP = "true-up";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MWH_PER_KWH = BigDecimal.valueOf(1_000_000L);

  private ReferenceRater() {}

  /**
   * One bill line of the reference.
   *
   * @param componentId the tariff component, or {@link #CREDIT} or {@link #TRUE_UP}
   * @param kind the kind
   * @param touPeriod the TOU period's name for lines of a scheduled charge
   * @param tier the tier from 1, for tiered lines
   * @param exact the exact amount
   * @param rounded the amount rounded once
   * @param what a short explanation (quantity × rate)
   */
  public record Line(String componentId, LineKind kind, Optional<String> touPeriod, Optional<Integer> tier,
      BigDecimal exact, BigDecimal rounded, String what) {}

  /**
   * One past bill's demand.
   *
   * @param month the bill's month
   * @param peakKw the peak
   * @param ratchetPeakKw the peak the ratchet looks at: over its demand periods when it names any, else the peak
   * @param billedKw the billing demand (the peak without a ratchet)
   */
  public record DemandRec(YearMonth month, BigDecimal peakKw, BigDecimal ratchetPeakKw, BigDecimal billedKw) {}

  /**
   * What a bill hands to the next one.
   *
   * @param kwhBank the kWh bank: by TOU period, or by position in {@code bankTransferHours} when
   *     {@code kwhBankByHour}
   * @param kwhBankByHour whether the bank is keyed by transfer hour (SAME_HOURS) rather than by period
   * @param moneyBank the money bank, exact
   * @param nettingSurplus the netting year's net surplus in kWh (NET_SURPLUS_SINCE_TRUE_UP)
   * @param minimumYtd the annual minimum's year-to-date
   * @param history past demands, oldest first
   * @param billedBefore whether the account has had a bill before
   */
  public record State(Map<Integer, BigDecimal> kwhBank, boolean kwhBankByHour, BigDecimal moneyBank,
      BigDecimal nettingSurplus, BigDecimal minimumYtd, List<DemandRec> history, boolean billedBefore) {

    /**
     * A new account.
     *
     * @return the state
     */
    public static State initial() {
      return new State(Map.of(), false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), false);
    }

    /**
     * The same state as an engine {@link BillingState} (an importer's initial state, for example SAM's prior-year
     * peaks).
     *
     * @param s the engine's state
     * @return the reference's state
     */
    public static State from(BillingState s) {
      Map<Integer, BigDecimal> bank = new TreeMap<>();
      s.kwhBank().forEach((k, v) -> bank.put(k, v.toKilowattHours()));
      List<DemandRec> history = new ArrayList<>();
      for (DemandRecord d : s.demandHistory()) {
        history.add(new DemandRec(d.month(), d.peak().toKilowatts(), d.referencePeak().toKilowatts(),
            d.billedDemand().toKilowatts()));
      }
      return new State(Map.copyOf(bank), s.kwhBankByHour(), s.moneyBank(), s.nettingYearSurplus().toKilowattHours(),
          s.minimumYearToDate(), List.copyOf(history), s.lastPeriodEnd().isPresent());
    }

    /**
     * The kWh bank over all periods.
     *
     * @return the total kWh
     */
    public BigDecimal kwhBankTotal() {
      BigDecimal t = BigDecimal.ZERO;
      for (BigDecimal v : kwhBank.values()) {
        t = t.add(v);
      }
      return t;
    }
  }

  /**
   * A reference bill.
   *
   * @param lines the lines
   * @param total the sum of the rounded lines
   * @param next the state after the bill
   * @param peakKw the bill's peak demand
   * @param billingDemandKw the billing demand where the version has a ratchet
   */
  public record Result(List<Line> lines, BigDecimal total, State next, BigDecimal peakKw,
      Optional<BigDecimal> billingDemandKw) {

    /**
     * The sum of the rounded amounts of some lines.
     *
     * @param which the lines
     * @return the sum
     */
    public BigDecimal sum(Predicate<Line> which) {
      BigDecimal t = BigDecimal.ZERO;
      for (Line l : lines) {
        if (which.test(l)) {
          t = t.add(l.rounded());
        }
      }
      return t;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("reference bill, total " + total.toPlainString() + "\n");
      for (Line l : lines) {
        sb.append("  ").append(l.componentId()).append(' ').append(l.kind());
        l.touPeriod().ifPresent(p -> sb.append(" [").append(p).append(']'));
        l.tier().ifPresent(t -> sb.append(" tier ").append(t));
        sb.append(": ").append(l.what()).append(" = ").append(l.exact().stripTrailingZeros().toPlainString())
            .append(" -> ").append(l.rounded().toPlainString()).append('\n');
      }
      sb.append("  next: kWh bank ").append(next.kwhBank()).append(", money bank ")
          .append(next.moneyBank().stripTrailingZeros().toPlainString()).append(", minimum YTD ")
          .append(next.minimumYtd().stripTrailingZeros().toPlainString());
      return sb.toString();
    }
  }

  /**
   * A meter's imports on a grid that may start before the bill (history for demand-response baselines).
   *
   * @param start the first interval's start
   * @param length the interval length
   * @param importMwh the import of every interval, mWh
   */
  @SuppressWarnings("ArrayRecordComponent") // a test's read-only view of the readings it built; never mutated
  public record Meter(Instant start, IntervalLength length, long[] importMwh) {

    /**
     * The kWh of {@code n} consecutive intervals from a local time, when the meter holds them all.
     *
     * @param from the local start
     * @param n how many intervals
     * @param zone the tariff's zone
     * @return the kWh per interval, or empty
     */
    Optional<List<BigDecimal>> kwh(LocalDateTime from, int n, java.time.ZoneId zone) {
      long seconds = java.time.Duration.between(start, from.atZone(zone).toInstant()).toSeconds();
      if (seconds < 0 || seconds % length.seconds() != 0 || seconds / length.seconds() + n > importMwh.length) {
        return Optional.empty();
      }
      int i = (int) (seconds / length.seconds());
      List<BigDecimal> out = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        out.add(ReferenceRater.kwh(importMwh[i + j]));
      }
      return Optional.of(out);
    }
  }

  /**
   * Rates one bill.
   *
   * @param tariff the tariff
   * @param period the billing period, in the tariff's zone
   * @param length the interval length
   * @param importMwh the import of every interval of the period's grid, mWh
   * @param exportMwh the export of every interval of the period's grid, mWh
   * @param state the state after the previous bill
   * @return the bill
   */
  public static Result rate(Tariff tariff, BillingPeriod period, IntervalLength length, long[] importMwh,
      long[] exportMwh, State state) {
    return rate(tariff, period, length, importMwh, exportMwh, state,
        new Meter(period.startInstant(), length, importMwh));
  }

  /**
   * Rates one bill whose demand-response baselines may use history before the period.
   *
   * @param tariff the tariff
   * @param period the billing period, in the tariff's zone
   * @param length the interval length
   * @param importMwh the import of every interval of the period's grid, mWh
   * @param exportMwh the export of every interval of the period's grid, mWh
   * @param state the state after the previous bill
   * @param meter the meter's imports from some time before the period to its end
   * @return the bill
   */
  public static Result rate(Tariff tariff, BillingPeriod period, IntervalLength length, long[] importMwh,
      long[] exportMwh, State state, Meter meter) {
    return new Run(tariff, period, length, importMwh, exportMwh, state, meter).rate();
  }

  /** kWh, exactly, from mWh. */
  static BigDecimal kwh(long mwh) {
    return BigDecimal.valueOf(mwh).divide(MWH_PER_KWH);
  }

  /** The state of one bill's rating. */
  private static final class Run {
    final Tariff tariff;
    final BillingPeriod period;
    final int n;
    final BigDecimal[] a;
    final BigDecimal[] x;
    final Instant[] start;
    final LocalDateTime[] local;
    final BigDecimal perHour;
    final BigDecimal billDays;
    final YearMonth billMonth;
    final State state;
    final IntervalLength length;
    final Meter meter;
    final int scale;
    final List<Line> lines = new ArrayList<>();
    BigDecimal billPeak = BigDecimal.ZERO;
    /** The kWh bank by netting period after this bill's netting (KWH carry). */
    @Nullable Map<Integer, BigDecimal> bankAfterNetting;
    /** Σ imports − Σ exports of the bill (NET_METERING). */
    BigDecimal netKwh = BigDecimal.ZERO;

    Run(Tariff tariff, BillingPeriod period, IntervalLength length, long[] imp, long[] exp, State state,
        Meter meter) {
      this.tariff = tariff;
      this.length = length;
      this.meter = meter;
      this.period = period;
      this.state = state;
      IntervalGrid grid = IntervalGrid.forPeriod(period, length);
      n = grid.count();
      if (imp.length != n || exp.length != n) {
        throw new IllegalArgumentException("series must have " + n + " intervals");
      }
      a = new BigDecimal[n];
      x = new BigDecimal[n];
      start = new Instant[n];
      local = new LocalDateTime[n];
      for (int i = 0; i < n; i++) {
        a[i] = kwh(imp[i]);
        x[i] = kwh(exp[i]);
        start[i] = grid.intervalStart(i);
        // "Every interval is mapped to its TOU period by the local wall-clock time of its start in the tariff's zone"
        local[i] = LocalDateTime.ofInstant(start[i], tariff.zone());
      }
      perHour = BigDecimal.valueOf(length.perHour());
      billDays = BigDecimal.valueOf(period.days());
      billMonth = YearMonth.from(period.endExclusive().minusDays(1)); // A1
      scale = tariff.currency().getDecimalPlaces();
    }

    /** Every segment of the bill (built on demand; pricing state of these copies is not used). */
    List<Seg> segmentsOfBill() {
      List<Seg> out = new ArrayList<>();
      for (TariffSegment ts : tariff.segments(period)) {
        out.add(new Seg(ts, 0));
      }
      return out;
    }

    /** A segment of the bill: one version over some days. */
    final class Seg {
      final TariffVersion v;
      final int from;
      final int to;
      final BigDecimal days;
      final BigDecimal esc;
      final int firstLine;
      final Instant startInstant;
      final Instant endInstant;
      BigDecimal chargedKwh = BigDecimal.ZERO;
      BigDecimal ownCredit = BigDecimal.ZERO;
      Map<Integer, BigDecimal> nmCharged = new TreeMap<>();

      Seg(TariffSegment s, int firstLine) {
        this.v = s.version();
        Instant s0 = s.period().startInstant();
        Instant s1 = s.period().endInstant();
        this.startInstant = s0;
        this.endInstant = s1;
        int f0 = n;
        int f1 = n;
        for (int i = n - 1; i >= 0; i--) {
          if (!start[i].isBefore(s0)) {
            f0 = i;
          }
          if (!start[i].isBefore(s1)) {
            f1 = i;
          }
        }
        this.from = f0;
        this.to = f1;
        this.days = BigDecimal.valueOf(s.period().days());
        // "multiplied by annualFactor^(year − baseYear) for the segment's start year"
        this.esc = v.conventions().escalation().map(e -> e.factorFor(s.period().startInclusive().getYear()))
            .orElse(BigDecimal.ONE);
        this.firstLine = firstLine;
      }

      /** {@code value × f}, f = segment days / bill days. */
      BigDecimal prorate(BigDecimal value) {
        return value.multiply(days).divide(billDays, MC);
      }

      RoundingMode rm() {
        return v.roundingMode();
      }
    }

    Result rate() {
      // "Peak = the largest over the bill (flat)"; "Demand of an interval = a ÷ length"
      for (int i = 0; i < n; i++) {
        billPeak = billPeak.max(a[i].multiply(perHour));
      }
      List<TariffSegment> segments = tariff.segments(period);
      TariffVersion last = segments.get(segments.size() - 1).version();
      RoundingMode rm = last.roundingMode();
      List<Seg> segs = new ArrayList<>();
      for (TariffSegment s : segments) {
        Seg g = new Seg(s, lines.size());
        segs.add(g);
        refuseWhatTheEngineRefuses(g.v);
        fixed(g);
        netting(g);
        for (EnergyCharge e : g.v.energyCharges()) {
          energy(g, e);
        }
        exports(g);
        for (DemandCharge d : g.v.demandCharges()) {
          demand(g, d);
        }
        riders(g);
        demandResponse(g);
      }
      Optional<NetMeteringRule> nm = last.netMetering();
      BigDecimal esc = segs.get(segs.size() - 1).esc;
      boolean netMetering = nm.map(r -> r.mode() == NetMeteringMode.NET_METERING).orElse(false);
      boolean trueUpBill = nm.flatMap(NetMeteringRule::trueUpMonth).map(m -> m == billMonth.getMonth())
          .orElse(false);

      // The netting year's net surplus (TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP): "the running sum of each bill's total
      // net export since the last true-up, floored at zero after each bill ... when the true-up month is not December,
      // January of every year after the first takes December's figure without adding January's own net" (a year
      // after the first: the account has been billed before).
      BigDecimal surplus = state.nettingSurplus();
      if (netMetering) {
        surplus = surplus.subtract(netKwh).max(BigDecimal.ZERO);
        boolean samJanuary = last.conventions().trueUpBasis() == TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP
            && billMonth.getMonth() == Month.JANUARY && state.billedBefore()
            && nm.get().trueUpMonth().map(m -> m != Month.DECEMBER).orElse(false);
        if (samJanuary) {
          surplus = state.nettingSurplus();
        }
      }

      // The kWh bank after this bill's netting; "a kWh bank is worth kWh × surplusRate (kWh = the bank, or the
      // netting year's net surplus with TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP)"
      boolean kwhCarry = nm.map(r -> r.carry() == CreditCarry.KWH).orElse(false);
      Map<Integer, BigDecimal> bank = kwhCarry ? new TreeMap<>(Objects.requireNonNull(bankAfterNetting))
          : new TreeMap<>();
      BigDecimal trueUpKwh = last.conventions().trueUpBasis() == TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP ? surplus
          : total(bank);
      BigDecimal trueUpValue = nm.flatMap(NetMeteringRule::surplusRate).map(r -> trueUpKwh.multiply(r.multiply(esc)))
          .orElse(BigDecimal.ZERO);
      TrueUpSettlement settlement = nm.map(NetMeteringRule::trueUpSettlement).orElse(TrueUpSettlement.PAY);
      // "ROLL_OVER turns it into money credit applied before the minimum (rest carried)"
      BigDecimal rolledOver = kwhCarry && trueUpBill && settlement == TrueUpSettlement.ROLL_OVER ? trueUpValue
          : BigDecimal.ZERO;

      // Money bank: "credits offset energy charges only: avail = carried + own (if creditsOffsetSameBill), applied
      // min(avail, energy charges), the rest (plus own credits when they do not offset the same bill) is carried."
      // A kWh bank's roll-over is money credit too, so a kWh-carry account may hold money.
      BigDecimal moneyBank = state.moneyBank();
      boolean moneyCarry = nm.map(r -> r.carry() == CreditCarry.MONEY).orElse(false);
      if (nm.isPresent() && (moneyCarry || rolledOver.signum() != 0 || moneyBank.signum() != 0)) {
        BigDecimal own = BigDecimal.ZERO;
        if (moneyCarry) {
          for (Seg g : segs) {
            own = own.add(g.ownCredit);
          }
        }
        // "Exports priced below zero (negative time-series prices) cost money: with a money bank their net is
        // charged on the bill and nothing is banked."
        if (own.signum() < 0) {
          add(CREDIT, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), own.negate(), rm,
              "exports at negative prices " + own.toPlainString());
          own = BigDecimal.ZERO;
        }
        BigDecimal energyCharges = BigDecimal.ZERO;
        for (Line l : lines) {
          if (l.kind() == LineKind.ENERGY) {
            energyCharges = energyCharges.add(l.exact()); // A5
          }
        }
        boolean same = nm.get().creditsOffsetSameBill();
        BigDecimal avail = moneyBank.add(rolledOver).add(same ? own : BigDecimal.ZERO);
        // literally min(avail, energy charges); energy charges below zero offset nothing
        BigDecimal applied = avail.min(energyCharges.max(BigDecimal.ZERO));
        moneyBank = avail.subtract(applied).add(same ? BigDecimal.ZERO : own);
        if (applied.signum() != 0) {
          add(CREDIT, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), applied.negate(), rm,
              "money credit applied " + applied.toPlainString());
          // "a full offset is shown as the energy lines' rounded sum, so they net to exactly zero on the bill"
          if (applied.compareTo(energyCharges) == 0) {
            BigDecimal shown = BigDecimal.ZERO;
            for (Line l : lines) {
              if (l.kind() == LineKind.ENERGY) {
                shown = shown.add(l.rounded());
              }
            }
            Line credit = lines.remove(lines.size() - 1);
            lines.add(new Line(credit.componentId(), credit.kind(), credit.touPeriod(), credit.tier(), credit.exact(),
                shown.negate(), credit.what() + " (full offset, shown as the energy lines' rounded sum)"));
          }
        }
      }

      // 1. "Bill before minimum B = max(0, Σ exact amounts so far) (BUY_ALL_SELL_ALL export credits excluded)."
      boolean bass = nm.map(r -> r.mode() == NetMeteringMode.BUY_ALL_SELL_ALL).orElse(false);
      BigDecimal before = BigDecimal.ZERO;
      for (Line l : lines) {
        if (!(bass && l.kind() == LineKind.EXPORT_CREDIT)) {
          before = before.add(l.exact());
        }
      }
      BigDecimal b = before.max(BigDecimal.ZERO);

      // 2. "Monthly minimum M (prorated, escalated): a line M − B when B < M."
      BigDecimal monthly = null;
      String minimumId = null;
      for (Seg g : segs) {
        Optional<MinimumCharge> mc = g.v.minimumCharge();
        if (mc.isPresent() && mc.get().monthly().isPresent()) {
          BigDecimal m = g.prorate(mc.get().monthly().get().multiply(g.esc));
          monthly = monthly == null ? m : monthly.add(m);
          minimumId = mc.get().id();
        }
      }
      if (monthly != null && b.compareTo(monthly) < 0) {
        add(Objects.requireNonNull(minimumId), LineKind.MINIMUM, Optional.empty(), Optional.empty(),
            monthly.subtract(b), rm, "monthly minimum " + monthly.toPlainString() + " - " + b.toPlainString());
      }

      // 3. "Annual minimum: B is added to the year-to-date; on the bill of annualSettlementMonth a line
      //    annual − year-to-date when positive, then the year-to-date resets."
      BigDecimal ytd = state.minimumYtd().add(b);
      Optional<MinimumCharge> lastMin = last.minimumCharge();
      if (lastMin.isPresent() && lastMin.get().annual().isPresent()
          && billMonth.getMonth() == lastMin.get().annualSettlementMonth()) {
        BigDecimal shortfall = lastMin.get().annual().get().multiply(esc).subtract(ytd);
        if (shortfall.signum() > 0) {
          add(lastMin.get().id(), LineKind.MINIMUM, Optional.empty(), Optional.empty(), shortfall, rm,
              "annual minimum shortfall");
        }
      }
      if (billMonth.getMonth() == lastMin.map(MinimumCharge::annualSettlementMonth).orElse(Month.DECEMBER)) {
        ytd = BigDecimal.ZERO; // "(December without a minimum) ... then the year-to-date resets"
      }

      // 4. True-up on the bill of trueUpMonth: "PAY adds a credit line, FORFEIT drops it, ROLL_OVER turns it into
      //    money credit applied before the minimum (rest carried), PAY_AND_ROLL_OVER pays and keeps. A money bank is
      //    paid, forfeited or kept likewise. Banks reset after PAY and FORFEIT."
      if (trueUpBill) {
        NetMeteringRule r = nm.get();
        boolean pay = settlement == TrueUpSettlement.PAY || settlement == TrueUpSettlement.PAY_AND_ROLL_OVER;
        if (r.carry() == CreditCarry.KWH) {
          if (pay && trueUpValue.signum() != 0) {
            add(TRUE_UP, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), trueUpValue.negate(), rm,
                "true-up " + trueUpKwh.toPlainString() + " kWh x " + r.surplusRate().orElseThrow().multiply(esc));
          }
          if (settlement != TrueUpSettlement.PAY_AND_ROLL_OVER) {
            // paid, forfeited, or rolled over into money: the bank and the netting year start again
            bank.clear();
            surplus = BigDecimal.ZERO;
          }
        } else if (r.carry() == CreditCarry.MONEY) {
          if (pay && moneyBank.signum() != 0) {
            add(TRUE_UP, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), moneyBank.negate(), rm,
                "true-up of the money bank");
          }
          if (settlement == TrueUpSettlement.PAY || settlement == TrueUpSettlement.FORFEIT) {
            moneyBank = BigDecimal.ZERO;
          }
          surplus = BigDecimal.ZERO;
        }
      }

      // 5. "Taxes: each TaxRule on the rounded amounts of the named components' lines (or all non-tax lines):
      //    ON_SUBTOTAL rounds once, PER_LINE rounds each line's tax."
      List<Line> taxable = List.copyOf(lines);
      for (TaxRule t : last.taxes()) {
        BigDecimal pct = t.percent().divide(HUNDRED);
        BigDecimal subtotal = BigDecimal.ZERO;
        for (Line l : taxable) {
          boolean named = t.appliesTo().isEmpty() ? l.kind() != LineKind.TAX : t.appliesTo().contains(l.componentId());
          if (!named) {
            continue;
          }
          if (t.calculation() == TaxCalculation.PER_LINE) {
            add(t.id(), LineKind.TAX, Optional.empty(), Optional.empty(), l.rounded().multiply(pct), rm,
                t.percent().toPlainString() + "% of " + l.rounded().toPlainString());
          } else {
            subtotal = subtotal.add(l.rounded());
          }
        }
        if (t.calculation() == TaxCalculation.ON_SUBTOTAL) {
          add(t.id(), LineKind.TAX, Optional.empty(), Optional.empty(), subtotal.multiply(pct), rm,
              t.percent().toPlainString() + "% of " + subtotal.toPlainString());
        }
      }

      BigDecimal total = BigDecimal.ZERO;
      for (Line l : lines) {
        total = total.add(l.rounded());
      }
      Optional<BigDecimal> bd = last.ratchet().map(this::billingDemand);
      BigDecimal ratchetPeak = last.ratchet().map(this::ratchetPeak).orElse(billPeak);
      List<DemandRec> history = new ArrayList<>(state.history());
      history.add(new DemandRec(billMonth, billPeak, ratchetPeak, bd.orElse(billPeak)));
      while (history.size() > 36) {
        history.remove(0);
      }
      bank.values().removeIf(v -> v.signum() == 0);
      // "KwhBankTransfer moves it between bills": SAME_HOURS hands it on by transfer hour
      boolean byHour = last.conventions().kwhBankTransfer() == KwhBankTransfer.SAME_HOURS;
      Map<Integer, BigDecimal> handedOn = byHour ? bankByHour(last, bank) : bank;
      State next = new State(Map.copyOf(handedOn), byHour, moneyBank, surplus, ytd, List.copyOf(history), true);
      return new Result(List.copyOf(lines), total, next, billPeak, bd);
    }

    void add(String id, LineKind kind, Optional<String> tou, Optional<Integer> tier, BigDecimal exact,
        RoundingMode rm, String what) {
      // "Each line's exact amount (BigDecimal) is rounded once to the currency's minor unit"
      lines.add(new Line(id, kind, tou, tier, exact, exact.setScale(scale, rm), what));
    }

    static BigDecimal total(Map<Integer, BigDecimal> m) {
      BigDecimal t = BigDecimal.ZERO;
      for (BigDecimal v : m.values()) {
        t = t.add(v);
      }
      return t;
    }

    /**
     * Constructs RatingPlan.compile refuses (so an engine bill never has them): under NET_METERING, energy charges on
     * different schedules, chronological tiers, price series and a TIME_SERIES export rate (monthly netting has no
     * time order and one netting schedule). The reference refuses them too rather than guess.
     */
    static void refuseWhatTheEngineRefuses(TariffVersion v) {
      Optional<NetMeteringRule> nm = v.netMetering();
      if (nm.isEmpty() || nm.get().mode() != NetMeteringMode.NET_METERING) {
        return;
      }
      for (EnergyCharge e : v.energyCharges()) {
        if (!e.schedule().equals(v.energyCharges().get(0).schedule())) {
          throw new IllegalArgumentException("refused: net metering with energy charges on different schedules");
        }
        if (e.counter() == TierCounter.ALL_PERIODS && e.allocation() == TierAllocation.CHRONOLOGICAL) {
          throw new IllegalArgumentException("refused: chronological tiers under net metering");
        }
        if (e.priceSeries().isPresent()) {
          throw new IllegalArgumentException("refused: a price series under net metering");
        }
      }
      if (nm.get().exportRate().map(r -> r.kind() == ExportRateKind.TIME_SERIES).orElse(false)) {
        throw new IllegalArgumentException("refused: a TIME_SERIES export rate under net metering");
      }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Demand

    /**
     * The peak the ratchet looks at this bill: "the demand-schedule periods whose peaks count toward the ratchet's
     * peak; empty means all periods" (Ratchet), the periods being those of the demand charge it names, else of the
     * version's first demand charge with a schedule; over the bill's intervals (each segment with its own version's
     * schedule). Without such a charge, the bill's peak.
     */
    BigDecimal ratchetPeak(Ratchet r) {
      if (r.demandPeriods().isEmpty()) {
        return billPeak;
      }
      boolean found = false;
      BigDecimal peak = BigDecimal.ZERO;
      for (Seg h : segmentsOfBill()) {
        Optional<DemandCharge> dc = ratchetCharge(h.v, r);
        if (dc.isEmpty()) {
          continue;
        }
        found = true;
        Optional<TouSchedule> sch = dc.get().schedule();
        for (int i = h.from; i < h.to; i++) {
          // "a flat demand charge has one period, 0, over the whole bill" (DemandCharge)
          int p = sch.isPresent() ? sch.get().periodAt(local[i]) : 0;
          if (r.demandPeriods().contains(p)) {
            peak = peak.max(a[i].multiply(perHour));
          }
        }
      }
      return found ? peak : billPeak;
    }

    /** The demand charge whose periods the ratchet's demand periods are: the one it names, else the first TOU one. */
    static Optional<DemandCharge> ratchetCharge(TariffVersion v, Ratchet r) {
      for (DemandCharge d : v.demandCharges()) {
        if (r.demandCharge().isPresent() ? r.demandCharge().get().equals(d.id()) : d.schedule().isPresent()) {
          return Optional.of(d);
        }
      }
      return Optional.empty();
    }

    /**
     * "Billing demand (ratchet, Ratchet): max(minimumKw, pct[billMonth] × max(reference over the previous
     * lookbackMonths bills), current peak if includeCurrentPeakByMonth[billMonth]); reference = billed demands
     * (BILLED_DEMAND) or peaks (PEAK_DEMAND). SAM_BILLING_DEMAND: each looked-back month at its own percentage, the
     * current month at its percentage too and at 100% when flagged, peaks of demandPeriods only (of the first TOU
     * demand charge) when the set is non-empty; the window is one month longer when it reaches into the previous
     * calendar year." The looked-back bills are those of the previous lookbackMonths calendar months (history may
     * have gaps, e.g. an importer's prior-year peaks).
     */
    BigDecimal billingDemand(Ratchet r) {
      int m = billMonth.getMonthValue() - 1;
      BigDecimal current = ratchetPeak(r);
      BigDecimal bd = r.minimumKw();
      if (r.reference() == RatchetReference.SAM_BILLING_DEMAND) {
        // the window of lookbackMonths + 1 months reaches into the previous year when it starts before January
        int window = billMonth.minusMonths(r.lookbackMonths() + 1L).getYear() < billMonth.getYear()
            ? r.lookbackMonths() + 1 : r.lookbackMonths();
        for (DemandRec d : state.history()) {
          if (inWindow(d.month(), window)) {
            BigDecimal own = r.percentByMonth().get(d.month().getMonthValue() - 1);
            bd = bd.max(own.multiply(d.ratchetPeakKw()).divide(HUNDRED));
          }
        }
        bd = bd.max(r.percentByMonth().get(m).multiply(current).divide(HUNDRED));
      } else {
        BigDecimal ref = BigDecimal.ZERO;
        for (DemandRec d : state.history()) {
          if (inWindow(d.month(), r.lookbackMonths())) {
            ref = ref.max(r.reference() == RatchetReference.BILLED_DEMAND ? d.billedKw() : d.ratchetPeakKw());
          }
        }
        bd = bd.max(r.percentByMonth().get(m).multiply(ref).divide(HUNDRED));
      }
      if (r.includeCurrentPeakByMonth().get(m)) {
        bd = bd.max(current);
      }
      return bd.setScale(6, RoundingMode.HALF_UP); // L2: a demand is a whole number of milliwatts (kW, 6 decimals)
    }

    /** Whether a month is one of the {@code months} calendar months before the bill's. */
    boolean inWindow(YearMonth month, int months) {
      return month.isBefore(billMonth) && !month.isBefore(billMonth.minusMonths(months));
    }

    /**
     * The demand a BILLING_DEMAND determinant uses in any segment: "the billing demand", or the peak when the bill has
     * none. "One demand reading per bill": a bill has one billing demand, by the ratchet of its last segment's version
     * (its percentages of the bill's month), and every segment uses it, one whose own version has no ratchet too.
     */
    BigDecimal billingDemandOrPeak() {
      return billsBillingDemand().orElse(billPeak);
    }

    /** The bill's one billing demand, by its last segment's version's ratchet; empty when that has none. */
    Optional<BigDecimal> billsBillingDemand() {
      List<TariffSegment> s = tariff.segments(period);
      return s.get(s.size() - 1).version().ratchet().map(this::billingDemand);
    }

    /**
     * "Per period (or flat), PeriodTiers in kW, BLOCK or VOLUME, on the peak or — for BILLING_DEMAND charges — the
     * billing demand (for TOU charges: in the ratchet's demand periods, or all when it names none). Prorated by f in a
     * split bill." A TOU period in which no interval of the bill falls has no peak and bills nothing.
     */
    void demand(Seg g, DemandCharge d) {
      Optional<TouSchedule> sch = d.schedule();
      for (PeriodTiers pt : d.periods()) {
        int p = pt.period();
        BigDecimal det;
        if (sch.isEmpty()) {
          det = d.basis() == DemandBasis.BILLING_DEMAND ? billingDemandOrPeak() : billPeak;
        } else {
          // "over the bill's intervals in one period of the charge's schedule (TOU; in a split bill each segment maps
          // its own intervals with its own version's schedule)"
          det = null;
          for (Seg h : segmentsOfBill()) {
            Optional<TouSchedule> hs = h.v.demandCharges().stream().filter(c -> c.id().equals(d.id())).findFirst()
                .flatMap(DemandCharge::schedule);
            if (hs.isEmpty()) {
              continue;
            }
            for (int i = h.from; i < h.to; i++) {
              if (hs.get().periodAt(local[i]) == p) {
                det = (det == null ? BigDecimal.ZERO : det).max(a[i].multiply(perHour));
              }
            }
          }
          if (det == null) {
            continue; // the period does not occur in the bill
          }
          // "for TOU charges: in the ratchet's demand periods, or all when it names none; other periods on their own
          // peak. The demand periods are periods of the charge the ratchet names (Ratchet.demandCharge), and of every
          // TOU charge when it names none; another charge bills the billing demand in all its periods."
          // (the demand periods are those of the segment's own version's ratchet; without one, all periods). Without
          // a billing demand on the bill, a TOU charge bills its period's peak, as on the PEAK basis.
          Optional<BigDecimal> bd = billsBillingDemand();
          if (d.basis() == DemandBasis.BILLING_DEMAND && bd.isPresent()) {
            Optional<Ratchet> r = g.v.ratchet();
            boolean periodsOfThisCharge = r.flatMap(Ratchet::demandCharge).map(id -> id.equals(d.id())).orElse(true);
            if (r.isEmpty() || r.get().demandPeriods().isEmpty() || !periodsOfThisCharge
                || r.get().demandPeriods().contains(p)) {
              det = bd.get();
            }
          }
        }
        Optional<String> tou = sch.map(s -> s.periodNames().get(p));
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < pt.tiers().size(); k++) {
          steps.add(new Step(pt.tiers().get(k).upTo().orElse(null), k));
        }
        BigDecimal[] q = d.mode() == TierMode.BLOCK ? block(det, steps) : volume(det, steps);
        for (int k = 0; k < q.length; k++) {
          if (q[k].signum() != 0) {
            BigDecimal rate = pt.tiers().get(k).rate().multiply(g.esc);
            add(d.id(), LineKind.DEMAND, tou, tierLabel(steps, k), g.prorate(q[k].multiply(rate)), g.rm(),
                q[k].toPlainString() + " kW x " + rate.toPlainString() + " x f");
          }
        }
      }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tiers

    /**
     * One priced step of a period's tiers in a segment: the usage up to {@code upper} (cumulative, null when
     * unbounded) is priced at tier {@code tier} (its index in the period's list).
     */
    record Step(@Nullable BigDecimal upper, int tier) {}

    /**
     * BLOCK: each step's rate applies to the usage inside it; "Usage beyond the last bound is priced at the last
     * tier". A step whose bound is not above the ones before it holds nothing. Returns the quantity by tier index.
     */
    static BigDecimal[] block(BigDecimal usage, List<Step> steps) {
      BigDecimal[] q = zeros(tierCount(steps));
      BigDecimal lower = BigDecimal.ZERO;
      for (int k = 0; k < steps.size(); k++) {
        Step s = steps.get(k);
        boolean lastStep = k == steps.size() - 1;
        BigDecimal top = lastStep || s.upper() == null ? usage : usage.min(s.upper());
        q[s.tier()] = q[s.tier()].add(top.subtract(lower).max(BigDecimal.ZERO));
        if (!lastStep && s.upper() != null) {
          lower = lower.max(s.upper());
        }
      }
      return q;
    }

    /** VOLUME: "every kWh at the rate of the tier reached (usage equal to a bound stays in the lower tier)". */
    static BigDecimal[] volume(BigDecimal usage, List<Step> steps) {
      BigDecimal[] q = zeros(tierCount(steps));
      q[steps.get(volumeStep(usage, steps)).tier()] = usage;
      return q;
    }

    static int tierCount(List<Step> steps) {
      int max = 0;
      for (Step s : steps) {
        max = Math.max(max, s.tier() + 1);
      }
      return max;
    }

    /** The step a usage reaches: the first whose bound it does not exceed, else the last. */
    static int volumeStep(BigDecimal usage, List<Step> steps) {
      for (int k = 0; k < steps.size() - 1; k++) {
        BigDecimal u = steps.get(k).upper();
        if (u != null && usage.compareTo(u) <= 0) {
          return k;
        }
      }
      return steps.size() - 1;
    }

    /** The step a counter is in: the first whose bound it has not reached, else the last. */
    static int counterStep(BigDecimal counter, List<Step> steps) {
      for (int k = 0; k < steps.size() - 1; k++) {
        BigDecimal u = steps.get(k).upper();
        if (u != null && counter.compareTo(u) < 0) {
          return k;
        }
      }
      return steps.size() - 1;
    }

    /**
     * Fills a counter with {@code kwh} in time order: "an interval crossing a bound is split exactly at the bound".
     * Adds each part to {@code q} by tier and returns the counter after.
     */
    static BigDecimal fill(BigDecimal counter, BigDecimal kwh, List<Step> steps, BigDecimal[] q) {
      BigDecimal left = kwh;
      BigDecimal c = counter;
      while (left.signum() > 0) {
        int k = counterStep(c, steps);
        BigDecimal u = steps.get(k).upper();
        BigDecimal room = k == steps.size() - 1 || u == null ? left : u.subtract(c);
        BigDecimal take = left.min(room);
        q[steps.get(k).tier()] = q[steps.get(k).tier()].add(take);
        c = c.add(take);
        left = left.subtract(take);
      }
      return c;
    }

    /** A per-kW tier unit: its bound is hours of use of the demand. */
    static boolean perKw(Tier t) {
      return t.unit() == TierUnit.KWH_PER_KW || t.unit() == TierUnit.KWH_PER_KW_PER_DAY;
    }

    /**
     * The steps of a period's energy tiers in this segment. "Tiers: bounds are cumulative per bill and scale by unit:
     * KWH × f, KWH_PER_DAY × segment days, KWH_PER_KW × demand × f, KWH_PER_KW_PER_DAY × demand × days. ... When a
     * period's tiers start with a kWh/kW tier and mix units, they are nested hours-use blocks: each kWh/kW tier opens a
     * block of (bound × demand) kWh, the kWh tiers after it split the block, and a kWh/kW tier followed by kWh tiers
     * only opens the block (its own rate is unused)." A kWh tier splits the block at its own (cumulative) bound when
     * that lies inside the block, else closes the block at its end; a kWh tier after the block is already closed is
     * unused. Units mix only when a kWh tier has a bound: an unbounded last tier's unit does not count.
     */
    List<Step> steps(Seg g, PeriodTiers pt) {
      BigDecimal demand = g.v.conventions().perKwTierDemand() == DemandBasis.BILLING_DEMAND
          ? billingDemandOrPeak() : billPeak;
      List<Tier> tiers = pt.tiers();
      List<Step> out = new ArrayList<>();
      // "mix units": an unbounded tier has no bound, so its unit mixes nothing ([200 kWh/kW, unbounded] is two plain
      // tiers, as Tier.unbounded's default unit is KWH)
      boolean nested = perKw(tiers.get(0)) && tiers.stream().anyMatch(t -> !perKw(t) && t.upTo().isPresent());
      if (!nested) {
        for (int k = 0; k < tiers.size(); k++) {
          out.add(new Step(scaled(g, tiers.get(k), demand), k));
        }
        return out;
      }
      BigDecimal blockEnd = null; // null: unbounded
      for (int k = 0; k < tiers.size(); k++) {
        Tier t = tiers.get(k);
        if (perKw(t)) {
          blockEnd = scaled(g, t, demand);
          boolean opensOnly = k + 1 < tiers.size() && !perKw(tiers.get(k + 1));
          if (!opensOnly) {
            out.add(new Step(blockEnd, k));
          }
          continue;
        }
        BigDecimal bound = scaled(g, t, demand);
        if (bound != null && (blockEnd == null || bound.compareTo(blockEnd) < 0)) {
          out.add(new Step(bound, k)); // splits the block
        } else {
          BigDecimal reached = out.isEmpty() ? BigDecimal.ZERO : out.get(out.size() - 1).upper();
          boolean closed = reached == null || (blockEnd != null && reached.compareTo(blockEnd) >= 0);
          if (!closed || out.isEmpty()) {
            out.add(new Step(blockEnd, k)); // closes the block
          }
        }
      }
      return out;
    }

    /** A tier's bound in kWh for this segment, or null when unbounded. */
    static @Nullable BigDecimal scaled(Seg g, Tier t, BigDecimal demand) {
      if (t.upTo().isEmpty()) {
        return null;
      }
      BigDecimal b = t.upTo().get();
      switch (t.unit()) {
        case KWH:
          return g.prorate(b);
        case KWH_PER_DAY:
          return b.multiply(g.days);
        case KWH_PER_KW:
          return g.prorate(b.multiply(demand));
        case KWH_PER_KW_PER_DAY:
          return b.multiply(demand).multiply(g.days);
        default:
          throw new IllegalStateException("energy tier in " + t.unit());
      }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Energy

    /** The period of interval i in a schedule, or 0 without one. */
    int periodOf(Optional<TouSchedule> s, int i) {
      return s.isEmpty() ? 0 : s.get().periodAt(local[i]);
    }

    /**
     * The tier label of a line: the tariff's tier number from 1, and none when the period's tiers resolve to a single
     * step in this segment (a labelling choice, L1).
     */
    static Optional<Integer> tierLabel(List<Step> steps, int k) {
      return steps.size() > 1 ? Optional.of(k + 1) : Optional.empty();
    }

    /** The TOU period's name, for lines of a scheduled charge. */
    static Optional<String> name(Optional<TouSchedule> s, int p) {
      return s.map(x -> x.periodNames().get(p));
    }

    /**
     * "What an energy charge prices (charged kWh): no net-metering rule: imports; NET_BILLING: net imports per
     * interval; BUY_ALL_SELL_ALL: imports (all load)". (NET_METERING nets per period: see {@link #netting}.)
     */
    BigDecimal charged(TariffVersion v, int i) {
      Optional<NetMeteringRule> nm = v.netMetering();
      if (nm.isPresent() && nm.get().mode() == NetMeteringMode.NET_BILLING) {
        return a[i].subtract(x[i]).max(BigDecimal.ZERO);
      }
      return a[i];
    }

    /** The export that earns the export rate: "net exports (NB) or all exports (BASS)". */
    BigDecimal exported(TariffVersion v, int i) {
      NetMeteringMode mode = v.netMetering().orElseThrow().mode();
      return mode == NetMeteringMode.NET_BILLING ? x[i].subtract(a[i]).max(BigDecimal.ZERO) : x[i];
    }

    /** The first weekday of the bill by a schedule's calendar (the day SAME_HOURS reads its hours on). */
    LocalDate firstWeekday(Optional<TouSchedule> s) {
      LocalDate d = period.startInclusive();
      while (s.isPresent() && s.get().calendar().dayType(d) != DayType.WEEKDAY) {
        d = d.plusDays(1);
      }
      return d;
    }

    /**
     * SAME_HOURS: "Each period's bank goes to the period that covers the same weekday hour next bill, the hour being
     * the first of bankTransferHours() that the period covers; a period covering none of those hours loses its bank."
     * The hours are read on the bill's first weekday; the bank is handed on keyed by the hour's position in the list.
     */
    Map<Integer, BigDecimal> bankByHour(TariffVersion v, Map<Integer, BigDecimal> byPeriod) {
      Optional<TouSchedule> sch = nettingSchedule(v);
      LocalDate day = firstWeekday(sch);
      List<Integer> hours = v.conventions().bankTransferHours();
      Map<Integer, BigDecimal> out = new TreeMap<>();
      for (Map.Entry<Integer, BigDecimal> e : byPeriod.entrySet()) {
        for (int h = 0; h < hours.size(); h++) {
          int p = sch.isEmpty() ? 0 : sch.get().periodAt(day.atTime(hours.get(h), 0));
          if (p == e.getKey()) {
            out.merge(h, e.getValue(), BigDecimal::add);
            break;
          }
        }
      }
      return out;
    }

    /** The bank this bill nets against, by period of the netting schedule. */
    Map<Integer, BigDecimal> bankIn(TariffVersion v) {
      if (!state.kwhBankByHour()) {
        return state.kwhBank();
      }
      Optional<TouSchedule> sch = nettingSchedule(v);
      LocalDate day = firstWeekday(sch);
      List<Integer> hours = v.conventions().bankTransferHours();
      Map<Integer, BigDecimal> out = new TreeMap<>();
      for (Map.Entry<Integer, BigDecimal> e : state.kwhBank().entrySet()) {
        int h = hours.get(e.getKey());
        int p = sch.isEmpty() ? 0 : sch.get().periodAt(day.atTime(h, 0));
        out.merge(p, e.getValue(), BigDecimal::add);
      }
      return out;
    }

    /**
     * NET_METERING: "per TOU period p of the (shared) netting schedule: N_p = Σ a − Σ x − bank_p; charged
     * max(N_p, 0), surplus max(−N_p, 0). No netting across periods." The surplus is banked in kWh (KWH), valued at
     * the export rate (MONEY), or credited on the bill (NONE, one line per period).
     */
    void netting(Seg g) {
      Optional<NetMeteringRule> nm = g.v.netMetering();
      if (nm.isEmpty() || nm.get().mode() != NetMeteringMode.NET_METERING) {
        for (int i = g.from; i < g.to; i++) {
          g.chargedKwh = g.chargedKwh.add(charged(g.v, i));
        }
        return;
      }
      Optional<TouSchedule> sch = nettingSchedule(g.v);
      TreeSet<Integer> periods = new TreeSet<>();
      int count = sch.map(s -> s.periodNames().size()).orElse(1);
      for (int p = 0; p < count; p++) {
        periods.add(p);
      }
      CreditCarry carry = nm.get().carry();
      Map<Integer, BigDecimal> bankIn = carry == CreditCarry.KWH ? bankIn(g.v) : Map.of();
      periods.addAll(bankIn.keySet());
      Map<Integer, BigDecimal> bankOut = new TreeMap<>();
      Map<Integer, BigDecimal> surplusByPeriod = new TreeMap<>();
      for (int p : periods) {
        BigDecimal sumA = BigDecimal.ZERO;
        BigDecimal sumX = BigDecimal.ZERO;
        for (int i = g.from; i < g.to; i++) {
          if (periodOf(sch, i) == p) {
            sumA = sumA.add(a[i]);
            sumX = sumX.add(x[i]);
          }
        }
        netKwh = netKwh.add(sumA).subtract(sumX);
        BigDecimal np = sumA.subtract(sumX).subtract(bankIn.getOrDefault(p, BigDecimal.ZERO));
        BigDecimal chargedP = np.max(BigDecimal.ZERO);
        BigDecimal surplus = np.negate().max(BigDecimal.ZERO);
        g.nmCharged.put(p, chargedP);
        g.chargedKwh = g.chargedKwh.add(chargedP);
        if (surplus.signum() != 0) {
          surplusByPeriod.put(p, surplus);
        }
      }
      if (carry == CreditCarry.KWH) {
        bankOut.putAll(surplusByPeriod);
        bankAfterNetting = bankOut;
        return;
      }
      Map<Integer, BigDecimal> value = surplusValue(g, surplusByPeriod);
      for (Map.Entry<Integer, BigDecimal> e : value.entrySet()) {
        if (carry == CreditCarry.MONEY) {
          g.ownCredit = g.ownCredit.add(e.getValue());
        } else if (e.getValue().signum() != 0) {
          add(CREDIT, LineKind.EXPORT_CREDIT, name(sch, e.getKey()), Optional.empty(), e.getValue().negate(), g.rm(),
              java.util.Objects.requireNonNull(surplusByPeriod.get(e.getKey())).toPlainString() + " kWh surplus");
        }
      }
    }

    /**
     * A net-metering surplus valued at the export rate, by netting period: FLAT; PER_PERIOD at the rate of the
     * netting period's index in the export rate's list (monthly netting has no intervals to read the export schedule
     * at; a period past the list earns nothing); TIER_SELL_RATES: "Tier sell rates follow the first energy charge's
     * counter and mode (proportional, per period, or volume)", the surplus filling the tiers as usage does.
     */
    Map<Integer, BigDecimal> surplusValue(Seg g, Map<Integer, BigDecimal> surplus) {
      Map<Integer, BigDecimal> out = new TreeMap<>();
      Optional<ExportRate> er = g.v.netMetering().orElseThrow().exportRate();
      if (er.isEmpty()) {
        return out;
      }
      switch (er.get().kind()) {
        case FLAT: {
          BigDecimal rate = er.get().flatRate().orElseThrow().multiply(g.esc);
          surplus.forEach((p, kwh) -> out.put(p, kwh.multiply(rate)));
          return out;
        }
        case PER_PERIOD: {
          List<BigDecimal> rates = er.get().periodRates();
          surplus.forEach((p, kwh) -> out.put(p, p < rates.size() ? kwh.multiply(rates.get(p).multiply(g.esc))
              : BigDecimal.ZERO));
          return out;
        }
        case TIER_SELL_RATES: {
          if (g.v.energyCharges().isEmpty()) {
            return out;
          }
          EnergyCharge e = g.v.energyCharges().get(0);
          Map<Integer, BigDecimal[]> q = tierQuantities(g, e, surplus);
          for (PeriodTiers pt : e.periods()) {
            BigDecimal value = BigDecimal.ZERO;
            BigDecimal[] qp = Objects.requireNonNull(q.get(pt.period()));
            for (int k = 0; k < qp.length; k++) {
              value = value.add(qp[k].multiply(sell(g, pt, k)));
            }
            if (surplus.containsKey(pt.period())) {
              out.put(pt.period(), value);
            }
          }
          return out;
        }
        default:
          throw new IllegalStateException("refused above: " + er.get().kind());
      }
    }

    /** A tier's sell rate, escalated (zero without one). */
    static BigDecimal sell(Seg g, PeriodTiers pt, int k) {
      return pt.tiers().get(k).sellRate().orElse(BigDecimal.ZERO).multiply(g.esc);
    }

    /** The shared netting schedule of a net-metering version: the energy charges' schedule. */
    static Optional<TouSchedule> nettingSchedule(TariffVersion v) {
      return v.energyCharges().isEmpty() ? Optional.empty() : v.energyCharges().get(0).schedule();
    }

    /**
     * The kWh of each tier of each period an energy charge prices, from the kWh by period, by its counter and mode
     * (every counter but the chronological one, which needs the time order): "PER_PERIOD counter: each period's
     * charged kWh through its own tiers. ALL_PERIODS + PROPORTIONAL: the bill total T goes through the tiers; each
     * period gets usage_p / T of every tier. VOLUME (all-units): every kWh at the rate of the tier reached (usage equal
     * to a bound stays in the lower tier); with ALL_PERIODS the tier is reached by the bill total." The bill total
     * counts every period, the charge's own or not.
     */
    Map<Integer, BigDecimal[]> tierQuantities(Seg g, EnergyCharge e, Map<Integer, BigDecimal> usage) {
      Map<Integer, BigDecimal[]> q = new TreeMap<>();
      BigDecimal total = total(usage);
      for (PeriodTiers pt : e.periods()) {
        BigDecimal u = usage.getOrDefault(pt.period(), BigDecimal.ZERO);
        List<Step> steps = steps(g, pt);
        if (e.counter() == TierCounter.PER_PERIOD) {
          q.put(pt.period(), e.mode() == TierMode.BLOCK ? block(u, steps) : volume(u, steps));
        } else if (e.mode() == TierMode.VOLUME) {
          BigDecimal[] qp = zeros(pt.tiers().size());
          qp[steps.get(volumeStep(total, steps)).tier()] = u;
          q.put(pt.period(), qp);
        } else {
          BigDecimal[] qt = block(total, steps);
          BigDecimal[] qp = zeros(pt.tiers().size());
          for (int k = 0; k < qt.length; k++) {
            qp[k] = total.signum() == 0 ? BigDecimal.ZERO : qt[k].multiply(u).divide(total, MC);
          }
          q.put(pt.period(), qp);
        }
      }
      return q;
    }

    /** Whether an energy charge fills one counter in time order. */
    static boolean chronological(EnergyCharge e) {
      return e.counter() == TierCounter.ALL_PERIODS && e.mode() == TierMode.BLOCK
          && e.allocation() == TierAllocation.CHRONOLOGICAL;
    }

    /**
     * "ALL_PERIODS + CHRONOLOGICAL: one counter over the bill in time order; each interval is priced at its own
     * period's rate of the tier the counter is in; an interval crossing a bound is split exactly at the bound." The
     * counter counts the whole bill: an interval in a period the charge does not price moves it without being priced.
     */
    Map<Integer, BigDecimal[]> chronologicalQuantities(Seg g, EnergyCharge e, IntFunction<BigDecimal> kwhAt) {
      Map<Integer, BigDecimal[]> q = new TreeMap<>();
      Map<Integer, List<Step>> steps = new TreeMap<>();
      for (PeriodTiers pt : e.periods()) {
        q.put(pt.period(), zeros(pt.tiers().size()));
        steps.put(pt.period(), steps(g, pt));
      }
      BigDecimal counter = BigDecimal.ZERO;
      for (int i = g.from; i < g.to; i++) {
        int p = periodOf(e.schedule(), i);
        if (q.containsKey(p)) {
          counter = fill(counter, kwhAt.apply(i), Objects.requireNonNull(steps.get(p)), q.get(p));
        } else {
          counter = counter.add(kwhAt.apply(i));
        }
      }
      return q;
    }

    void energy(Seg g, EnergyCharge e) {
      boolean netMetering = g.v.netMetering().map(r -> r.mode() == NetMeteringMode.NET_METERING).orElse(false);
      Optional<TouSchedule> sch = e.schedule();
      Map<Integer, BigDecimal[]> q;
      if (chronological(e)) {
        q = chronologicalQuantities(g, e, i -> charged(g.v, i));
      } else {
        // charged kWh by period
        Map<Integer, BigDecimal> usage = new TreeMap<>();
        if (netMetering) {
          usage.putAll(g.nmCharged);
        } else {
          for (int i = g.from; i < g.to; i++) {
            usage.merge(periodOf(sch, i), charged(g.v, i), BigDecimal::add);
          }
        }
        q = tierQuantities(g, e, usage);
      }
      for (PeriodTiers pt : e.periods()) {
        BigDecimal[] qp = Objects.requireNonNull(q.get(pt.period()));
        for (int k = 0; k < qp.length; k++) {
          if (qp[k].signum() != 0) {
            BigDecimal rate = pt.tiers().get(k).rate().multiply(g.esc);
            add(e.id(), LineKind.ENERGY, name(sch, pt.period()), tierLabel(steps(g, pt), k), qp[k].multiply(rate),
                g.rm(),
                qp[k].stripTrailingZeros().toPlainString() + " kWh x " + rate.toPlainString());
          }
        }
      }
      // "A price series adds Σ charged_i × price_i"
      if (e.priceSeries().isPresent()) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = g.from; i < g.to; i++) {
          BigDecimal price = e.priceSeries().get().priceAt(start[i]).orElseThrow();
          sum = sum.add(charged(g.v, i).multiply(price));
        }
        add(e.id(), LineKind.ENERGY, Optional.empty(), Optional.empty(), sum.multiply(g.esc), g.rm(),
            "price series");
      }
    }

    static BigDecimal[] zeros(int n) {
      BigDecimal[] z = new BigDecimal[n];
      java.util.Arrays.fill(z, BigDecimal.ZERO);
      return z;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Exports (NET_BILLING, BUY_ALL_SELL_ALL)

    /**
     * "net exports (NB) or all exports (BASS) earn the export rate: FLAT; PER_PERIOD (the export schedule's period of
     * each interval); TIME_SERIES (Σ x_i × price_i); TIER_SELL_RATES (the first energy charge's tiers' sell rates, with
     * an export counter filled like its import counter)." With carry NONE each credit is its own line; with a money
     * bank it is the bill's own credit.
     */
    void exports(Seg g) {
      Optional<NetMeteringRule> nm = g.v.netMetering();
      if (nm.isEmpty() || nm.get().mode() == NetMeteringMode.NET_METERING || nm.get().exportRate().isEmpty()) {
        return;
      }
      ExportRate er = nm.get().exportRate().get();
      List<Line> credits = new ArrayList<>();
      switch (er.kind()) {
        case FLAT: {
          BigDecimal sum = BigDecimal.ZERO;
          for (int i = g.from; i < g.to; i++) {
            sum = sum.add(exported(g.v, i));
          }
          BigDecimal rate = er.flatRate().orElseThrow().multiply(g.esc);
          credits.add(credit(Optional.empty(), Optional.empty(), sum.multiply(rate),
              sum.toPlainString() + " kWh x " + rate.toPlainString()));
          break;
        }
        case PER_PERIOD: {
          TouSchedule s = er.schedule().orElseThrow();
          Map<Integer, BigDecimal> byPeriod = new TreeMap<>();
          for (int i = g.from; i < g.to; i++) {
            byPeriod.merge(s.periodAt(local[i]), exported(g.v, i), BigDecimal::add);
          }
          for (Map.Entry<Integer, BigDecimal> en : byPeriod.entrySet()) {
            BigDecimal rate = er.periodRates().get(en.getKey()).multiply(g.esc);
            credits.add(credit(Optional.of(s.periodNames().get(en.getKey())), Optional.empty(),
                en.getValue().multiply(rate), en.getValue().toPlainString() + " kWh x " + rate.toPlainString()));
          }
          break;
        }
        case TIME_SERIES: {
          BigDecimal sum = BigDecimal.ZERO;
          for (int i = g.from; i < g.to; i++) {
            sum = sum.add(exported(g.v, i).multiply(er.series().orElseThrow().priceAt(start[i]).orElseThrow()));
          }
          credits.add(credit(Optional.empty(), Optional.empty(), sum.multiply(g.esc), "export prices"));
          break;
        }
        default: {
          EnergyCharge e = g.v.energyCharges().get(0);
          Map<Integer, BigDecimal[]> q;
          if (chronological(e)) {
            q = chronologicalQuantities(g, e, i -> exported(g.v, i));
          } else {
            Map<Integer, BigDecimal> byPeriod = new TreeMap<>();
            for (int i = g.from; i < g.to; i++) {
              byPeriod.merge(periodOf(e.schedule(), i), exported(g.v, i), BigDecimal::add);
            }
            q = tierQuantities(g, e, byPeriod);
          }
          for (PeriodTiers pt : e.periods()) {
            BigDecimal[] qp = Objects.requireNonNull(q.get(pt.period()));
            for (int k = 0; k < qp.length; k++) {
              BigDecimal sell = sell(g, pt, k);
              if (qp[k].signum() != 0) {
                credits.add(credit(name(e.schedule(), pt.period()), tierLabel(steps(g, pt), k), qp[k].multiply(sell),
                    qp[k].toPlainString() + " kWh x " + sell.toPlainString()));
              }
            }
          }
        }
      }
      for (Line c : credits) {
        if (nm.get().carry() == CreditCarry.MONEY) {
          g.ownCredit = g.ownCredit.add(c.exact());
        } else if (c.exact().signum() != 0) {
          add(CREDIT, LineKind.EXPORT_CREDIT, c.touPeriod(), c.tier(), c.exact().negate(), g.rm(), c.what());
        }
      }
    }

    /** A credit before it is signed and rounded: the value (positive = credit) in {@code exact}. */
    static Line credit(Optional<String> tou, Optional<Integer> tier, BigDecimal value, String what) {
      return new Line(CREDIT, LineKind.EXPORT_CREDIT, tou, tier, value, value, what);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixed charges and riders

    /** "Fixed: PER_BILL amount × f; PER_DAY amount × segment days." */
    void fixed(Seg g) {
      for (FixedCharge c : g.v.fixedCharges()) {
        BigDecimal amount = c.amount().multiply(g.esc);
        BigDecimal exact = c.basis() == FixedChargeBasis.PER_BILL ? g.prorate(amount) : amount.multiply(g.days);
        add(c.id(), LineKind.FIXED, Optional.empty(), Optional.empty(), exact, g.rm(),
            c.basis() + " " + amount.toPlainString());
      }
    }

    /**
     * "Demand response: per event in the segment, Σ max(0, baseline − actual) × incentive rate (escalated),
     * credited" (the baseline in {@link ReferenceDemandResponse}). An event lies wholly inside or outside a segment:
     * events are on one day, segments are whole days.
     */
    void demandResponse(Seg g) {
      for (DemandResponseProgram p : g.v.demandResponsePrograms()) {
        for (DemandResponseEvent e : p.events()) {
          Instant from = e.startInclusive().atZone(tariff.zone()).toInstant();
          Instant to = e.endExclusive().atZone(tariff.zone()).toInstant();
          if (from.isBefore(g.startInstant) || to.isAfter(g.endInstant)) {
            continue;
          }
          BigDecimal kwh = ReferenceDemandResponse.reductionKwh(p, e, g.v, tariff.zone(), length, meter);
          BigDecimal rate = p.incentiveRate().multiply(g.esc);
          add(p.id(), LineKind.DEMAND_RESPONSE_CREDIT, Optional.empty(), Optional.empty(), kwh.multiply(rate).negate(),
              g.rm(), "event " + e.id() + ": " + kwh.toPlainString() + " kWh x " + rate.toPlainString());
        }
      }
    }

    /**
     * "Riders: PER_KWH × charged kWh; PER_KW × billing demand (else peak) × f; PERCENT of the rounded amounts of the
     * named components' lines of the same segment; PER_BILL × f."
     */
    void riders(Seg g) {
      for (Rider r : g.v.riders()) {
        BigDecimal rate = r.rate().multiply(g.esc);
        BigDecimal exact;
        switch (r.kind()) {
          case PER_KWH:
            exact = g.chargedKwh.multiply(rate);
            break;
          case PER_KW:
            exact = g.prorate(billingDemandOrPeak().multiply(rate));
            break;
          case PERCENT: {
            BigDecimal base = BigDecimal.ZERO;
            for (int i = g.firstLine; i < lines.size(); i++) {
              if (r.appliesTo().contains(lines.get(i).componentId())) {
                base = base.add(lines.get(i).rounded());
              }
            }
            exact = base.multiply(r.rate()).divide(HUNDRED);
            break;
          }
          default:
            exact = g.prorate(rate);
        }
        add(r.id(), LineKind.RIDER, Optional.empty(), Optional.empty(), exact, g.rm(), r.kind().toString());
      }
    }
  }
}
