package io.github.gridbill.bench.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.run.BillRunResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they say: the bills have the lines of every construct, the sizes are right. */
class RatingBenchmarksTest {

  @Test
  void julyAt15MinutesIs2976IntervalsWithEveryConstructOnTheBill() {
    RatingBenchmark b = new RatingBenchmark();
    b.intervalMinutes = 15;
    b.setup();
    Bill bill = b.rate().bill();
    assertThat(bill.intervalCount()).isEqualTo(2976);
    assertThat(bill.totalExport().isZero()).isFalse();
    Set<String> energyPeriods = new HashSet<>();
    Set<Integer> tiers = new HashSet<>();
    Set<String> demandPeriods = new HashSet<>();
    for (BillLine l : bill.lines()) {
      if (l.kind() == LineKind.ENERGY) {
        energyPeriods.add(l.touPeriod().orElseThrow());
        tiers.add(l.tier().orElseThrow());
      } else if (l.kind() == LineKind.DEMAND) {
        demandPeriods.add(l.touPeriod().orElseThrow());
      }
    }
    assertThat(energyPeriods).containsExactlyInAnyOrder("off-peak", "shoulder", "peak");
    assertThat(tiers).contains(1, 2);
    assertThat(demandPeriods).containsExactlyInAnyOrder("off-peak", "shoulder", "peak");
    assertThat(bill.lines()).anyMatch(l -> l.kind() == LineKind.EXPORT_CREDIT);
    assertThat(bill.lines()).anyMatch(l -> l.kind() == LineKind.TAX);
    assertThat(b.compileAndRate()).isEqualTo(b.rate());
    assertThat(b.billRunInline().results().get(0).ratedBill()).hasValue(b.rate());
    assertThat(b.bareImportSum()).isEqualTo(bill.totalImport().milliwattHours());
    b.bareRunSums();
    long runImports = 0;
    long runExports = 0;
    for (int r = 0; r < b.runStart.length; r++) {
      runImports += b.runSums[3 * r];
      runExports += b.runSums[3 * r + 1];
    }
    assertThat(runImports).isEqualTo(bill.totalImport().milliwattHours());
    assertThat(runExports).isEqualTo(bill.totalExport().milliwattHours());
    // the reference rater does the same work: the same bill, to the cent
    assertThat(b.referenceRate().total()).isEqualByComparingTo(bill.total().getAmount());
  }

  @Test
  void the5And15And60MinuteGridsHaveTheirIntervalCountsAndTheSameRuns() {
    int[] minutes = {5, 15, 60};
    int[] runs = new int[3];
    for (int i = 0; i < 3; i++) {
      RatingBenchmark b = new RatingBenchmark();
      b.intervalMinutes = minutes[i];
      b.setup();
      assertThat(b.rate().bill().intervalCount()).isEqualTo(31 * 24 * 60 / minutes[i]);
      runs[i] = b.plan.runCount();
      // the run-split floor splits the month as the plan does
      assertThat(b.runStart).hasSize(runs[i]);
      assertThat(b.runEnd[b.runEnd.length - 1]).isEqualTo(b.rate().bill().intervalCount());
    }
    // the hot loop works per run of intervals sharing TOU periods: same runs on every grid
    assertThat(runs[0]).isEqualTo(runs[1]).isEqualTo(runs[2]).isGreaterThan(31);
  }

  @Test
  void yearIs35040IntervalsRatedAsTwelveChainedBills() {
    YearBenchmark b = new YearBenchmark();
    b.setup();
    assertThat(b.year.size()).isEqualTo(35_040);
    assertThat(b.plans).hasSize(12);
    RatedBill december = b.rateYear();
    assertThat(december.bill().period().startInclusive().getMonthValue()).isEqualTo(12);
    assertThat(december.nextState().lastPeriodEnd()).hasValueSatisfying(
        d -> assertThat(d.toString()).isEqualTo("2024-01-01"));
    assertThat(b.bareYearSum()).isEqualTo(b.year.totalImport().milliwattHours());
  }

  @Test
  void billRunStreamsEveryAccountAndMatchesTheSequentialLoop() {
    BillRunBenchmark b = new BillRunBenchmark();
    b.accounts = 300;
    b.setup();
    BillRunBenchmark.Counter c = new BillRunBenchmark.Counter();
    BillRunResult r = b.run.runStreaming(b.jobs(), c);
    assertThat(r.accountsRated()).isEqualTo(300);
    assertThat(r.accountsFailed()).isZero();
    assertThat(r.intervalsRated()).isEqualTo(300L * 2976);
    assertThat(c.rated).isEqualTo(300);
    assertThat(b.billRun(new org.openjdk.jmh.infra.Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.")))
        .isEqualTo(b.sequentialLoop());
  }
}
