package io.github.gridbill.rating;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
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
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** The cold half of rating: turns per-key integer totals into priced, explained bill lines and the next state. */
final class BillAssembler {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final RatingPlan plan;
  private final MeterSource source;
  private final BillingState state;
  private final SegmentTotals[] totals;
  private final Tariff tariff;
  private final CurrencyUnit currency;
  private final int perHour;
  private final List<BillLine> lines = new ArrayList<>();
  private final YearMonth billMonth;

  // bill-level determinants
  private long flatPeakMwh;
  private int flatPeakIndex = -1;
  private @Nullable Power billingDemand;
  private Power referencePeak = Power.zero();

  // net metering bookkeeping
  /** The exact sum of the energy lines (what credits offset). */
  private BigDecimal energyExact = BigDecimal.ZERO;
  /** The sum of the energy lines as rounded on the bill (what a full offset shows). */
  private BigDecimal energyShown = BigDecimal.ZERO;
  private BigDecimal moneyEarned = BigDecimal.ZERO;
  private final Map<Integer, Long> bankAfterByPeriod = new TreeMap<>();
  private long kwhBankUsedMwh;
  private long kwhBankedMwh;
  private long netTotalMwh; // import − export over the bill (all periods)

  BillAssembler(RatingPlan plan, MeterSource source, BillingState state) {
    this.plan = plan;
    this.source = source;
    this.state = state;
    this.totals = new SegmentTotals[plan.segments.size()];
    for (int s = 0; s < totals.length; s++) {
      totals[s] = source.totals(s);
    }
    this.tariff = plan.tariff();
    this.currency = tariff.currency();
    this.perHour = plan.intervalLength().perHour();
    this.billMonth = YearMonth.from(plan.period().endExclusive().minusDays(1));
  }

