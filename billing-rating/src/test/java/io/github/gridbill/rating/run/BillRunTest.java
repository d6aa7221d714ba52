package io.github.gridbill.rating.run;

import static io.github.gridbill.rating.run.RunFixtures.AUGUST;
import static io.github.gridbill.rating.run.RunFixtures.JULY;
import static io.github.gridbill.rating.run.RunFixtures.TARIFF;
import static io.github.gridbill.rating.run.RunFixtures.hourly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BillRunTest {

  private static List<AccountJob> goodJobs(int n) {
    List<AccountJob> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "ACC-" + i;
      long seed = i;
      jobs.add(AccountJob.of(id, TARIFF, JULY, () -> hourly("M-" + seed, JULY, seed), BillingState.initial()));
    }
    return jobs;
  }

  private static RatedBill direct(AccountJob job) {
    IntervalSeries s = job.series().get();
    return Rater.create().rate(RatingPlan.compile(job.tariff(), job.period(), s.grid().length()), s, job.state());
  }

  @Test
  void resultsComeInInputOrderAndEqualDirectRating() {
    List<AccountJob> jobs = goodJobs(40);
    BillRunResult r = BillRun.builder().parallelism(4).build().run(jobs);
    assertThat(r.accountsSubmitted()).isEqualTo(40);
    assertThat(r.accountsRated()).isEqualTo(40);
    assertThat(r.accountsFailed()).isZero();
    assertThat(r.intervalsRated()).isEqualTo(40L * 744);
    assertThat(r.results()).hasSize(40);
    for (int i = 0; i < 40; i++) {
      AccountResult a = r.results().get(i);
      assertThat(a.index()).isEqualTo(i);
      assertThat(a.accountId()).isEqualTo("ACC-" + i);
      assertThat(a.ratedBill()).hasValue(direct(jobs.get(i)));
    }
  }

  @Test
  void failuresAreCollectedWithTheirReasonsWhileTheOthersAreRated() {
    Tariff notYet = RunFixtures.tariff("GS-2025", LocalDate.of(2025, 1, 1));
    IntervalGrid g = IntervalGrid.forPeriod(JULY, IntervalLength.SIXTY_MINUTES);
    List<AccountJob> jobs = new ArrayList<>(goodJobs(3));
    jobs.add(AccountJob.of("BAD-DATA", TARIFF, JULY, () -> {
      long[] imp = new long[g.count()];
      imp[17] = -5;
      return IntervalSeries.ofImports("M-BAD", g, imp);
    }, BillingState.initial()));
    jobs.add(AccountJob.of("WRONG-MONTH", TARIFF, JULY, hourly("M-AUG", AUGUST, 1), BillingState.initial()));
    jobs.add(AccountJob.of("BAD-STATE", TARIFF, JULY, hourly("M-S", JULY, 2),
        BillingState.builder().lastPeriodEnd(LocalDate.of(2024, 6, 15)).build()));
    jobs.add(AccountJob.of("NO-VERSION", notYet, JULY, hourly("M-V", JULY, 3), BillingState.initial()));
    jobs.add(AccountJob.of("SOURCE-DOWN", TARIFF, JULY, () -> {
      throw new IllegalStateException("meter store unavailable");
    }, BillingState.initial()));
    jobs.addAll(goodJobs(2));

    BillRunResult r = BillRun.builder().parallelism(3).build().run(jobs);

    assertThat(r.accountsSubmitted()).isEqualTo(10);
    assertThat(r.accountsRated()).isEqualTo(5);
    assertThat(r.accountsFailed()).isEqualTo(5);
    assertThat(r.intervalsRated()).isEqualTo(5L * 744);
    assertThat(r.results()).extracting(AccountResult::isRated)
        .containsExactly(true, true, true, false, false, false, false, false, true, true);
    List<AccountFailure> f = r.failures();
    assertThat(f).extracting(AccountFailure::accountId)
        .containsExactly("BAD-DATA", "WRONG-MONTH", "BAD-STATE", "NO-VERSION", "SOURCE-DOWN");
    assertThat(f).extracting(AccountFailure::index).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(f.get(0).errorType()).isEqualTo("MeterDataException");
    assertThat(f.get(0).message()).isEqualTo("imports[17] (2024-07-01T17:00:00Z) must not be negative: -5 mWh");
    assertThat(f.get(0).field()).isEqualTo("imports[17] (2024-07-01T17:00:00Z)");
    assertThat(f.get(0).value()).isEqualTo("-5 mWh");
    assertThat(f.get(0).reason()).isEqualTo("must not be negative");
    assertThat(f.get(1).errorType()).isEqualTo("MeterDataException");
    assertThat(f.get(1).message()).isEqualTo("series (2024-07-01T00:00:00Z) must have an interval starting at the "
        + "billing period's start: 744 × 60 min from 2024-08-01T00:00:00Z");
    assertThat(f.get(2).errorType()).isEqualTo("ValidationException");
    assertThat(f.get(2).message()).isEqualTo("state.lastPeriodEnd must equal the billing period's start 2024-07-01 "
        + "(bills must follow on; use BillingState.initial() for a new account): 2024-06-15");
    assertThat(f.get(3).errorType()).isEqualTo("ValidationException");
    assertThat(f.get(3).message())
        .isEqualTo("period must be covered by a version of tariff GS-2025 in force: [2024-07-01, 2024-08-01) UTC");
    assertThat(f.get(4).errorType()).isEqualTo("IllegalStateException");
    assertThat(f.get(4).field()).isEqualTo("job");
    assertThat(f.get(4).reason())
        .isEqualTo("failed unexpectedly: java.lang.IllegalStateException: meter store unavailable");
    assertThat(r.results().get(3).failure()).hasValue(f.get(0));
    assertThat(r.results().get(9).ratedBill()).hasValue(direct(jobs.get(9)));
  }

  @Test
  void progressReportsEveryAccountOnceInOrderUpToTheTotal() {
    List<long[]> calls = new ArrayList<>();
    List<AccountJob> jobs = new ArrayList<>(goodJobs(30));
    jobs.add(5, AccountJob.of("BAD", TARIFF, JULY, hourly("M", AUGUST, 1), BillingState.initial()));
    BillRun run = BillRun.builder().parallelism(4).progressListener((done, total) -> calls.add(new long[] {done,
        total})).build();
    run.run(jobs);
    assertThat(calls).hasSize(31);
    for (int i = 0; i < 31; i++) {
      assertThat(calls.get(i)).containsExactly(i + 1, 31);
    }
  }

  @Test
  void progressTotalIsTheStreamSizeWhenKnownElseUnknown() {
    List<Long> totals = new ArrayList<>();
    BillRun run = BillRun.builder().parallelism(2).progressListener((done, total) -> totals.add(total)).build();
    run.runStreaming(goodJobs(3).stream(), r -> { });
    run.runStreaming(goodJobs(2).iterator(), r -> { });
    run.runStreaming(goodJobs(2).stream().filter(j -> true), r -> { });
    assertThat(totals).containsExactly(3L, 3L, 3L, -1L, -1L, -1L, -1L);
  }

  @Test
  void streamingDeliversInOrderAndKeepsInFlightBounded() {
    int n = 200;
    int bound = 6;
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger delivered = new AtomicInteger();
    AtomicInteger maxOutstanding = new AtomicInteger();
    List<AccountJob> jobs = goodJobs(n);
    CountDownLatch slowFirst = new CountDownLatch(1);
    jobs.set(0, AccountJob.of("SLOW", TARIFF, JULY, () -> {
      try {
        slowFirst.await(); // held until the feeder has filled the window
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return hourly("M-0", JULY, 0);
    }, BillingState.initial()));
    Iterator<AccountJob> source = new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public AccountJob next() {
        if (next >= n) {
          throw new NoSuchElementException();
        }
        int outstanding = pulled.incrementAndGet() - delivered.get();
        maxOutstanding.accumulateAndGet(outstanding, Math::max);
        if (outstanding == bound) {
          slowFirst.countDown();
        }
        return jobs.get(next++);
      }
    };
    List<Long> order = new ArrayList<>();
    BillRunResult r = BillRun.builder().parallelism(3).maxInFlight(bound).chunkSize(2).build()
        .runStreaming(source, res -> {
      order.add(res.index());
      delivered.incrementAndGet();
    });
    assertThat(maxOutstanding.get()).isEqualTo(bound);
    assertThat(order).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(order.get(i)).isEqualTo(i);
    }
    assertThat(r.results()).isEmpty();
    assertThat(r.accountsRated()).isEqualTo(n);
  }

  @Test
  void accountsOnOneTariffAndPeriodShareOneCompiledPlan() {
    List<AccountJob> jobs = new ArrayList<>(goodJobs(50));
    for (int i = 0; i < 10; i++) {
      long seed = i;
      jobs.add(AccountJob.of("AUG-" + i, TARIFF, AUGUST, () -> hourly("M", AUGUST, seed), BillingState.initial()));
    }
    BillRun run = BillRun.builder().parallelism(4).build();
    run.run(jobs);
    assertThat(run.planCache().compilations()).isEqualTo(2);
    assertThat(run.planCache().size()).isEqualTo(2);
  }

  @Test
  void aFailedCompilationIsRememberedNotRepeated() {
    Tariff notYet = RunFixtures.tariff("GS-2025", LocalDate.of(2025, 1, 1));
    List<AccountJob> jobs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      jobs.add(AccountJob.of("A" + i, notYet, JULY, hourly("M", JULY, i), BillingState.initial()));
    }
    BillRun run = BillRun.builder().parallelism(4).build();
    BillRunResult r = run.run(jobs);
    assertThat(r.accountsFailed()).isEqualTo(20);
    assertThat(run.planCache().compilations()).isEqualTo(1);
  }

  @Test
  void planCacheCompilesOnceUnderConcurrency() throws InterruptedException {
    PlanCache cache = PlanCache.create();
    ConcurrentHashMap<RatingPlan, Boolean> seen = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 50; i++) {
          seen.put(cache.planFor(TARIFF, JULY, IntervalLength.FIFTEEN_MINUTES), Boolean.TRUE);
        }
      });
      th.start();
      ts.add(th);
    }
    go.countDown();
    for (Thread th : ts) {
      th.join();
    }
    assertThat(cache.compilations()).isEqualTo(1);
    assertThat(seen).hasSize(1);
    cache.clear();
    assertThat(cache.size()).isZero();
  }

  @Test
  void planCacheRefusesADifferentTariffUnderAKnownId() {
    PlanCache cache = PlanCache.create();
    cache.planFor(TARIFF, JULY, IntervalLength.SIXTY_MINUTES);
    Tariff other = RunFixtures.tariff("GS-1", LocalDate.of(2001, 1, 1));
    assertThatExceptionOfType(ConflictException.class)
        .isThrownBy(() -> cache.planFor(other, JULY, IntervalLength.SIXTY_MINUTES))
        .withMessage("tariff must be the tariff already compiled under this id for [2024-07-01, 2024-08-01) UTC "
            + "(a plan cache is keyed by tariff id): GS-1");
    Tariff equal = RunFixtures.tariff("GS-1", LocalDate.of(2000, 1, 1));
    assertThat(cache.planFor(equal, JULY, IntervalLength.SIXTY_MINUTES))
        .isSameAs(cache.planFor(TARIFF, JULY, IntervalLength.SIXTY_MINUTES));
  }

  @Test
  void externalExecutorIsUsedAndNotShutDown() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      BillRunResult r = BillRun.builder().executor(pool).build().run(goodJobs(10));
      assertThat(r.accountsRated()).isEqualTo(10);
      assertThat(pool.isShutdown()).isFalse();
      BillRunResult inline = BillRun.builder().executor(Runnable::run).build().run(goodJobs(10));
      assertThat(inline).isEqualTo(r);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aThrowingConsumerStopsTheRun() {
    AtomicInteger seen = new AtomicInteger();
    BillRun run = BillRun.builder().parallelism(2).maxInFlight(4).build();
    assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> run.runStreaming(goodJobs(50).stream(),
        r -> {
          if (seen.incrementAndGet() == 3) {
            throw new IllegalStateException("disk full");
          }
        })).withMessage("disk full");
    assertThat(seen).hasValue(3);
  }

  @Test
  void anInterruptedCallerCancelsTheRun() {
    BillRun run = BillRun.builder().parallelism(2).build();
    CountDownLatch never = new CountDownLatch(1);
    List<AccountJob> jobs = new ArrayList<>(goodJobs(20));
    jobs.set(0, AccountJob.of("BLOCKED", TARIFF, JULY, () -> {
      try {
        never.await(); // released only by the run's cancellation
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return hourly("M", JULY, 0);
    }, BillingState.initial()));
    Thread.currentThread().interrupt();
    try {
      assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> run.run(jobs))
          .withMessage("bill run interrupted");
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void anEmptyInputGivesAnEmptySummary() {
    BillRunResult r = BillRun.builder().parallelism(2).build().runStreaming(Stream.empty(), x -> { });
    assertThat(r.accountsSubmitted()).isZero();
    assertThat(r.failures()).isEmpty();
    assertThat(r.intervalsRated()).isZero();
  }

  @Test
  void parallelismMustBe1To1024() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BillRun.builder().parallelism(0))
        .withMessage("parallelism must be 1 to 1024: 0");
  }

  @Test
  void maxInFlightMustBe1To1000000() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BillRun.builder().maxInFlight(0))
        .withMessage("maxInFlight must be 1 to 1000000: 0");
  }

  @Test
  void accountIdMustNotBeBlank() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> AccountJob.of(" ", TARIFF, JULY, hourly("M", JULY, 1), BillingState.initial()))
        .withMessage("accountId must not be blank: \" \"");
  }

  @Test
  void chunkSizeMustBe1To10000() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BillRun.builder().chunkSize(10_001))
        .withMessage("chunkSize must be 1 to 10000: 10001");
  }

  @Test
  void defaultMaxInFlightIsFourChunksPerThread() {
    BillRun run = BillRun.builder().parallelism(3).build();
    assertThat(run.chunkSize()).isEqualTo(16);
    assertThat(run.maxInFlight()).isEqualTo(4 * 3 * 16);
    assertThat(BillRun.builder().parallelism(2).chunkSize(5).build().maxInFlight()).isEqualTo(40);
  }
}
