package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveFixtures.GRID;
import static io.github.gridbill.rating.live.LiveFixtures.KWH;
import static io.github.gridbill.rating.live.LiveFixtures.hour;
import static io.github.gridbill.rating.live.LiveFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.ReadingQuality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrival: the lateness window, duplicates and conflicts, batches, closing; each leaves the account as it says. */
class LiveAccountTest {

  private static LiveAccount account(int latenessHours) {
    return LiveFixtures.rater(LiveFixtures.tiersAndDemand(), latenessHours).open("M-1");
  }

  @Test
  void aReadingWithinTheLatenessWindowIsAcceptedOutOfOrder() {
    LiveAccount a = account(2);
    assertThat(a.ingest(hour(10), KWH, 0)).isEqualTo(IngestOutcome.ACCEPTED);
    // the window reaches 2 hours back from hour 10: hours 8 and 9 may still come
    assertThat(a.ingest(hour(8), 2 * KWH, 0)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(a.ingest(hour(9), 3 * KWH, 0)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(a.intervalsReceived()).isEqualTo(3);
    assertThat(a.billToDate().bill().totalImport().milliwattHours()).isEqualTo(6 * KWH);
    assertThat(a.asOf()).isEqualTo(hour(11));
  }

  @Test
  void aReadingOlderThanTheWindowIsTooLateAndChangesNothing() {
    LiveAccount a = account(2);
    a.ingest(hour(10), KWH, 0);
    RatedBill before = a.billToDate().ratedBill();
    assertThat(a.ingest(hour(7), 5 * KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    assertThat(a.ingest(hour(0), 5 * KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    assertThat(a.intervalsReceived()).isEqualTo(1);
    assertThat(a.billToDate().ratedBill()).isEqualTo(before);
  }

  @Test
  void theWindowMovesWithTheLatestInterval() {
    LiveAccount a = account(2);
    a.ingest(hour(10), KWH, 0);
    assertThat(a.ingest(hour(8), KWH, 0)).isEqualTo(IngestOutcome.ACCEPTED);
    a.ingest(hour(11), KWH, 0);
    // the window is now hours 9 to 11: hour 8 (received) and hour 7 are final
    assertThat(a.ingest(hour(8), KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    assertThat(a.ingest(hour(9), KWH, 0)).isEqualTo(IngestOutcome.ACCEPTED);
  }

  @Test
  void aRepeatedReadingWithTheSameValueIsADuplicateAndChangesNothing() {
    LiveAccount a = account(4);
    a.ingest(hour(5), 2 * KWH, KWH / 2);
    RatedBill before = a.billToDate().ratedBill();
    assertThat(a.ingest(hour(5), 2 * KWH, KWH / 2)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(a.ingest(hour(5), 2 * KWH, KWH / 2)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(a.intervalsReceived()).isEqualTo(1);
    assertThat(a.billToDate().ratedBill()).isEqualTo(before);
  }

  @Test
  void aRepeatedReadingWithAnotherValueIsAConflictAndIsNotApplied() {
    LiveAccount a = account(4);
    a.ingest(hour(5), 2 * KWH, 0);
    RatedBill before = a.billToDate().ratedBill();
    assertThat(a.ingest(hour(5), 3 * KWH, 0)).isEqualTo(IngestOutcome.CONFLICT);
    assertThat(a.ingest(hour(5), 2 * KWH, 1)).isEqualTo(IngestOutcome.CONFLICT);
    assertThat(a.ingest(LiveReading.builder().intervalStart(hour(5)).importMwh(2 * KWH).exportMwh(0)
        .quality(ReadingQuality.ESTIMATED).method(EstimationMethod.LIKE_DAY).build()))
        .isEqualTo(IngestOutcome.CONFLICT);
    assertThat(a.billToDate().ratedBill()).isEqualTo(before);
    assertThat(a.billToDate().bill().totalImport().milliwattHours()).isEqualTo(2 * KWH);
  }

  @Test
  void aDuplicateKeepsItsQualityAndMethod() {
    LiveAccount a = account(4);
    LiveReading r = LiveReading.builder().intervalStart(hour(3)).importMwh(KWH).exportMwh(0)
        .quality(ReadingQuality.ESTIMATED).method(EstimationMethod.LINEAR_INTERPOLATION).build();
    assertThat(a.ingest(r)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(a.ingest(r)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(a.billToDate().bill().estimatedIntervals()).isEqualTo(1);
    assertThat(a.billToDate().bill().lines().get(0).estimationMethods())
        .containsExactly(EstimationMethod.LINEAR_INTERPOLATION);
  }

  @Test
  void aBatchReportsEveryOutcome() {
    LiveAccount a = account(2);
    a.ingest(hour(10), KWH, 0);
    IngestSummary s = a.ingestAll(List.of(LiveReading.of(hour(9), KWH, 0), LiveReading.of(hour(9), KWH, 0),
        LiveReading.of(hour(10), 2 * KWH, 0), LiveReading.of(hour(3), KWH, 0), LiveReading.of(hour(11), KWH, 0)));
    assertThat(s.accepted()).isEqualTo(2);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.conflicts()).containsExactly(hour(10));
    assertThat(s.tooLate()).containsExactly(hour(3));
    assertThat(s.total()).isEqualTo(5);
  }

  @Test
  void aSeriesIsIngestedInTimeOrderSkippingMissingIntervals() {
    LiveAccount a = account(0);
    IntervalGrid day2 = IntervalGrid.of(hour(24), LiveFixtures.H, 24);
    byte[] q = new byte[24];
    q[5] = ReadingQuality.MISSING.code();
    long[] imp = new long[24];
    java.util.Arrays.fill(imp, KWH);
    imp[5] = 0;
    IngestSummary s = a.ingestAll(IntervalSeries.builder("M-1", day2).imports(imp).quality(q).build());
    assertThat(s.accepted()).isEqualTo(23);
    assertThat(a.intervalsReceived()).isEqualTo(23);
    assertThat(a.asOf()).isEqualTo(hour(48));
    assertThat(a.billToDate().bill().totalImport().milliwattHours()).isEqualTo(23 * KWH);
  }

  @Test
  void closingMakesEveryIntervalFinal() {
    LiveAccount a = account(4);
    a.ingest(hour(10), KWH, 0);
    a.close();
    assertThat(a.isClosed()).isTrue();
    assertThat(a.ingest(hour(9), KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    assertThat(a.ingest(hour(239), KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    assertThat(a.ingest(hour(10), KWH, 0)).isEqualTo(IngestOutcome.TOO_LATE);
    a.close();
    assertThat(a.billToDate().bill().totalImport().milliwattHours()).isEqualTo(KWH);
  }

  @Test
  void theCompleteCycleInAnyOrderIsTheBatchBill() {
    LiveAccount a = account(6);
    long[] imp = new long[240];
    for (int i = 0; i < 240; i++) {
      imp[i] = (i * 7919L % 97) * 40_000L;
    }
    // each day backwards, in blocks of six hours: always within six hours of the latest
    for (int block = 0; block < 40; block++) {
      for (int i = block * 6 + 5; i >= block * 6; i--) {
        assertThat(a.ingest(i, imp[i], 0)).isEqualTo(IngestOutcome.ACCEPTED);
      }
    }
    RatedBill batch = Rater.create().rate(LiveFixtures.plan(LiveFixtures.tiersAndDemand()),
        IntervalSeries.ofImports("M-1", GRID, imp));
    BillToDate b = a.billToDate();
    assertThat(b.isComplete()).isTrue();
    assertThat(b.ratedBill()).isEqualTo(batch);
    assertThat(b.daysElapsed()).isEqualTo(10);
    assertThat(b.daysLeft()).isZero();
    assertThat(b.bill().total()).isEqualTo(batch.bill().total());
    assertThat(b.bill().total().isGreaterThan(usd("0"))).isTrue();
  }

  @Test
  void nothingReceivedIsAnEmptyBillAsOfTheCycleStart() {
    LiveAccount a = account(4);
    BillToDate b = a.billToDate();
    assertThat(b.asOf()).isEqualTo(GRID.start());
    assertThat(b.intervalsReceived()).isZero();
    assertThat(b.daysElapsed()).isZero();
    assertThat(b.daysLeft()).isEqualTo(10);
    assertThat(b.bill().total()).isEqualTo(usd("0.00"));
    assertThat(a.alerts()).isEmpty();
  }

  @Test
  void theStateSizeIsFixedAndSmallForTiersAndDemand() {
    LiveRater r = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 4);
    // one key: 7 longs; 14 header; window of 5 hours: 10 + 1 + 1
    assertThat(r.stateLongsPerAccount()).isEqualTo(7 + 14 + 10 + 1 + 1);
    assertThat(r.stateBytesPerAccount()).isEqualTo(16 + 8L * 33);
    assertThat(r.toString()).contains("280 bytes per account");
  }
}
