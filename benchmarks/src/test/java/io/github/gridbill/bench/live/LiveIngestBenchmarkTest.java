package io.github.gridbill.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.live.LiveAccount;
import org.junit.jupiter.api.Test;

/** The live benchmark at a tiny size: what it ingests is a whole cycle per account, rated as the batch rates it. */
class LiveIngestBenchmarkTest {

  private static LiveIngestBenchmark.Accounts accounts(int n) {
    LiveIngestBenchmark.Accounts acc = new LiveIngestBenchmark.Accounts();
    acc.accounts = n;
    acc.setup();
    return acc;
  }

  @Test
  void theRoundRobinFillsEveryAccountsCycleAndTheBillIsTheBatchBill() {
    LiveIngestBenchmark b = new LiveIngestBenchmark();
    LiveIngestBenchmark.Accounts acc = accounts(7);
    LiveIngestBenchmark.Counters c = new LiveIngestBenchmark.Counters();
    for (int t = 0; t < acc.n; t++) {
      assertThat(b.roundRobin(acc, c)).isEqualTo(7);
    }
    assertThat(c.readings).isEqualTo(7L * 2976);
    for (int a = 0; a < 7; a++) {
      LiveAccount x = acc.open[a];
      long[] imp = new long[acc.n];
      System.arraycopy(acc.load, acc.offset[a], imp, 0, acc.n);
      RatedBill batch = Rater.create().rate(acc.rater.plan(), IntervalSeries.ofImports("ACC-" + a,
          acc.rater.plan().grid(), imp));
      assertThat(x.billToDate().ratedBill()).isEqualTo(batch);
      assertThat(batch.bill().lines()).extracting(l -> l.componentId()).contains("energy-tou", "demand-tou", "tax");
    }
    // the next invocation starts a new cycle
    assertThat(b.roundRobin(acc, c)).isEqualTo(7);
    assertThat(acc.open[0].intervalsReceived()).isEqualTo(1);
  }

  @Test
  void dayBatchesGiveEachAccountOfABlockADay() {
    LiveIngestBenchmark b = new LiveIngestBenchmark();
    LiveIngestBenchmark.Accounts acc = accounts(3);
    LiveIngestBenchmark.Counters c = new LiveIngestBenchmark.Counters();
    assertThat(b.dayBatches(acc, c)).isEqualTo(3 * 96);
    assertThat(b.dayBatches(acc, c)).isEqualTo(3 * 96);
    assertThat(acc.open[2].intervalsReceived()).isEqualTo(192);
    assertThat(c.readings).isEqualTo(2 * 3 * 96);
  }

  @Test
  void theBareLoopSumsTheSameReadings() {
    LiveIngestBenchmark b = new LiveIngestBenchmark();
    LiveIngestBenchmark.Accounts acc = accounts(5);
    LiveIngestBenchmark.Bare bare = new LiveIngestBenchmark.Bare();
    bare.setup(acc);
    LiveIngestBenchmark.Counters c = new LiveIngestBenchmark.Counters();
    long sum = 0;
    for (int t = 0; t < acc.n; t++) {
      sum += b.bareRoundRobin(acc, bare, c);
    }
    long expected = 0;
    for (int a = 0; a < 5; a++) {
      for (int t = 0; t < acc.n; t++) {
        expected += acc.load[t + acc.offset[a]];
      }
    }
    assertThat(sum).isEqualTo(expected);
    assertThat(c.readings).isEqualTo(5L * acc.n);
  }

  @Test
  void aTouTariffWithTiersAndDemandHoldsUnderOneKibibyteOfStatePerAccount() {
    LiveIngestBenchmark.Accounts acc = accounts(1);
    assertThat(acc.rater.stateBytesPerAccount()).isLessThanOrEqualTo(1024);
  }
}
