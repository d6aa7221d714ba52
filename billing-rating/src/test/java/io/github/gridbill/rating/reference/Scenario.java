package io.github.gridbill.rating.reference;

import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.DemandRecord;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A random rating case: a tariff, a meter profile, and a sequence of consecutive monthly bills on a grid.
 *
 * @param tariff the tariff
 * @param length the interval length
 * @param firstStart the first day of the first bill
 * @param bills how many consecutive monthly bills
 * @param profile the meter's load and generation
 * @param historyDays how many days of meter data each bill's series holds before the bill (demand-response
 *     baselines)
 * @param priorPeaksKw the account's peaks in the 12 months before the first bill, oldest first (zero: no bill that
 *     month), as an importer's initial state gives them (SAM's {@code ur_yearzero_usage_peaks}); empty for a new
 *     account
 */
public record Scenario(Tariff tariff, IntervalLength length, LocalDate firstStart, int bills, Profile profile,
    int historyDays, List<BigDecimal> priorPeaksKw) {

  /**
   * A scenario of a new account.
   *
   * @param tariff the tariff
   * @param length the interval length
   * @param firstStart the first day of the first bill
   * @param bills how many consecutive monthly bills
   * @param profile the meter's load and generation
   * @param historyDays how many days of meter data each bill's series holds before the bill
   */
  public Scenario(Tariff tariff, IntervalLength length, LocalDate firstStart, int bills, Profile profile,
      int historyDays) {
    this(tariff, length, firstStart, bills, profile, historyDays, List.of());
  }

  /**
   * A scenario without history before each bill.
   *
   * @param tariff the tariff
   * @param length the interval length
   * @param firstStart the first day of the first bill
   * @param bills how many consecutive monthly bills
   * @param profile the meter's load and generation
   */
  public Scenario(Tariff tariff, IntervalLength length, LocalDate firstStart, int bills, Profile profile) {
    this(tariff, length, firstStart, bills, profile, 0);
  }

  /**
   * The state the first bill starts from: a new account, or one with a demand history of the prior peaks (each a
   * record of its month with peak = ratchet peak = billed demand; months with no peak have no record).
   *
   * @return the engine's state (the reference's is {@link ReferenceRater.State#from})
   */
  public BillingState initialState() {
    BillingState.Builder b = BillingState.builder();
    YearMonth first = YearMonth.from(firstStart.plusMonths(1).minusDays(1));
    for (int k = 0; k < priorPeaksKw.size(); k++) {
      BigDecimal kw = priorPeaksKw.get(k);
      if (kw.signum() > 0) {
        Power p = Power.ofKilowatts(kw, RoundingMode.HALF_UP);
        b.addDemandHistory(DemandRecord.of(first.minusMonths(priorPeaksKw.size() - (long) k), p, p, p));
      }
    }
    return b.build();
  }

  /**
   * The zone.
   *
   * @return the tariff's zone
   */
  public ZoneId zone() {
    return tariff.zone();
  }

  /**
   * The billing periods, one month each from {@link #firstStart()}.
   *
   * @return the periods in order
   */
  public List<BillingPeriod> periods() {
    List<BillingPeriod> out = new ArrayList<>();
    for (int k = 0; k < bills; k++) {
      out.add(BillingPeriod.of(firstStart.plusMonths(k), firstStart.plusMonths(k + 1L), zone()));
    }
    return out;
  }

  /**
   * The grid of a period.
   *
   * @param p the period
   * @return the grid
   */
  public IntervalGrid grid(BillingPeriod p) {
    return IntervalGrid.forPeriod(p, length);
  }

  /**
   * The imports of a period's grid.
   *
   * @param p the period
   * @return mWh per interval
   */
  public long[] imports(BillingPeriod p) {
    return profile.imports(grid(p), zone());
  }

  /**
   * The exports of a period's grid.
   *
   * @param p the period
   * @return mWh per interval
   */
  public long[] exports(BillingPeriod p) {
    return profile.exports(grid(p), zone());
  }

  /**
   * The meter's grid for a period: from {@link #historyDays()} before it to its end.
   *
   * @param p the period
   * @return the grid
   */
  public IntervalGrid meterGrid(BillingPeriod p) {
    return IntervalGrid.between(p.startInclusive().minusDays(historyDays).atStartOfDay(zone()).toInstant(),
        p.endInstant(), length);
  }

  /**
   * The engine's series for a period, history included.
   *
   * @param p the period
   * @return the series
   */
  public IntervalSeries series(BillingPeriod p) {
    IntervalGrid g = meterGrid(p);
    return IntervalSeries.builder("M-1", g).imports(profile.imports(g, zone())).exports(profile.exports(g, zone()))
        .build();
  }

  /**
   * The reference's meter for a period, history included.
   *
   * @param p the period
   * @return the meter
   */
  public ReferenceRater.Meter meter(BillingPeriod p) {
    IntervalGrid g = meterGrid(p);
    return new ReferenceRater.Meter(g.start(), length, profile.imports(g, zone()));
  }

  @Override
  public String toString() {
    return "Scenario[" + zone() + ", " + length.minutes() + " min, " + bills + " bill(s) from " + firstStart + ", "
        + historyDays + " history days, " + profile + (priorPeaksKw.isEmpty() ? "" : ", prior peaks " + priorPeaksKw)
        + ",\n  tariff=" + tariff + "]";
  }
}
