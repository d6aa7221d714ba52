package io.github.gridbill.examples.demo;

import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.live.AccountSetup;
import io.github.gridbill.rating.live.BillToDate;
import io.github.gridbill.rating.live.LikeDayHistory;
import io.github.gridbill.rating.live.LiveAccount;
import io.github.gridbill.rating.live.LiveAlert;
import io.github.gridbill.rating.live.LiveRater;
import io.github.gridbill.rating.live.Projection;
import io.github.gridbill.rating.live.ProjectionMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * Step 5 of the demo: the featured account watched live through the month. Its readings arrive day by day into a
 * live account ({@code io.github.gridbill.rating.live}); on three days the bill to date and two projections to the
 * month's end are taken (the run rate of the days so far, and like days: the same weekdays 52 weeks earlier, from last
 * year's data), with the alerts raised so far. When the last reading has arrived the live bill equals the batch bill.
 */
final class DemoLive {

  /** One look at the account. */
  record Snapshot(LocalDate day, BillToDate toDate, Projection runRate, Projection likeDay) {}

  /** The whole watch. */
  record Result(List<Snapshot> snapshots, List<LiveAlert> alerts, RatedBill finalBill, boolean equalsBatch,
      Money threshold, RatedBill lastYearsBill) {}

  private DemoLive() {}

  /** The three days looked at: the mornings of the 11th, 21st and 29th (10, 20 and 28 days elapsed). */
  static List<LocalDate> lookDays(DemoScenario s) {
    return List.of(s.month().atDay(11), s.month().atDay(21), s.month().atDay(29));
  }

  static Result watch(DemoScenario scenario, DemoTariffs tariffs, LoadModel load, DemoAccount a, RatedBill batch,
      IntervalSeries month) {
    BillingPeriod period = scenario.period(a.book());
    RatingPlan plan = RatingPlan.compile(tariffs.get(java.util.Objects.requireNonNull(a.tariffId())), period,
        DemoBilling.LENGTH);
    // last year's data for like days: the same weekdays 52 weeks earlier
    Period back = Period.ofWeeks(52);
    BillingPeriod lastYear = BillingPeriod.of(period.startInclusive().minus(back).minusDays(1),
        period.endExclusive().minus(back).plusDays(1), period.zone());
    IntervalSeries history = load.generate(a, lastYear, DemoBilling.LENGTH).meter;
    // the customer's budget alert: 90% of what the same month cost last year, rounded down to tens
    BillingPeriod lastYearsMonth = BillingPeriod.ofMonth(scenario.month().minusYears(1), period.zone());
    RatedBill lastYearsBill = Rater.create().rate(RatingPlan.compile(plan.tariff(), lastYearsMonth,
        DemoBilling.LENGTH), history);
    Money threshold = Money.of(lastYearsBill.bill().currency(), lastYearsBill.bill().total().getAmount()
        .multiply(new BigDecimal("0.9")).setScale(-1, RoundingMode.DOWN).setScale(2));
    AccountSetup setup = AccountSetup.builder().billThreshold(threshold)
        .likeDayHistory(LikeDayHistory.of(history, back)).generation(a.kind().hasSolar()).build();
    LiveAccount live = LiveRater.of(plan).open(a.meterId(), setup); // the meter's readings, as the batch bill has them
    IntervalGrid grid = plan.grid();
    List<Snapshot> snaps = new ArrayList<>();
    List<LiveAlert> alerts = new ArrayList<>();
    int next = 0;
    for (LocalDate day : lookDays(scenario)) {
      Instant at = day.atStartOfDay(period.zone()).toInstant();
      int upTo = grid.indexOf(at);
      live.ingestAll(month.slice(IntervalGrid.of(grid.intervalStart(next), grid.length(), upTo - next)));
      next = upTo;
      snaps.add(new Snapshot(day, live.billToDate(), live.project(ProjectionMethod.RUN_RATE),
          live.project(ProjectionMethod.LIKE_DAY)));
      alerts.addAll(live.alerts());
    }
    live.ingestAll(month.slice(IntervalGrid.of(grid.intervalStart(next), grid.length(), grid.count() - next)));
    live.close();
    alerts.addAll(live.alerts());
    RatedBill fin = live.billToDate().ratedBill();
    return new Result(List.copyOf(snaps), List.copyOf(alerts), fin, fin.equals(batch), threshold, lastYearsBill);
  }
}
