package io.github.gridbill.rating.reference;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
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
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The reference rater: RATING.md read literally, one interval at a time, in {@code BigDecimal}, with no compilation,
 * no runs and no caching. It is slow on purpose and meant to be read next to RATING.md; every block cites the sentence
 * it implements.
 *
 * <p>Scope: fixed charges per bill and per day; energy charges flat, BLOCK and VOLUME tiers with KWH, KWH_PER_DAY,
 * KWH_PER_KW and KWH_PER_KW_PER_DAY bounds (one unit per period), PER_PERIOD and ALL_PERIODS counters (PROPORTIONAL and
 * CHRONOLOGICAL with exact splits at bounds), TOU schedules (seasons, weekday/weekend/holiday), price series; flat and
 * TOU demand charges with kW tiers on the peak or the billing demand; ratchets with BILLED_DEMAND and PEAK_DEMAND
 * references; net metering with a kWh bank (SAME_PERIOD transfer, BANK_BALANCE true-up), a money bank, or no carry
 * (FLAT export rate); net billing and buy-all/sell-all with FLAT, PER_PERIOD, TIME_SERIES and TIER_SELL_RATES export
 * rates (PER_PERIOD tier counter); true-up PAY and FORFEIT; monthly and annual minimums; riders; taxes; escalation;
 * mid-period version changes. Not modelled (throws {@link UnsupportedOperationException} rather than guess): nested
 * hours-use blocks of mixed tier units, SAM_BILLING_DEMAND and ratchet demand periods, ROLL_OVER and
 * PAY_AND_ROLL_OVER, NET_SURPLUS_SINCE_TRUE_UP, SAME_HOURS bank transfer, non-FLAT export rates under NET_METERING,
 * chronological tiers and price series under NET_METERING. Demand response (every baseline family, adjustment and
 * reduction basis) is settled by {@link ReferenceDemandResponse} from a {@link Meter} that holds history before the
 * bill; its lines come after the riders of their segment.
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
 *   <li>A6. A kWh-bank true-up pays the bank as it stands after this bill's netting.
 *   <li>A7. With carry NONE, a net-metering surplus is credited per TOU period ("each export credit is its own line",
 *       "no netting across periods"), each line rounded once.
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
   * @param billedKw the billing demand (the peak without a ratchet)
   */
  public record DemandRec(YearMonth month, BigDecimal peakKw, BigDecimal billedKw) {}

  /**
   * What a bill hands to the next one.
   *
   * @param kwhBank the kWh bank by period
   * @param moneyBank the money bank, exact
   * @param minimumYtd the annual minimum's year-to-date
   * @param history past demands, oldest first
   */
  public record State(Map<Integer, BigDecimal> kwhBank, BigDecimal moneyBank, BigDecimal minimumYtd,
      List<DemandRec> history) {

    /**
     * A new account.
     *
     * @return the state
     */
    public static State initial() {
      return new State(Map.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of());
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
      @Nullable Map<Integer, BigDecimal> nmBankAfter;

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

      // Money bank: "credits offset energy charges only: avail = carried + own (if creditsOffsetSameBill), applied
      // min(avail, energy charges), the rest (plus own credits when they do not offset the same bill) is carried."
      BigDecimal moneyBank = state.moneyBank();
      if (nm.isPresent() && nm.get().carry() == CreditCarry.MONEY) {
        BigDecimal own = BigDecimal.ZERO;
        for (Seg g : segs) {
          own = own.add(g.ownCredit);
        }
        BigDecimal energyCharges = BigDecimal.ZERO;
        for (Line l : lines) {
          if (l.kind() == LineKind.ENERGY) {
            energyCharges = energyCharges.add(l.exact()); // A5
          }
        }
        if (own.signum() < 0) {
          // "Exports priced below zero (negative time-series prices) cost money: with a money bank their net is
          // charged on the bill and nothing is banked."
          add(CREDIT, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), own.negate(), rm,
              "exports at negative prices " + own.toPlainString());
          own = BigDecimal.ZERO;
        }
        boolean same = nm.get().creditsOffsetSameBill();
        BigDecimal avail = moneyBank.add(same ? own : BigDecimal.ZERO);
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
        ytd = BigDecimal.ZERO;
      }

      // 4. True-up on the bill of trueUpMonth.
      Map<Integer, BigDecimal> bank = new TreeMap<>(state.kwhBank());
      if (nm.isPresent() && nm.get().carry() == CreditCarry.KWH) {
        bank = new TreeMap<>();
        for (Seg g : segs) {
          Map<Integer, BigDecimal> after = g.nmBankAfter;
          if (after != null) {
            bank = new TreeMap<>(after);
          }
        }
      }
      if (nm.isPresent() && nm.get().trueUpMonth().isPresent()
          && billMonth.getMonth() == nm.get().trueUpMonth().get()) {
        NetMeteringRule r = nm.get();
        TrueUpSettlement st = r.trueUpSettlement();
        if (st != TrueUpSettlement.PAY && st != TrueUpSettlement.FORFEIT) {
          throw new UnsupportedOperationException("true-up " + st);
        }
        if (r.carry() == CreditCarry.KWH) {
          if (last.conventions().trueUpBasis() != TrueUpBasis.BANK_BALANCE) {
            throw new UnsupportedOperationException("true-up basis " + last.conventions().trueUpBasis());
          }
          BigDecimal kwh = BigDecimal.ZERO;
          for (BigDecimal v : bank.values()) {
            kwh = kwh.add(v);
          }
          // "a kWh bank is worth kWh × surplusRate"; "empty means the bank is forfeited"
          if (st == TrueUpSettlement.PAY && r.surplusRate().isPresent() && kwh.signum() > 0) {
            BigDecimal rate = r.surplusRate().get().multiply(esc);
            add(TRUE_UP, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), kwh.multiply(rate).negate(), rm,
                "true-up " + kwh.toPlainString() + " kWh x " + rate.toPlainString());
          }
          bank = new TreeMap<>();
        } else if (r.carry() == CreditCarry.MONEY) {
          if (st == TrueUpSettlement.PAY && moneyBank.signum() > 0) {
            add(TRUE_UP, LineKind.EXPORT_CREDIT, Optional.empty(), Optional.empty(), moneyBank.negate(), rm,
                "true-up of the money bank");
          }
          moneyBank = BigDecimal.ZERO;
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
      List<DemandRec> history = new ArrayList<>(state.history());
      history.add(new DemandRec(billMonth, billPeak, bd.orElse(billPeak)));
      while (history.size() > 36) {
        history.remove(0);
      }
      bank.values().removeIf(v -> v.signum() == 0);
      State next = new State(Map.copyOf(bank), moneyBank, ytd, List.copyOf(history));
      return new Result(List.copyOf(lines), total, next, billPeak, bd);
    }

    void add(String id, LineKind kind, Optional<String> tou, Optional<Integer> tier, BigDecimal exact,
        RoundingMode rm, String what) {
      // "Each line's exact amount (BigDecimal) is rounded once to the currency's minor unit"
      lines.add(new Line(id, kind, tou, tier, exact, exact.setScale(scale, rm), what));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Demand

    /**
     * "Billing demand (ratchet): max(minimumKw, pct[billMonth] × max(reference over the previous lookbackMonths
     * bills), current peak if includeCurrentPeakByMonth[billMonth]); reference = billed demands (BILLED_DEMAND) or
     * peaks (PEAK_DEMAND)."
     */
    BigDecimal billingDemand(Ratchet r) {
      if (r.reference() == RatchetReference.SAM_BILLING_DEMAND || !r.demandPeriods().isEmpty()) {
        throw new UnsupportedOperationException("ratchet " + r.reference() + " " + r.demandPeriods());
      }
      List<DemandRec> h = state.history();
      BigDecimal ref = BigDecimal.ZERO;
      for (int i = Math.max(0, h.size() - r.lookbackMonths()); i < h.size(); i++) {
        DemandRec d = h.get(i);
        ref = ref.max(r.reference() == RatchetReference.BILLED_DEMAND ? d.billedKw() : d.peakKw());
      }
      int m = billMonth.getMonthValue() - 1;
      BigDecimal bd = r.minimumKw().max(r.percentByMonth().get(m).multiply(ref).divide(HUNDRED));
      if (r.includeCurrentPeakByMonth().get(m)) {
        bd = bd.max(billPeak);
      }
      return bd.setScale(6, RoundingMode.HALF_UP); // L2: a demand is a whole number of milliwatts (kW, 6 decimals)

    }

    /** The demand a BILLING_DEMAND determinant uses: the billing demand, or the peak without a ratchet. */
    BigDecimal billingDemandOrPeak(TariffVersion v) {
      return v.ratchet().map(this::billingDemand).orElse(billPeak);
    }

    /**
     * "Per period (or flat), PeriodTiers in kW, BLOCK or VOLUME, on the peak or — for BILLING_DEMAND charges — the
     * billing demand (for TOU charges: in the ratchet's demand periods, or all when it names none). Prorated by f in a
     * split bill."
     */
    void demand(Seg g, DemandCharge d) {
      Optional<TouSchedule> sch = d.schedule();
      for (PeriodTiers pt : d.periods()) {
        int p = pt.period();
        BigDecimal det;
        if (d.basis() == DemandBasis.BILLING_DEMAND) {
          det = billingDemandOrPeak(g.v);
        } else if (sch.isEmpty()) {
          det = billPeak;
        } else {
          // "over the bill's intervals in one period of the charge's schedule (TOU; in a split bill each segment maps
          // its own intervals with its own version's schedule)"
          det = BigDecimal.ZERO;
          for (Seg h : segmentsOfBill()) {
            Optional<TouSchedule> hs = h.v.demandCharges().stream().filter(x -> x.id().equals(d.id())).findFirst()
                .flatMap(DemandCharge::schedule);
            if (hs.isEmpty()) {
              continue;
            }
            for (int i = h.from; i < h.to; i++) {
              if (hs.get().periodAt(local[i]) == p) {
                det = det.max(a[i].multiply(perHour));
              }
            }
          }
        }
        Optional<String> tou = sch.map(s -> s.periodNames().get(p));
        @Nullable BigDecimal[] upper = new BigDecimal[pt.tiers().size()];
        for (int k = 0; k < upper.length; k++) {
          upper[k] = pt.tiers().get(k).upTo().orElse(null);
        }
        BigDecimal[] q = d.mode() == TierMode.BLOCK ? block(det, upper) : volume(det, upper);
        for (int k = 0; k < q.length; k++) {
          if (q[k].signum() != 0) {
            BigDecimal rate = pt.tiers().get(k).rate().multiply(g.esc);
            add(d.id(), LineKind.DEMAND, tou, tierLabel(pt, k), g.prorate(q[k].multiply(rate)), g.rm(),
                q[k].toPlainString() + " kW x " + rate.toPlainString() + " x f");
          }
        }
      }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tiers

    /**
     * BLOCK: each tier's rate applies to the usage inside it; "Usage beyond the last bound is priced at the last
     * tier". {@code upper[k]} is tier k's cumulative bound, null when unbounded.
     */
    static BigDecimal[] block(BigDecimal usage, @Nullable BigDecimal[] upper) {
      BigDecimal[] q = new BigDecimal[upper.length];
      BigDecimal lower = BigDecimal.ZERO;
      for (int k = 0; k < upper.length; k++) {
        boolean lastTier = k == upper.length - 1;
        BigDecimal top = lastTier || upper[k] == null ? usage : usage.min(upper[k]);
        q[k] = top.subtract(lower).max(BigDecimal.ZERO);
        if (!lastTier && upper[k] != null) {
          lower = lower.max(upper[k]);
        }
      }
      return q;
    }

    /** VOLUME: "every kWh at the rate of the tier reached (usage equal to a bound stays in the lower tier)". */
    static BigDecimal[] volume(BigDecimal usage, @Nullable BigDecimal[] upper) {
      BigDecimal[] q = zeros(upper.length);
      q[volumeTier(usage, upper)] = usage;
      return q;
    }

    /** The tier a usage reaches: the first whose bound it does not exceed, else the last. */
    static int volumeTier(BigDecimal usage, @Nullable BigDecimal[] upper) {
      for (int k = 0; k < upper.length - 1; k++) {
        if (upper[k] != null && usage.compareTo(upper[k]) <= 0) {
          return k;
        }
      }
      return upper.length - 1;
    }

    /** The tier bounds of a period in kWh for this segment: "KWH × f, KWH_PER_DAY × segment days, ...". */
    @Nullable BigDecimal[] energyBounds(Seg g, PeriodTiers pt) {
      BigDecimal demand = g.v.conventions().perKwTierDemand() == DemandBasis.BILLING_DEMAND
          ? billingDemandOrPeak(g.v) : billPeak;
      @Nullable BigDecimal[] upper = new BigDecimal[pt.tiers().size()];
      io.github.gridbill.core.tariff.TierUnit unit = pt.tiers().get(0).unit();
      for (int k = 0; k < upper.length; k++) {
        Tier t = pt.tiers().get(k);
        if (t.unit() != unit) {
          throw new UnsupportedOperationException("mixed tier units (nested hours-use blocks)");
        }
        if (t.upTo().isEmpty()) {
          upper[k] = null;
          continue;
        }
        BigDecimal b = t.upTo().get();
        switch (t.unit()) {
          case KWH:
            upper[k] = g.prorate(b);
            break;
          case KWH_PER_DAY:
            upper[k] = b.multiply(g.days);
            break;
          case KWH_PER_KW:
            upper[k] = g.prorate(b.multiply(demand));
            break;
          case KWH_PER_KW_PER_DAY:
            upper[k] = b.multiply(demand).multiply(g.days);
            break;
          default:
            throw new IllegalStateException("energy tier in " + t.unit());
        }
      }
      return upper;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Energy

    /** The period of interval i in a schedule, or 0 without one. */
    int periodOf(Optional<TouSchedule> s, int i) {
      return s.isEmpty() ? 0 : s.get().periodAt(local[i]);
    }

    /** The tier label of a line: from 1, and none for a period with a single tier (a labelling choice, L1). */
    static Optional<Integer> tierLabel(PeriodTiers pt, int k) {
      return pt.tiers().size() > 1 ? Optional.of(k + 1) : Optional.empty();
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

    /**
     * NET_METERING: "per TOU period p of the (shared) netting schedule: N_p = Σ a − Σ x − bank_p; charged
     * max(N_p, 0), surplus max(−N_p, 0). No netting across periods." The surplus is banked in kWh (KWH), valued at
     * the export rate (MONEY), or credited on the bill (NONE).
     */
    void netting(Seg g) {
      Optional<NetMeteringRule> nm = g.v.netMetering();
      if (nm.isEmpty() || nm.get().mode() != NetMeteringMode.NET_METERING) {
        for (int i = g.from; i < g.to; i++) {
          g.chargedKwh = g.chargedKwh.add(charged(g.v, i));
        }
        return;
      }
      if (g.v.conventions().kwhBankTransfer() != io.github.gridbill.core.tariff.KwhBankTransfer.SAME_PERIOD) {
        throw new UnsupportedOperationException("kWh bank transfer by hours");
      }
      Optional<TouSchedule> sch = nettingSchedule(g.v);
      TreeSet<Integer> periods = new TreeSet<>();
      int count = sch.map(s -> s.periodNames().size()).orElse(1);
      for (int p = 0; p < count; p++) {
        periods.add(p);
      }
      CreditCarry carry = nm.get().carry();
      Map<Integer, BigDecimal> bankIn = carry == CreditCarry.KWH ? state.kwhBank() : Map.of();
      periods.addAll(bankIn.keySet());
      Map<Integer, BigDecimal> bankOut = new TreeMap<>();
      for (int p : periods) {
        BigDecimal sumA = BigDecimal.ZERO;
        BigDecimal sumX = BigDecimal.ZERO;
        for (int i = g.from; i < g.to; i++) {
          if (periodOf(sch, i) == p) {
            sumA = sumA.add(a[i]);
            sumX = sumX.add(x[i]);
          }
        }
        BigDecimal np = sumA.subtract(sumX).subtract(bankIn.getOrDefault(p, BigDecimal.ZERO));
        BigDecimal chargedP = np.max(BigDecimal.ZERO);
        BigDecimal surplus = np.negate().max(BigDecimal.ZERO);
        g.nmCharged.put(p, chargedP);
        g.chargedKwh = g.chargedKwh.add(chargedP);
        if (surplus.signum() == 0) {
          continue;
        }
        switch (carry) {
          case KWH:
            bankOut.put(p, surplus);
            break;
          case MONEY:
            g.ownCredit = g.ownCredit.add(surplus.multiply(flatExportRate(g)));
            break;
          default:
            BigDecimal rate = flatExportRate(g);
            if (rate.signum() != 0) {
              add(CREDIT, LineKind.EXPORT_CREDIT, name(sch, p), Optional.empty(), surplus.multiply(rate).negate(),
                  g.rm(), surplus.toPlainString() + " kWh surplus x " + rate.toPlainString());
            }
        }
      }
      g.nmBankAfter = carry == CreditCarry.KWH ? bankOut : null;
    }

    /** The export rate a net-metering surplus is valued at (FLAT only in the reference), escalated. */
    BigDecimal flatExportRate(Seg g) {
      Optional<ExportRate> er = g.v.netMetering().orElseThrow().exportRate();
      if (er.isEmpty()) {
        return BigDecimal.ZERO;
      }
      if (er.get().kind() != io.github.gridbill.core.tariff.ExportRateKind.FLAT) {
        throw new UnsupportedOperationException("net-metering surplus at a " + er.get().kind() + " export rate");
      }
      return er.get().flatRate().orElseThrow().multiply(g.esc);
    }

    /** The shared netting schedule of a net-metering version: the energy charges' schedule. */
    static Optional<TouSchedule> nettingSchedule(TariffVersion v) {
      Optional<TouSchedule> s = v.energyCharges().isEmpty() ? Optional.empty() : v.energyCharges().get(0).schedule();
      for (EnergyCharge e : v.energyCharges()) {
        if (!e.schedule().equals(s)) {
          throw new UnsupportedOperationException("net metering with energy charges on different schedules");
        }
      }
      return s;
    }

    void energy(Seg g, EnergyCharge e) {
      boolean netMetering = g.v.netMetering().map(r -> r.mode() == NetMeteringMode.NET_METERING).orElse(false);
      Optional<TouSchedule> sch = e.schedule();
      // charged kWh by period, and in time order for the chronological counter
      Map<Integer, BigDecimal> usage = new TreeMap<>();
      if (netMetering) {
        usage.putAll(g.nmCharged);
      } else {
        for (int i = g.from; i < g.to; i++) {
          usage.merge(periodOf(sch, i), charged(g.v, i), BigDecimal::add);
        }
      }
      // quantity per (period, tier)
      Map<Integer, BigDecimal[]> q = new TreeMap<>();
      if (e.counter() == TierCounter.PER_PERIOD) {
        // "PER_PERIOD counter: each period's charged kWh through its own tiers."
        for (PeriodTiers pt : e.periods()) {
          BigDecimal u = usage.getOrDefault(pt.period(), BigDecimal.ZERO);
          @Nullable BigDecimal[] upper = energyBounds(g, pt);
          q.put(pt.period(), e.mode() == TierMode.BLOCK ? block(u, upper) : volume(u, upper));
        }
      } else {
        BigDecimal total = BigDecimal.ZERO;
        for (PeriodTiers pt : e.periods()) {
          total = total.add(usage.getOrDefault(pt.period(), BigDecimal.ZERO));
        }
        if (e.mode() == TierMode.VOLUME) {
          // "with ALL_PERIODS the tier is reached by the bill total"
          for (PeriodTiers pt : e.periods()) {
            @Nullable BigDecimal[] upper = energyBounds(g, pt);
            BigDecimal[] qp = zeros(upper.length);
            qp[volumeTier(total, upper)] = usage.getOrDefault(pt.period(), BigDecimal.ZERO);
            q.put(pt.period(), qp);
          }
        } else if (e.allocation() == TierAllocation.PROPORTIONAL) {
          // "the bill total T goes through the tiers; each period gets usage_p / T of every tier"
          for (PeriodTiers pt : e.periods()) {
            BigDecimal[] qt = block(total, energyBounds(g, pt));
            BigDecimal u = usage.getOrDefault(pt.period(), BigDecimal.ZERO);
            BigDecimal[] qp = new BigDecimal[qt.length];
            for (int k = 0; k < qp.length; k++) {
              qp[k] = total.signum() == 0 ? BigDecimal.ZERO : qt[k].multiply(u).divide(total, MC);
            }
            q.put(pt.period(), qp);
          }
        } else {
          // "one counter over the bill in time order; each interval is priced at its own period's rate of the tier
          // the counter is in; an interval crossing a bound is split exactly at the bound."
          if (netMetering) {
            throw new UnsupportedOperationException("chronological tiers under net metering");
          }
          for (PeriodTiers pt : e.periods()) {
            q.put(pt.period(), zeros(pt.tiers().size()));
          }
          BigDecimal counter = BigDecimal.ZERO;
          for (int i = g.from; i < g.to; i++) {
            int p = periodOf(sch, i);
            Optional<PeriodTiers> pt = e.tiersOf(p);
            if (pt.isEmpty()) {
              throw new UnsupportedOperationException("a period the charge does not price");
            }
            @Nullable BigDecimal[] upper = energyBounds(g, pt.get());
            BigDecimal left = charged(g.v, i);
            while (left.signum() > 0) {
              int k = tierOfCounter(counter, upper);
              BigDecimal room = k == upper.length - 1 || upper[k] == null ? left : upper[k].subtract(counter);
              BigDecimal take = left.min(room);
              BigDecimal[] qk = Objects.requireNonNull(q.get(p));
              qk[k] = qk[k].add(take);
              counter = counter.add(take);
              left = left.subtract(take);
            }
          }
        }
      }
      for (PeriodTiers pt : e.periods()) {
        BigDecimal[] qp = Objects.requireNonNull(q.get(pt.period()));
        for (int k = 0; k < qp.length; k++) {
          if (qp[k].signum() != 0) {
            BigDecimal rate = pt.tiers().get(k).rate().multiply(g.esc);
            add(e.id(), LineKind.ENERGY, name(sch, pt.period()), tierLabel(pt, k), qp[k].multiply(rate), g.rm(),
                qp[k].stripTrailingZeros().toPlainString() + " kWh x " + rate.toPlainString());
          }
        }
      }
      // "A price series adds Σ charged_i × price_i"
      if (e.priceSeries().isPresent()) {
        if (netMetering) {
          throw new UnsupportedOperationException("price series under net metering");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = g.from; i < g.to; i++) {
          BigDecimal price = e.priceSeries().get().priceAt(start[i]).orElseThrow();
          sum = sum.add(charged(g.v, i).multiply(price));
        }
        add(e.id(), LineKind.ENERGY, Optional.empty(), Optional.empty(), sum.multiply(g.esc), g.rm(),
            "price series");
      }
    }

    /** The tier a counter is in: the first whose bound it has not reached. */
    static int tierOfCounter(BigDecimal counter, @Nullable BigDecimal[] upper) {
      for (int k = 0; k < upper.length - 1; k++) {
        if (upper[k] != null && counter.compareTo(upper[k]) < 0) {
          return k;
        }
      }
      return upper.length - 1;
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
      // credit by (period name, tier)
      List<Object[]> credits = new ArrayList<>();
      switch (er.kind()) {
        case FLAT: {
          BigDecimal sum = BigDecimal.ZERO;
          for (int i = g.from; i < g.to; i++) {
            sum = sum.add(exported(g.v, i));
          }
          BigDecimal rate = er.flatRate().orElseThrow().multiply(g.esc);
          credits.add(new Object[] {Optional.empty(), Optional.empty(), sum.multiply(rate),
              sum.toPlainString() + " kWh x " + rate.toPlainString()});
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
            credits.add(new Object[] {Optional.of(s.periodNames().get(en.getKey())), Optional.empty(),
                en.getValue().multiply(rate), en.getValue().toPlainString() + " kWh x " + rate.toPlainString()});
          }
          break;
        }
        case TIME_SERIES: {
          BigDecimal sum = BigDecimal.ZERO;
          for (int i = g.from; i < g.to; i++) {
            sum = sum.add(exported(g.v, i).multiply(er.series().orElseThrow().priceAt(start[i]).orElseThrow()));
          }
          credits.add(new Object[] {Optional.empty(), Optional.empty(), sum.multiply(g.esc), "export prices"});
          break;
        }
        default: {
          EnergyCharge e = g.v.energyCharges().get(0);
          if (e.counter() != TierCounter.PER_PERIOD) {
            throw new UnsupportedOperationException("tier sell rates with an ALL_PERIODS counter");
          }
          Map<Integer, BigDecimal> byPeriod = new TreeMap<>();
          for (int i = g.from; i < g.to; i++) {
            byPeriod.merge(periodOf(e.schedule(), i), exported(g.v, i), BigDecimal::add);
          }
          for (PeriodTiers pt : e.periods()) {
            BigDecimal u = byPeriod.getOrDefault(pt.period(), BigDecimal.ZERO);
            @Nullable BigDecimal[] upper = energyBounds(g, pt);
            BigDecimal[] q = e.mode() == TierMode.BLOCK ? block(u, upper) : volume(u, upper);
            for (int k = 0; k < q.length; k++) {
              BigDecimal sell = pt.tiers().get(k).sellRate().orElse(BigDecimal.ZERO).multiply(g.esc);
              if (q[k].signum() != 0) {
                credits.add(new Object[] {name(e.schedule(), pt.period()), tierLabel(pt, k), q[k].multiply(sell),
                    q[k].toPlainString() + " kWh x " + sell.toPlainString()});
              }
            }
          }
        }
      }
      for (Object[] c : credits) {
        BigDecimal value = (BigDecimal) c[2];
        if (nm.get().carry() == CreditCarry.MONEY) {
          g.ownCredit = g.ownCredit.add(value);
        } else if (value.signum() != 0) {
          @SuppressWarnings("unchecked")
          Optional<String> tou = (Optional<String>) c[0];
          @SuppressWarnings("unchecked")
          Optional<Integer> tier = (Optional<Integer>) c[1];
          add(CREDIT, LineKind.EXPORT_CREDIT, tou, tier, value.negate(), g.rm(), (String) c[3]);
        }
      }
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
            exact = g.prorate(billingDemandOrPeak(g.v).multiply(rate));
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
