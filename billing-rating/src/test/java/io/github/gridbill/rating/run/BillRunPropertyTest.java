package io.github.gridbill.rating.run;

import static io.github.gridbill.rating.run.RunFixtures.AUGUST;
import static io.github.gridbill.rating.run.RunFixtures.JULY;
import static io.github.gridbill.rating.run.RunFixtures.TARIFF;
import static io.github.gridbill.rating.run.RunFixtures.hourly;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Bill runs are deterministic: the same jobs give the same results for any thread count, in-flight bound and chunk
 * size.
 */
class BillRunPropertyTest {

  /** kind 0: July, 1: August, 2: a negative reading (fails), 3: data of the wrong month (fails). */
  record JobSpec(long seed, int kind) {}

  @Provide
  Arbitrary<List<JobSpec>> jobs() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3)).as(JobSpec::new)
        .list().ofMaxSize(40);
  }

  private static AccountJob job(int i, JobSpec s) {
    BillingPeriod p = s.kind() == 1 ? AUGUST : JULY;
    return AccountJob.of("ACC-" + i, TARIFF, p, () -> {
      return switch (s.kind()) {
        case 2 -> {
          IntervalGrid g = IntervalGrid.forPeriod(JULY, IntervalLength.SIXTY_MINUTES);
          long[] imp = hourly("M", JULY, s.seed()).importsCopy();
          imp[(int) Math.floorMod(s.seed(), (long) g.count())] = -1;
          yield IntervalSeries.ofImports("M-" + i, g, imp);
        }
        case 3 -> hourly("M-" + i, AUGUST, s.seed());
        default -> hourly("M-" + i, p, s.seed());
      };
    }, BillingState.initial());
  }

  private static BillRun run(int threads, int maxInFlight, int chunkSize) {
    return BillRun.builder().parallelism(threads).maxInFlight(maxInFlight).chunkSize(chunkSize).build();
  }

  @Property(tries = 25)
  void resultsAreIdenticalFor1And2And8Threads(@ForAll("jobs") List<JobSpec> specs,
      @ForAll @IntRange(min = 1, max = 12) int maxInFlight, @ForAll @IntRange(min = 1, max = 5) int chunkSize) {
    List<AccountJob> jobs = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      jobs.add(job(i, specs.get(i)));
    }
    BillRunResult one = run(1, maxInFlight, chunkSize).run(jobs);
    BillRunResult two = run(2, maxInFlight, chunkSize).run(jobs);
    BillRunResult eight = run(8, maxInFlight, chunkSize).run(jobs);
    assertThat(two).isEqualTo(one);
    assertThat(eight).isEqualTo(one);
    List<AccountResult> streamed = new ArrayList<>();
    BillRunResult summary = run(8, maxInFlight, chunkSize).runStreaming(jobs.stream(), streamed::add);
    assertThat(streamed).isEqualTo(one.results());
    assertThat(summary.failures()).isEqualTo(one.failures());
    assertThat(summary.intervalsRated()).isEqualTo(one.intervalsRated());

    // reference: each job rated directly, one at a time
    long intervals = 0;
    for (int i = 0; i < specs.size(); i++) {
      AccountResult r = one.results().get(i);
      assertThat(r.index()).isEqualTo(i);
      if (specs.get(i).kind() >= 2) {
        assertThat(r.failure()).isPresent();
      } else {
        AccountJob j = jobs.get(i);
        IntervalSeries s = j.series().get();
        assertThat(r.ratedBill()).hasValue(Rater.create()
            .rate(RatingPlan.compile(j.tariff(), j.period(), s.grid().length()), s, j.state()));
        intervals += s.size();
      }
    }
    assertThat(one.intervalsRated()).isEqualTo(intervals);
    assertThat(one.accountsRated() + one.accountsFailed()).isEqualTo(specs.size());
  }
}