  RatedBill assemble() {
    SegmentPlan last = plan.segments.get(plan.segments.size() - 1);
    TariffVersion lastV = last.version;
    computePeaks();
    lastV.ratchet().ifPresent(r -> billingDemand = ratchet(r));
    Optional<NetMeteringRule> nm = lastV.netMetering();

    Map<Integer, Long> bankBefore = bankForThisBill(plan.segments.get(0));
    long bankBeforeTotal = bankBefore.values().stream().mapToLong(Long::longValue).sum();
    for (int s = 0; s < plan.segments.size(); s++) {
      SegmentPlan sp = plan.segments.get(s);
      rateSegment(sp, s, totals[s], s == 0 ? bankBefore : Map.of());
    }

    // money bank: credits offset energy charges only, the rest carries
    BigDecimal moneyBefore = state.moneyBank();
    BigDecimal moneyApplied = BigDecimal.ZERO;
    BigDecimal moneyAfter = moneyBefore;
    BigDecimal trueUpPaid = BigDecimal.ZERO;
    BigDecimal trueUpForfeited = BigDecimal.ZERO;
    Energy nettingSurplus = state.nettingYearSurplus();
    boolean trueUpBill = nm.flatMap(NetMeteringRule::trueUpMonth).map(m -> m == billMonth.getMonth()).orElse(false);
    NetMeteringRule rule = nm.orElse(null);
    if (rule != null && rule.mode() == NetMeteringMode.NET_METERING) {
      long surplusBefore = state.nettingYearSurplus().milliwattHours();
      nettingSurplus = Energy.ofMilliwattHours(Math.max(surplusBefore - netTotalMwh, 0));
      boolean samJanuary = lastV.conventions().trueUpBasis() == TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP
          && billMonth.getMonth() == java.time.Month.JANUARY && state.lastPeriodEnd().isPresent()
          && rule.trueUpMonth().map(m -> m != java.time.Month.DECEMBER).orElse(false);
      if (samJanuary) {
        nettingSurplus = state.nettingYearSurplus(); // SAM carries December's figure into January unchanged
      }
    }
    BigDecimal rollOverValue = BigDecimal.ZERO;
    if (rule != null && rule.carry() == CreditCarry.KWH && trueUpBill
        && rule.trueUpSettlement() == TrueUpSettlement.ROLL_OVER) {
      rollOverValue = kwhTrueUpKwh(nettingSurplus).multiply(surplusRate(rule, last));
    }
    if (rule != null && (rule.carry() == CreditCarry.MONEY || rollOverValue.signum() > 0 || moneyBefore.signum() > 0)) {
      BigDecimal own = rule.carry() == CreditCarry.MONEY ? moneyEarned : BigDecimal.ZERO;
      if (own.signum() < 0) {
        // exports at negative prices cost money: a charge on this bill, nothing banked
        addLine(line(lastV, "net-metering", LineKind.EXPORT_CREDIT, "Exports at negative prices", last.period(), null,
            null, null, null, own.negate(), IntervalSelector.NONE, 0, 0));
        moneyEarned = BigDecimal.ZERO;
        own = BigDecimal.ZERO;
      }
      BigDecimal avail = moneyBefore.add(rollOverValue).add(rule.creditsOffsetSameBill() ? own : BigDecimal.ZERO);
      BigDecimal use = avail.min(energyExact.max(BigDecimal.ZERO));
      moneyApplied = use;
      moneyAfter = avail.subtract(use).add(rule.creditsOffsetSameBill() ? BigDecimal.ZERO : own);
      if (use.signum() > 0) {
        BillLine credit = line(lastV, "net-metering", LineKind.EXPORT_CREDIT,
            creditAppliedText(own, moneyBefore, rollOverValue), last.period(), null, null, null, null, use.negate(),
            IntervalSelector.NONE, 0, 0);
        if (use.compareTo(energyExact) == 0) {
          // a full offset is shown as the energy lines' rounded sum, so that they net to exactly zero on the bill
          credit = credit.withAmount(Money.of(currency, energyShown.negate()));
        }
        addLine(credit);
      }
    }

    // minimum charges (on the bill before taxes and true-up; two-meter export credits do not count)
    BigDecimal basis = BigDecimal.ZERO;
    boolean twoMeters = rule != null && rule.mode() == NetMeteringMode.BUY_ALL_SELL_ALL;
    for (BillLine l : lines) {
      if (!(twoMeters && l.kind() == LineKind.EXPORT_CREDIT)) {
        basis = basis.add(l.exactAmount());
      }
    }
    basis = basis.max(BigDecimal.ZERO);
    // the year-to-date of bills before minimums counts every bill, whatever its version says
    BigDecimal minimumYtd = state.minimumYearToDate().add(basis);
    BigDecimal monthly = BigDecimal.ZERO;
    String minId = null;
    for (SegmentPlan sp : plan.segments) {
      Optional<MinimumCharge> m = sp.version.minimumCharge();
      if (m.isPresent() && m.get().monthly().isPresent()) {
        monthly = monthly.add(prorate(m.get().monthly().get().multiply(sp.escalation), sp));
        minId = m.get().id();
      }
    }
    if (minId != null && basis.compareTo(monthly) < 0) {
      addLine(line(lastV, minId, LineKind.MINIMUM,
          "Monthly minimum " + fmtMoney(monthly) + " (bill before minimum " + fmtMoney(basis) + ")", plan.period(),
          null, null, null, null, monthly.subtract(basis), IntervalSelector.NONE, 0, 0));
    }
    Optional<MinimumCharge> min = lastV.minimumCharge();
    if (billMonth.getMonth() == min.map(MinimumCharge::annualSettlementMonth).orElse(java.time.Month.DECEMBER)) {
      if (min.isPresent() && min.get().annual().isPresent()) {
        BigDecimal annual = min.get().annual().get().multiply(last.escalation);
        if (minimumYtd.compareTo(annual) < 0) {
          addLine(line(lastV, min.get().id(), LineKind.MINIMUM,
              "Annual minimum " + fmtMoney(annual) + " (year's bills before minimums " + fmtMoney(minimumYtd) + ")",
              plan.period(), null, null, null, null, annual.subtract(minimumYtd), IntervalSelector.NONE, 0, 0));
        }
      }
      minimumYtd = BigDecimal.ZERO;
    }

    // true-up
    Map<Integer, Long> bankAfter = new TreeMap<>(bankAfterByPeriod);
    if (rule != null && trueUpBill) {
      TrueUpSettlement settle = rule.trueUpSettlement();
      if (rule.carry() == CreditCarry.KWH) {
        BigDecimal kwh = kwhTrueUpKwh(nettingSurplus);
        BigDecimal value = kwh.multiply(surplusRate(rule, last));
        if (settle == TrueUpSettlement.PAY || settle == TrueUpSettlement.PAY_AND_ROLL_OVER) {
          trueUpPaid = value;
          if (value.signum() != 0) {
            addLine(line(lastV, "true-up", LineKind.EXPORT_CREDIT, "True-up: surplus paid", plan.period(), null, null,
                Quantity.of(kwh, Unit.KWH), surplusRate(rule, last), value.negate(), IntervalSelector.NONE, 0, 0));
          }
        } else if (settle == TrueUpSettlement.FORFEIT) {
          trueUpForfeited = value;
        }
        if (settle != TrueUpSettlement.PAY_AND_ROLL_OVER) {
          bankAfter.clear();
          nettingSurplus = Energy.zero();
        }
      } else if (rule.carry() == CreditCarry.MONEY) {
        if (settle == TrueUpSettlement.PAY || settle == TrueUpSettlement.PAY_AND_ROLL_OVER) {
          trueUpPaid = moneyAfter;
          if (moneyAfter.signum() != 0) {
            addLine(line(lastV, "true-up", LineKind.EXPORT_CREDIT, "True-up: credit balance paid", plan.period(), null,
                null, null, null, moneyAfter.negate(), IntervalSelector.NONE, 0, 0));
          }
        } else if (settle == TrueUpSettlement.FORFEIT) {
          trueUpForfeited = moneyAfter;
        }
        if (settle == TrueUpSettlement.PAY || settle == TrueUpSettlement.FORFEIT) {
          moneyAfter = BigDecimal.ZERO;
        }
        nettingSurplus = Energy.zero();
      }
    }

    // taxes
    taxes(lastV);

    BillingState.Builder next = BillingState.builder()
        .moneyBank(moneyAfter)
        .nettingYearSurplus(nettingSurplus)
        .minimumYearToDate(minimumYtd)
        .lastPeriodEnd(plan.period().endExclusive());
    boolean byHour = lastV.conventions().kwhBankTransfer() == KwhBankTransfer.SAME_HOURS;
    next.kwhBankByHour(byHour);
    if (rule != null && rule.carry() == CreditCarry.KWH) {
      Map<Integer, Energy> bank = new TreeMap<>();
      for (Map.Entry<Integer, Long> e : bankAfter.entrySet()) {
        if (e.getValue() <= 0) {
          continue;
        }
        if (byHour) {
          int[] hp = last.bankHourPeriods;
          for (int h = 0; h < hp.length; h++) {
            if (hp[h] == e.getKey()) {
              bank.merge(h, Energy.ofMilliwattHours(e.getValue()), Energy::plus);
              break;
            }
          }
        } else {
          bank.put(e.getKey(), Energy.ofMilliwattHours(e.getValue()));
        }
      }
      next.kwhBank(bank);
    }
    List<DemandRecord> history = new ArrayList<>(state.demandHistory());
    Power peak = Power.ofMilliwatts(flatPeakMwh * perHour);
    Power bd = billingDemand;
    history.add(DemandRecord.of(billMonth, peak, referencePeak, bd == null ? peak : bd));
    while (history.size() > 36) {
      history.remove(0);
    }
    next.demandHistory(history);

    Bill.Builder bill = Bill.builder()
        .meterId(source.meterId())
        .tariffId(tariff.id())
        .tariffName(tariff.name())
        .period(plan.period())
        .currency(currency)
        .lines(lines)
        .intervalCount(plan.grid().count())
        .estimatedIntervals(estimated())
        .totalImport(sumOver(true))
        .totalExport(sumOver(false))
        .peakDemand(peak);
    if (bd != null) {
      bill.billingDemand(bd);
    }
    if (rule != null) {
      long after = 0;
      for (long v : bankAfter.values()) {
        after += Math.max(v, 0);
      }
      bill.netMetering(NetMeteringSummary.builder()
          .kwhBankBefore(Energy.ofMilliwattHours(bankBeforeTotal))
          .kwhBankUsed(Energy.ofMilliwattHours(kwhBankUsedMwh))
          .kwhBanked(Energy.ofMilliwattHours(kwhBankedMwh))
          .kwhBankAfter(Energy.ofMilliwattHours(rule.carry() == CreditCarry.KWH ? after : 0))
          .moneyBankBefore(moneyBefore)
          .moneyEarned(moneyEarned)
          .moneyApplied(moneyApplied)
          .moneyBankAfter(moneyAfter)
          .trueUpPaid(trueUpPaid)
          .trueUpForfeited(trueUpForfeited)
          .build());
    }
    return RatedBill.of(bill.build(), next.build());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // demand

  private void computePeaks() {
    for (int s = 0; s < totals.length; s++) {
      SegmentTotals t = totals[s];
      for (int k = 0; k < t.maxImp.length; k++) {
        if (t.maxImpIndex[k] >= 0 && (flatPeakIndex < 0 || t.maxImp[k] > flatPeakMwh)) {
          flatPeakMwh = t.maxImp[k];
          flatPeakIndex = t.maxImpIndex[k];
        }
      }
    }
    referencePeak = Power.ofMilliwatts(flatPeakMwh * perHour);
  }

  /** Peak (mWh per interval) over the keys of a segment whose demand period of charge d is p; -1 if none. */
  private static long periodPeak(SegmentPlan sp, SegmentTotals t, int d, int p) {
    long max = -1;
    for (int k = 0; k < sp.keyCount; k++) {
      if (sp.demandPeriodOfKey[d][k] == p) {
        max = Math.max(max, t.maxImp[k]);
      }
    }
    return max;
  }

  /**
   * The peak over the whole bill of the intervals in period p of the demand charge with this id (each segment mapping
   * its own intervals with its own version's schedule); -1 if no interval of the bill is in that period.
   */
  private long billPeriodPeak(String chargeId, int p) {
    long max = -1;
    for (int s = 0; s < plan.segments.size(); s++) {
      SegmentPlan sp = plan.segments.get(s);
      for (int d = 0; d < sp.demand.size(); d++) {
        if (sp.demand.get(d).id().equals(chargeId) && sp.demand.get(d).schedule().isPresent()) {
          max = Math.max(max, periodPeak(sp, totals[s], d, p));
        }
      }
    }
    return max;
  }

  private Power ratchet(Ratchet r) {
    // the peak the ratchet looks at this month: its demand periods' peaks (first TOU demand charge) over the whole
    // bill (every segment that has the charge), else the flat peak
    long ref = flatPeakMwh;
    if (!r.demandPeriods().isEmpty()) {
      long periodsPeak = -1;
      for (int s = 0; s < plan.segments.size(); s++) {
        SegmentPlan sp = plan.segments.get(s);
        for (int d = 0; d < sp.demand.size(); d++) {
          DemandCharge dc = sp.demand.get(d);
          if (r.demandCharge().map(id -> id.equals(dc.id())).orElse(dc.schedule().isPresent())) {
            for (int p : r.demandPeriods()) {
              periodsPeak = Math.max(periodsPeak, Math.max(periodPeak(sp, totals[s], d, p), 0));
            }
            break;
          }
        }
      }
      if (periodsPeak >= 0) {
        ref = periodsPeak;
      }
    }
    referencePeak = Power.ofMilliwatts(ref * perHour);
    BigDecimal cur = referencePeak.toKilowatts();
    int m = billMonth.getMonthValue() - 1;
    BigDecimal bd = r.minimumKw();
    List<DemandRecord> hist = state.demandHistory();
    if (r.reference() == RatchetReference.SAM_BILLING_DEMAND) {
      // each looked-back month at its own percentage; the window reaches one month further into the previous year
      int lookback = r.lookbackMonths();
      for (DemandRecord h : hist) {
        long monthsBack = billMonth.getYear() * 12L + billMonth.getMonthValue() - (h.month().getYear() * 12L
            + h.month().getMonthValue());
        boolean prevYear = h.month().getYear() < billMonth.getYear();
        long limit = prevYear && m <= lookback ? lookback + 1 : lookback;
        if (monthsBack >= 1 && monthsBack <= limit) {
          BigDecimal pct = r.percentByMonth().get(h.month().getMonthValue() - 1);
          bd = bd.max(h.referencePeak().toKilowatts().multiply(pct).movePointLeft(2));
        }
      }
      bd = bd.max(cur.multiply(r.percentByMonth().get(m)).movePointLeft(2));
      if (r.includeCurrentPeakByMonth().get(m)) {
        bd = bd.max(cur);
      }
    } else {
      BigDecimal pct = r.percentByMonth().get(m);
      BigDecimal prevMax = BigDecimal.ZERO;
      for (DemandRecord h : hist) {
        long monthsBack = billMonth.getYear() * 12L + billMonth.getMonthValue() - (h.month().getYear() * 12L
            + h.month().getMonthValue());
        if (monthsBack >= 1 && monthsBack <= r.lookbackMonths()) {
          Power x = r.reference() == RatchetReference.BILLED_DEMAND ? h.billedDemand() : h.referencePeak();
          prevMax = prevMax.max(x.toKilowatts());
        }
      }
      bd = bd.max(prevMax.multiply(pct).movePointLeft(2));
      if (r.includeCurrentPeakByMonth().get(m)) {
        bd = bd.max(cur);
      }
    }
    return Power.ofKilowatts(bd, RoundingMode.HALF_UP);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // one segment

  private void rateSegment(SegmentPlan sp, int segment, SegmentTotals t, Map<Integer, Long> bank) {
    TariffVersion v = sp.version;
    NetMeteringRule rule = v.netMetering().orElse(null);
    NetMeteringMode mode = rule == null ? null : rule.mode();

    for (FixedCharge f : v.fixedCharges()) {
      BigDecimal amt = f.amount().multiply(sp.escalation);
      if (f.basis() == FixedChargeBasis.PER_DAY) {
        addLine(line(v, f.id(), LineKind.FIXED, f.description(), sp.period(), null, null,
            Quantity.of(sp.segDays, Unit.DAY), amt, amt.multiply(BigDecimal.valueOf(sp.segDays)), IntervalSelector.NONE,
            0, 0));
      } else {
        BigDecimal months = sp.prorated()
            ? BigDecimal.valueOf(sp.segDays).divide(BigDecimal.valueOf(sp.billDays), TierTable.MC) : BigDecimal.ONE;
        addLine(line(v, f.id(), LineKind.FIXED, f.description(), sp.period(), null, null,
            Quantity.of(months, Unit.MONTH), amt, prorate(amt, sp), IntervalSelector.NONE, 0, 0));
      }
    }

    // demand is measured over the whole bill (one demand reading per bill), then prorated by days in a split bill
    long segPeak = flatPeakMwh;
    // kWh/kW bounds: the bill's one billing demand (its last version's ratchet) where this version asks for it
    BigDecimal tierDemandKw = (plan.perKwTiersUseBillingDemand(sp)
        ? Objects.requireNonNull(billingDemand, "billingDemand") : Power.ofMilliwatts(segPeak * perHour)).toKilowatts();

    // energy: what each key charges
    long[] charged = mode == NetMeteringMode.NET_BILLING ? t.netImp : t.imp;
    Map<Integer, Long> nmCharged = null;
    Map<Integer, Long> nmSurplus = null;
    if (mode == NetMeteringMode.NET_METERING) {
      nmCharged = new TreeMap<>();
      nmSurplus = new TreeMap<>();
      Map<Integer, Long> net = new TreeMap<>();
      for (int k = 0; k < sp.keyCount; k++) {
        int p = sp.energyPeriodOfKey.length == 0 ? 0 : sp.energyPeriodOfKey[0][k];
        net.merge(p, t.imp[k] - t.exp[k], Long::sum);
        netTotalMwh += t.imp[k] - t.exp[k];
      }
      for (Map.Entry<Integer, Long> b : bank.entrySet()) {
        net.merge(b.getKey(), -b.getValue(), Long::sum);
      }
      for (Map.Entry<Integer, Long> e : net.entrySet()) {
        long n = e.getValue();
        long r = bank.getOrDefault(e.getKey(), 0L);
        long grossNet = n + r;
        kwhBankUsedMwh += Math.max(0, Math.min(r, grossNet));
        nmCharged.put(e.getKey(), Math.max(n, 0));
        nmSurplus.put(e.getKey(), Math.max(-n, 0));
      }
    }

    for (int c = 0; c < sp.energy.size(); c++) {
      EnergyCharge ec = sp.energy.get(c);
      // time-series prices
      PriceTable prices = sp.energyPrices[c];
      if (prices != null) {
        BigDecimal amt = source.priceAmount(segment, sp, prices, mode == NetMeteringMode.NET_BILLING, true)
            .multiply(sp.escalation);
        long kwh = 0;
        for (long x : charged) {
          kwh += x;
        }
        BigDecimal q = kwh(kwh);
        addLine(line(v, ec.id(), LineKind.ENERGY, ec.description() + ", at interval prices", sp.period(), null, null,
            Quantity.of(q, Unit.KWH), q.signum() == 0 ? null : amt.divide(q, 6, RoundingMode.HALF_UP), amt,
            keySelector(sp, 0, -1), nonActual(t, sp, 0, -1), methods(t, sp, 0, -1)));
      }
      Map<Integer, TierTable> tables = new LinkedHashMap<>();
      for (PeriodTiers pt : ec.periods()) {
        tables.put(pt.period(), sp.energyTiers(pt, tierDemandKw));
      }
      // usage per period
      Map<Integer, Long> usage = new TreeMap<>();
      if (nmCharged != null) {
        usage.putAll(nmCharged);
      } else {
        for (int k = 0; k < sp.keyCount; k++) {
          usage.merge(sp.energyPeriodOfKey[c][k], charged[k], Long::sum);
        }
      }
      boolean allPeriods = ec.counter() == TierCounter.ALL_PERIODS;
      if (allPeriods && ec.allocation() == TierAllocation.CHRONOLOGICAL && ec.mode() == TierMode.BLOCK
          && anyTiered(tables)) {
        chronological(sp, segment, t, c, ec, tables, mode == NetMeteringMode.NET_BILLING, false);
        continue;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (long u : usage.values()) {
        total = total.add(kwh(u));
      }
      for (Map.Entry<Integer, Long> e : usage.entrySet()) {
        int p = e.getKey();
        TierTable tt = tables.get(p);
        if (tt == null) {
          continue; // the charge does not price this period
        }
        BigDecimal u = kwh(e.getValue());
        BigDecimal[] q;
        if (!allPeriods) {
          q = ec.mode() == TierMode.VOLUME ? volume(tt, u, u) : tt.block(u);
        } else if (ec.mode() == TierMode.VOLUME) {
          q = volume(tt, total, u);
        } else {
          q = proportional(tt, total, u);
        }
        boolean rtp = prices != null;
        for (int i = 0; i < q.length; i++) {
          if (q[i].signum() == 0 && (tt.tiered() || u.signum() != 0 || rtp)) {
            continue;
          }
          if (rtp && tt.rate[i].signum() == 0) {
            continue;
          }
          addLine(line(v, ec.id(), LineKind.ENERGY, energyText(ec, p, tt, i), sp.period(), periodName(ec, p),
              tt.tiered() ? tt.tierNo[i] : null, Quantity.of(q[i], Unit.KWH), tt.rate[i], q[i].multiply(tt.rate[i]),
              keySelector(sp, c, p), nonActual(t, sp, c, p), methods(t, sp, c, p)));
        }
      }
    }

    // exports
    if (rule != null && mode == NetMeteringMode.NET_METERING && nmSurplus != null) {
      settleNetMeteringSurplus(sp, rule, nmSurplus, tierDemandKw);
    } else if (rule != null && (mode == NetMeteringMode.NET_BILLING || mode == NetMeteringMode.BUY_ALL_SELL_ALL)) {
      exportCredits(sp, segment, t, rule, mode == NetMeteringMode.NET_BILLING, tierDemandKw);
    }

    // demand
    for (int d = 0; d < sp.demand.size(); d++) {
      DemandCharge dc = sp.demand.get(d);
      for (PeriodTiers pt : dc.periods()) {
        int p = pt.period();
        long pk = dc.schedule().isPresent() ? billPeriodPeak(dc.id(), p) : segPeak;
        if (pk < 0) {
          continue; // period not in this segment
        }
        Power demand = Power.ofMilliwatts(pk * perHour);
        // a BILLING_DEMAND charge bills the billing demand; a TOU one only in the ratchet's demand periods when they
        // are its periods (the charge the ratchet names, else every TOU charge); a flat charge always
        Ratchet r = v.ratchet().orElse(null);
        boolean ratchetCharge = r != null && dc.schedule().isPresent()
            && r.demandCharge().map(id -> id.equals(dc.id())).orElse(true);
        if (dc.basis() == DemandBasis.BILLING_DEMAND && billingDemand != null
            && (r == null || r.demandPeriods().isEmpty() || !ratchetCharge || r.demandPeriods().contains(p))) {
          demand = billingDemand;
        }
        // kW: no proration
        TierTable tt = sp.demandTiers(pt);
        BigDecimal kw = demand.toKilowatts();
        BigDecimal[] q = dc.mode() == TierMode.VOLUME ? volume(tt, kw, kw) : tt.block(kw);
        for (int i = 0; i < q.length; i++) {
          if (q[i].signum() == 0 && tt.tiered()) {
            continue;
          }
          BigDecimal amt = q[i].multiply(tt.rate[i]);
          amt = prorate(amt, sp);
          addLine(line(v, dc.id(), LineKind.DEMAND, demandText(dc, p, tt, i, sp), sp.period(),
              dc.schedule().map(s -> s.periodNames().get(p)).orElse(null), tt.tiered() ? tt.tierNo[i] : null,
              Quantity.of(q[i], Unit.KW), tt.rate[i], amt, peakSelector(dc, p), 0, 0));
        }
      }
    }

    // riders
    for (Rider r : v.riders()) {
      BigDecimal rate = r.rate().multiply(sp.escalation);
      switch (r.kind()) {
        case PER_KWH: {
          long sum = 0;
          if (nmCharged != null) {
            for (long x : nmCharged.values()) {
              sum += x;
            }
          } else {
            for (long x : charged) {
              sum += x;
            }
          }
          BigDecimal q = kwh(sum);
          addLine(line(v, r.id(), LineKind.RIDER, r.description(), sp.period(), null, null, Quantity.of(q, Unit.KWH),
              rate, q.multiply(rate), IntervalSelector.NONE, 0, 0));
          break;
        }
        case PER_KW: {
          BigDecimal kw = (billingDemand != null ? billingDemand : Power.ofMilliwatts(segPeak * perHour))
              .toKilowatts();
          addLine(line(v, r.id(), LineKind.RIDER, r.description(), sp.period(), null, null, Quantity.of(kw, Unit.KW),
              rate, prorate(kw.multiply(rate), sp), IntervalSelector.NONE, 0, 0));
          break;
        }
        case PERCENT: {
          BigDecimal base = BigDecimal.ZERO;
          for (BillLine l : lines) {
            if (r.appliesTo().contains(l.componentId()) && l.segment().equals(sp.period())) {
              base = base.add(l.amount().getAmount());
            }
          }
          addLine(line(v, r.id(), LineKind.RIDER, r.description() + " (" + r.rate().stripTrailingZeros().toPlainString()
              + "% of " + fmtMoney(base) + ")", sp.period(), null, null, Quantity.of(r.rate(), Unit.PERCENT), r.rate(),
              base.multiply(r.rate()).divide(HUNDRED), IntervalSelector.NONE, 0, 0));
          break;
        }
        default:
          addLine(line(v, r.id(), LineKind.RIDER, r.description(), sp.period(), null, null, null, rate,
              prorate(rate, sp), IntervalSelector.NONE, 0, 0));
      }
    }

    // demand response
    List<DemandResponseProgram> programs = v.demandResponsePrograms();
    for (int p = 0; p < programs.size(); p++) {
      DemandResponseProgram prog = programs.get(p);
      for (int e = 0; e < prog.events().size(); e++) {
        int[] w = sp.drEvents[p][e];
        if (w[0] < 0) {
          continue;
        }
        DemandResponseSettlement.EventResult res = source.demandResponse(sp, prog, prog.events().get(e), w[0], w[1]);
        BigDecimal rate = prog.incentiveRate().multiply(sp.escalation);
        BigDecimal amt = res.reductionKwh().multiply(rate).negate();
        int from = w[0];
        int to = w[1];
        addLine(line(v, prog.id(), LineKind.DEMAND_RESPONSE_CREDIT, prog.description() + ", event "
            + prog.events().get(e).id() + " (baseline " + res.baselineKwh().setScale(3, RoundingMode.HALF_UP)
            .toPlainString() + " kWh from " + res.daysUsed() + " days, actual " + res.actualKwh().setScale(3,
            RoundingMode.HALF_UP).toPlainString() + " kWh)", sp.period(), null, null,
            Quantity.of(res.reductionKwh(), Unit.KWH), rate, amt,
            () -> List.of(IntervalRange.of(from, to - from, plan.grid().intervalStart(from), to < plan.grid().count()
                ? plan.grid().intervalStart(to) : plan.grid().end())), 0, 0).withDemandResponse(res.report()));
      }
    }
  }

  private void settleNetMeteringSurplus(SegmentPlan sp, NetMeteringRule rule, Map<Integer, Long> surplus,
      BigDecimal tierDemandKw) {
    long total = 0;
    for (Map.Entry<Integer, Long> e : surplus.entrySet()) {
      total += e.getValue();
    }
    kwhBankedMwh += total;
    if (rule.carry() == CreditCarry.KWH) {
      for (Map.Entry<Integer, Long> e : surplus.entrySet()) {
        if (e.getValue() > 0) {
          bankAfterByPeriod.merge(e.getKey(), e.getValue(), Long::sum);
        }
      }
      return;
    }
    // value the surplus at the export rate, period by period
    ExportRate er = rule.exportRate().orElse(null);
    if (er == null || total == 0) {
      return;
    }
    EnergyCharge ec0 = sp.energy.isEmpty() ? null : sp.energy.get(0);
    BigDecimal tot = kwh(total);
    for (Map.Entry<Integer, Long> e : surplus.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      BigDecimal q = kwh(e.getValue());
      BigDecimal value = BigDecimal.ZERO;
      BigDecimal rate = null;
      switch (er.kind()) {
        case FLAT:
          rate = er.flatRate().orElseThrow().multiply(sp.escalation);
          value = q.multiply(rate);
          break;
        case PER_PERIOD:
          // the export schedule's periods are taken at the netting period's own index
          rate = (e.getKey() < er.periodRates().size() ? er.periodRates().get(e.getKey()) : BigDecimal.ZERO)
              .multiply(sp.escalation);
          value = q.multiply(rate);
          break;
        case TIER_SELL_RATES: {
          if (ec0 == null || ec0.tiersOf(e.getKey()).isEmpty()) {
            break;
          }
          TierTable tt = sp.energyTiers(ec0.tiersOf(e.getKey()).get(), tierDemandKw);
          BigDecimal[] shares = tierShares(ec0, tt, tot, q);
          for (int i = 0; i < shares.length; i++) {
            BigDecimal sell = tt.sell[i];
            if (sell != null) {
              value = value.add(shares[i].multiply(sell));
            }
          }
          break;
        }
        default:
          break;
      }
      if (rule.carry() == CreditCarry.MONEY) {
        moneyEarned = moneyEarned.add(value);
      } else if (value.signum() != 0) {
        String name = ec0 == null ? null : periodName(ec0, e.getKey());
        addLine(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Surplus credited at the export rate"
            + (name == null ? "" : ", " + name), sp.period(), name, null, Quantity.of(q, Unit.KWH), rate,
            value.negate(), IntervalSelector.NONE, 0, 0));
      }
    }
  }

  /** How a period's kWh fill its tiers under the charge's counter and mode. */
  private static BigDecimal[] tierShares(EnergyCharge ec, TierTable tt, BigDecimal total, BigDecimal usage) {
    boolean all = ec.counter() == TierCounter.ALL_PERIODS;
    if (ec.mode() == TierMode.VOLUME) {
      return volume(tt, all ? total : usage, usage);
    }
    return all ? proportional(tt, total, usage) : tt.block(usage);
  }

  private void exportCredits(SegmentPlan sp, int segment, SegmentTotals t, NetMeteringRule rule, boolean net,
      BigDecimal tierDemandKw) {
    ExportRate er = rule.exportRate().orElse(null);
    long[] exp = net ? t.netExp : t.exp;
    long total = 0;
    for (long x : exp) {
      total += x;
    }
    BigDecimal value = BigDecimal.ZERO;
    List<BillLine> credit = new ArrayList<>();
    if (er != null && total > 0) {
      switch (er.kind()) {
        case FLAT: {
          BigDecimal rate = er.flatRate().orElseThrow().multiply(sp.escalation);
          BigDecimal q = kwh(total);
          value = q.multiply(rate);
          credit.add(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Export credit", sp.period(), null,
              null, Quantity.of(q, Unit.KWH), rate, value.negate(), exportSelector(sp, -1), 0, 0));
          break;
        }
        case PER_PERIOD: {
          Map<Integer, Long> byP = new TreeMap<>();
          for (int k = 0; k < sp.keyCount; k++) {
            byP.merge(sp.exportPeriodOfKey[k], exp[k], Long::sum);
          }
          for (Map.Entry<Integer, Long> e : byP.entrySet()) {
            if (e.getValue() == 0) {
              continue;
            }
            BigDecimal rate = er.periodRates().get(e.getKey()).multiply(sp.escalation);
            BigDecimal q = kwh(e.getValue());
            value = value.add(q.multiply(rate));
            credit.add(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Export credit, "
                + er.schedule().orElseThrow().periodNames().get(e.getKey()), sp.period(),
                er.schedule().orElseThrow().periodNames().get(e.getKey()), null, Quantity.of(q, Unit.KWH), rate,
                q.multiply(rate).negate(), exportSelector(sp, e.getKey()), 0, 0));
          }
          break;
        }
        case TIME_SERIES: {
          PriceTable exportPrices = Objects.requireNonNull(sp.exportPrices, "exportPrices");
          BigDecimal amt = source.priceAmount(segment, sp, exportPrices, net, false)
              .multiply(sp.escalation);
          BigDecimal q = kwh(total);
          value = amt;
          credit.add(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Export credit at interval prices",
              sp.period(), null, null, Quantity.of(q, Unit.KWH), amt.divide(q, 6, RoundingMode.HALF_UP),
              amt.negate(), exportSelector(sp, -1), 0, 0));
          break;
        }
        case TIER_SELL_RATES: {
          EnergyCharge ec0 = sp.energy.get(0);
          Map<Integer, TierTable> tables = new LinkedHashMap<>();
          for (PeriodTiers pt : ec0.periods()) {
            tables.put(pt.period(), sp.energyTiers(pt, tierDemandKw));
          }
          if (ec0.counter() == TierCounter.ALL_PERIODS && ec0.allocation() == TierAllocation.CHRONOLOGICAL
              && ec0.mode() == TierMode.BLOCK) {
            int before = lines.size();
            chronological(sp, segment, t, 0, ec0, tables, net, true);
            for (int i = before; i < lines.size(); i++) {
              value = value.add(lines.get(i).exactAmount().negate());
              credit.add(lines.get(i));
            }
            while (lines.size() > before) {
              lines.remove(lines.size() - 1);
            }
          } else {
            Map<Integer, Long> byP = new TreeMap<>();
            for (int k = 0; k < sp.keyCount; k++) {
              byP.merge(sp.energyPeriodOfKey[0][k], exp[k], Long::sum);
            }
            BigDecimal tot = kwh(total);
            for (Map.Entry<Integer, Long> e : byP.entrySet()) {
              TierTable tt = tables.get(e.getKey());
              if (tt == null || e.getValue() == 0) {
                continue;
              }
              BigDecimal[] q = tierShares(ec0, tt, tot, kwh(e.getValue()));
              for (int i = 0; i < q.length; i++) {
                BigDecimal s = tt.sell[i] == null ? BigDecimal.ZERO : tt.sell[i];
                if (q[i].signum() == 0) {
                  continue;
                }
                value = value.add(q[i].multiply(s));
                credit.add(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Export credit, "
                    + periodLabel(ec0, e.getKey()) + (tt.tiered() ? ", tier " + tt.tierNo[i] : ""), sp.period(),
                    periodName(ec0, e.getKey()), tt.tiered() ? tt.tierNo[i] : null, Quantity.of(q[i], Unit.KWH), s,
                    q[i].multiply(s).negate(), keySelector(sp, 0, e.getKey()), 0, 0));
              }
            }
          }
          break;
        }
        default:
          break;
      }
    }
    if (rule.carry() == CreditCarry.MONEY) {
      moneyEarned = moneyEarned.add(value);
    } else {
      for (BillLine l : credit) {
        addLine(l);
      }
    }
  }

  /**
   * Tiers that fill in time order across periods: one counter per bill, each interval priced in its own period at the
   * tier the counter has reached; an interval that crosses a bound is split exactly at it. The source fills the tiers;
   * this emits the lines.
   */
  private void chronological(SegmentPlan sp, int segment, SegmentTotals t, int c, EnergyCharge ec,
      Map<Integer, TierTable> tables, boolean net, boolean exports) {
    ChronoFill fill = source.chrono(segment, sp, c, tables, net, exports);
    for (Map.Entry<Integer, TierTable> e : tables.entrySet()) {
      int p = e.getKey();
      TierTable tt = e.getValue();
      BigDecimal[] kwhP = fill.kwh(p);
      int[][] spansP = fill.spans(p);
      for (int i = 0; i < tt.size(); i++) {
        BigDecimal q = kwhP[i];
        if (q.signum() == 0) {
          continue;
        }
        int[] span = spansP[i];
        if (exports) {
          BigDecimal s = tt.sell[i] == null ? BigDecimal.ZERO : tt.sell[i];
          addLine(line(sp.version, "net-metering", LineKind.EXPORT_CREDIT, "Export credit, " + periodLabel(ec, p)
              + (tt.tiered() ? ", tier " + tt.tierNo[i] : ""), sp.period(), periodName(ec, p),
              tt.tiered() ? tt.tierNo[i] : null, Quantity.of(q, Unit.KWH), s, q.multiply(s).negate(),
              keySelector(sp, c, p, span[0], span[1]), 0, 0));
        } else {
          addLine(line(sp.version, ec.id(), LineKind.ENERGY, energyText(ec, p, tt, i), sp.period(), periodName(ec, p),
              tt.tiered() ? tt.tierNo[i] : null, Quantity.of(q, Unit.KWH), tt.rate[i], q.multiply(tt.rate[i]),
              keySelector(sp, c, p, span[0], span[1]), nonActual(t, sp, c, p), methods(t, sp, c, p)));
        }
      }
    }
  }


  // ---------------------------------------------------------------------------------------------------------------
  // taxes

  private void taxes(TariffVersion v) {
    List<BillLine> base = new ArrayList<>(lines);
    for (TaxRule tax : v.taxes()) {
      boolean eachLine = tax.calculation() == TaxCalculation.PER_LINE;
      BigDecimal taxable = BigDecimal.ZERO;
      BigDecimal perLine = BigDecimal.ZERO;
      for (BillLine l : base) {
        if (l.kind() == LineKind.TAX) {
          continue;
        }
        if (tax.appliesTo().isEmpty() || tax.appliesTo().contains(l.componentId())) {
          taxable = taxable.add(l.amount().getAmount());
          if (eachLine) {
            perLine = perLine.add(l.amount().getAmount().multiply(tax.percent()).divide(HUNDRED)
                .setScale(currency.getDecimalPlaces(), v.roundingMode()));
          }
        }
      }
      BigDecimal amt = eachLine ? perLine : taxable.multiply(tax.percent()).divide(HUNDRED);
      addLine(line(v, tax.id(), LineKind.TAX, tax.description() + " " + tax.percent().stripTrailingZeros()
          .toPlainString() + "% of " + fmtMoney(taxable), plan.period(), null, null,
          Quantity.of(tax.percent(), Unit.PERCENT), tax.percent(), amt, IntervalSelector.NONE, 0, 0));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private Map<Integer, Long> bankForThisBill(SegmentPlan first) {
    Map<Integer, Long> out = new TreeMap<>();
    if (state.kwhBank().isEmpty()) {
      return out;
    }
    for (Map.Entry<Integer, Energy> e : state.kwhBank().entrySet()) {
      int period = e.getKey();
      if (state.kwhBankByHour()) {
        int[] hp = first.bankHourPeriods;
        if (e.getKey() >= hp.length) {
          continue;
        }
        period = hp[e.getKey()];
      }
      out.merge(period, e.getValue().milliwattHours(), Long::sum);
    }
    return out;
  }

  private BigDecimal kwhTrueUpKwh(Energy nettingSurplus) {
    SegmentPlan last = plan.segments.get(plan.segments.size() - 1);
    if (last.version.conventions().trueUpBasis() == TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP) {
      return nettingSurplus.toKilowattHours();
    }
    long sum = 0;
    for (long x : bankAfterByPeriod.values()) {
      sum += Math.max(x, 0);
    }
    return kwh(sum);
  }

  private static BigDecimal surplusRate(NetMeteringRule rule, SegmentPlan sp) {
    return rule.surplusRate().orElse(BigDecimal.ZERO).multiply(sp.escalation);
  }

  private static boolean anyTiered(Map<Integer, TierTable> tables) {
    for (TierTable t : tables.values()) {
      if (t.tiered()) {
        return true;
      }
    }
    return false;
  }

  /** All-units: every kWh of the period at the rate of the tier the (total) usage reaches. */
  private static BigDecimal[] volume(TierTable tt, BigDecimal reachedBy, BigDecimal usage) {
    BigDecimal[] q = new BigDecimal[tt.size()];
    java.util.Arrays.fill(q, BigDecimal.ZERO);
    q[tt.reached(reachedBy)] = usage;
    return q;
  }

  /** One counter for all periods, each tier shared in proportion to the period's share of the total (SAM/ssc). */
  private static BigDecimal[] proportional(TierTable tt, BigDecimal total, BigDecimal usage) {
    if (total.signum() == 0) {
      BigDecimal[] z = new BigDecimal[tt.size()];
      java.util.Arrays.fill(z, BigDecimal.ZERO);
      return z;
    }
    BigDecimal[] all = tt.block(total);
    BigDecimal share = usage.divide(total, TierTable.MC);
    BigDecimal[] q = new BigDecimal[all.length];
    for (int i = 0; i < all.length; i++) {
      q[i] = all[i].multiply(share, TierTable.MC);
    }
    return q;
  }

  private static BigDecimal prorate(BigDecimal v, SegmentPlan sp) {
    return TierTable.prorate(v, sp.segDays, sp.billDays);
  }

  private static BigDecimal kwh(long mwh) {
    return BigDecimal.valueOf(mwh, 6);
  }

  private String fmtMoney(BigDecimal v) {
    return currency.getCode() + " " + v.setScale(currency.getDecimalPlaces(), RoundingMode.HALF_UP).toPlainString();
  }

  private static @Nullable String periodName(EnergyCharge ec, int p) {
    return ec.schedule().map(s -> s.periodNames().get(p)).orElse(null);
  }

  private static String periodLabel(EnergyCharge ec, int p) {
    return ec.schedule().map(s -> s.periodNames().get(p)).orElse("all hours");
  }

  private static String energyText(EnergyCharge ec, int p, TierTable tt, int i) {
    StringBuilder b = new StringBuilder(ec.description());
    ec.schedule().ifPresent(s -> b.append(", ").append(s.periodNames().get(p)));
    if (tt.tiered()) {
      b.append(", tier ").append(tt.tierNo[i]);
    }
    return b.toString();
  }

  private static String demandText(DemandCharge dc, int p, TierTable tt, int i, SegmentPlan sp) {
    StringBuilder b = new StringBuilder(dc.description());
    dc.schedule().ifPresent(s -> b.append(", ").append(s.periodNames().get(p)));
    if (tt.tiered()) {
      b.append(", tier ").append(tt.tierNo[i]);
    }
    if (sp.prorated()) {
      b.append(" (").append(sp.segDays).append('/').append(sp.billDays).append(" days)");
    }
    return b.toString();
  }

  private String creditAppliedText(BigDecimal own, BigDecimal carried, BigDecimal rolled) {
    StringBuilder b = new StringBuilder("Credit applied to energy charges");
    if (carried.signum() > 0) {
      b.append(", carried ").append(fmtMoney(carried));
    }
    if (own.signum() > 0) {
      b.append(", earned this bill ").append(fmtMoney(own));
    }
    if (rolled.signum() > 0) {
      b.append(", true-up roll-over ").append(fmtMoney(rolled));
    }
    return b.toString();
  }

  private int nonActual(SegmentTotals t, SegmentPlan sp, int c, int p) {
    int n = 0;
    for (int k = 0; k < sp.keyCount; k++) {
      if (p < 0 || sp.energyPeriodOfKey[c][k] == p) {
        n += t.nonActual[k];
      }
    }
    return n;
  }

  private int methods(SegmentTotals t, SegmentPlan sp, int c, int p) {
    int m = 0;
    for (int k = 0; k < sp.keyCount; k++) {
      if (p < 0 || sp.energyPeriodOfKey[c][k] == p) {
        m |= t.methodMask[k];
      }
    }
    return m;
  }

  private int estimated() {
    int n = 0;
    for (SegmentTotals t : totals) {
      for (int x : t.nonActual) {
        n += x;
      }
    }
    return n;
  }

  private Energy sumOver(boolean imports) {
    long s = 0;
    for (SegmentTotals t : totals) {
      for (long x : imports ? t.imp : t.exp) {
        s += x;
      }
    }
    return Energy.ofMilliwattHours(s);
  }

  private IntervalSelector keySelector(SegmentPlan sp, int c, int p) {
    return keySelector(sp, c, p, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private IntervalSelector keySelector(SegmentPlan sp, int c, int p, int from, int to) {
    RatingPlan pl = plan;
    return () -> {
      List<IntervalRange> out = new ArrayList<>();
      for (int r = 0; r < sp.runStart.length; r++) {
        if (p >= 0 && sp.energyPeriodOfKey.length > c && sp.energyPeriodOfKey[c][sp.runKey[r]] != p) {
          continue;
        }
        addRange(out, pl, Math.max(sp.runStart[r], from), Math.min(sp.runEnd[r], to));
      }
      return out;
    };
  }

  private IntervalSelector exportSelector(SegmentPlan sp, int p) {
    RatingPlan pl = plan;
    return () -> {
      List<IntervalRange> out = new ArrayList<>();
      for (int r = 0; r < sp.runStart.length; r++) {
        if (p < 0 || sp.exportPeriodOfKey[sp.runKey[r]] == p) {
          addRange(out, pl, sp.runStart[r], sp.runEnd[r]);
        }
      }
      return out;
    };
  }

  /** The interval that set a demand line's peak (over the whole bill). */
  private IntervalSelector peakSelector(DemandCharge dc, int p) {
    int best = -1;
    long max = -1;
    if (dc.schedule().isEmpty()) {
      best = flatPeakIndex;
    } else {
      for (int s = 0; s < plan.segments.size(); s++) {
        SegmentPlan sp = plan.segments.get(s);
        SegmentTotals t = totals[s];
        for (int d = 0; d < sp.demand.size(); d++) {
          if (!sp.demand.get(d).id().equals(dc.id())) {
            continue;
          }
          for (int k = 0; k < sp.keyCount; k++) {
            if (sp.demandPeriodOfKey[d][k] == p && t.maxImpIndex[k] >= 0 && t.maxImp[k] > max) {
              max = t.maxImp[k];
              best = t.maxImpIndex[k];
            }
          }
        }
      }
    }
    if (best < 0) {
      return IntervalSelector.NONE;
    }
    int idx = best;
    RatingPlan pl = plan;
    return () -> {
      List<IntervalRange> out = new ArrayList<>();
      addRange(out, pl, idx, idx + 1);
      return out;
    };
  }

  private static void addRange(List<IntervalRange> out, RatingPlan pl, int from, int to) {
    if (to <= from) {
      return;
    }
    if (!out.isEmpty()) {
      IntervalRange last = out.get(out.size() - 1);
      if (last.firstIndex() + last.count() == from) {
        out.set(out.size() - 1, IntervalRange.of(last.firstIndex(), last.count() + to - from, last.startInclusive(),
            end(pl, to)));
        return;
      }
    }
    out.add(IntervalRange.of(from, to - from, pl.grid().intervalStart(from), end(pl, to)));
  }

  private static java.time.Instant end(RatingPlan pl, int to) {
    return to < pl.grid().count() ? pl.grid().intervalStart(to) : pl.grid().end();
  }

  private BillLine line(TariffVersion v, String component, LineKind kind, String text, BillingPeriod seg,
      @Nullable String period, @Nullable Integer tier, @Nullable Quantity q, @Nullable BigDecimal rate,
      BigDecimal exact, IntervalSelector sel, int estimated, int methodMask) {
    BillLine.Builder b = BillLine.builder()
        .componentId(component)
        .kind(kind)
        .description(text)
        .segment(seg)
        .exactAmount(exact)
        .amount(Money.of(currency, exact, v.roundingMode()))
        .selector(sel)
        .estimatedIntervals(estimated);
    if (period != null) {
      b.touPeriod(period);
    }
    if (tier != null) {
      b.tier(tier);
    }
    if (q != null) {
      b.quantity(q);
    }
    if (rate != null) {
      b.rate(rate);
    }
    if (methodMask != 0) {
      Set<EstimationMethod> ms = EnumSet.noneOf(EstimationMethod.class);
      for (EstimationMethod m : EstimationMethod.values()) {
        if ((methodMask & (1 << m.code())) != 0) {
          ms.add(m);
        }
      }
      b.estimationMethods(ms);
    }
    return b.build();
  }

  private void addLine(BillLine l) {
    if (l.componentId().isEmpty()) {
      return;
    }
    if (l.kind() == LineKind.ENERGY) {
      energyExact = energyExact.add(l.exactAmount());
      energyShown = energyShown.add(l.amount().getAmount());
    }
    lines.add(l);
  }
}
