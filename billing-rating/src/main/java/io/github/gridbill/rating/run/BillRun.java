package io.github.gridbill.rating.run;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.MeterDataException;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Rates many accounts for a cycle in parallel inside one JVM.
 *
 * <pre>{@code
 * BillRun run = BillRun.builder().parallelism(8).progressListener((done, total) -> log(done, total)).build();
 * // collecting: every result in memory, in input order
 * BillRunResult r = run.run(jobs);
 * // streaming: 100,000 account-months with at most maxInFlight bills in memory
 * BillRunResult summary = run.runStreaming(jobStream, result -> store.save(result));
 * }</pre>
 *
 * <ul>
 *   <li><b>Deterministic.</b> Rating is a pure function of (plan, series, state); results are delivered in input order,
 *       so the results, failures and counts are the same for any thread count (only {@link BillRunResult#elapsed()}
 *       differs), and each result equals {@code Rater.rate} of the same job.</li>
 *   <li><b>Failures are collected.</b> An account whose data, state or plan is bad ({@link MeterDataException},
 *       {@link ValidationException}, any {@link BillingException}) is recorded with its reason in
 *       {@link AccountResult#failure()} and {@link BillRunResult#failures()}, and the run goes on; so is an
 *       unexpected {@code RuntimeException} of one account (a failing data source, say). Errors ({@code Error}) and
 *       failures of the run's own collaborators (the input, the consumer, the progress listener, a rejecting
 *       executor) stop the run: in-flight work is cancelled and the exception propagates.</li>
 *   <li><b>Bounded.</b> At most {@code maxInFlight} jobs are taken from the input and not yet delivered at any time,
 *       so a streaming run holds at most that many series and bills, however long the input. A slow account holds
 *       back delivery (order is kept) but not memory beyond that bound. Workers take consecutive jobs in chunks of
 *       {@code chunkSize} (default 16), so that handing work between threads costs little next to rating.</li>
 *   <li><b>Plans are shared.</b> Accounts on the same tariff, period and interval length share one compiled
 *       {@link RatingPlan} from the run's {@link PlanCache}.</li>
 *   <li><b>Progress.</b> The {@link ProgressListener} is told {@code (done, total)} once per account, after its
 *       result is delivered, on the calling thread.</li>
 * </ul>
 *
 * <p>The calling thread feeds the input, waits for results in order and delivers them; rating happens on the
 * executor. With {@link Builder#parallelism(int)} (the default, one thread per available processor) each run starts
 * its own pool of daemon threads and shuts it down at the end; with {@link Builder#executor(Executor)} the caller's
 * executor is used and never shut down. If the calling thread is interrupted while waiting, in-flight work is
 * cancelled, the interrupt flag is kept and a {@link CancellationException} is thrown.
 *
 * <p>A bill run is immutable and thread-safe; one instance may serve many runs, one after another or at once.
 */
public final class BillRun {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int parallelism;
  private final @Nullable Executor executor;
  private final int maxInFlight;
  private final int chunkSize;
  private final ProgressListener progress;
  private final PlanCache planCache;
  private final Rater rater;

  private BillRun(Builder b) {
    this.parallelism = b.parallelism;
    this.executor = b.executor;
    this.chunkSize = b.chunkSize;
    this.maxInFlight = b.maxInFlight > 0 ? b.maxInFlight : 4 * b.parallelism * b.chunkSize;
    this.progress = b.progress;
    this.planCache = b.planCache != null ? b.planCache : PlanCache.create();
    this.rater = Rater.create();
  }

  /**
   * A builder; every setting is optional.
   *
   * @return a new builder, never null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of worker threads a run starts, or the parallelism assumed for an external executor.
   *
   * @return the parallelism, at least 1
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * The bound on jobs taken from the input and not yet delivered.
   *
   * @return the bound, at least 1
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * The number of consecutive jobs handed to a worker as one task.
   *
   * @return the chunk size, at least 1
   */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * The plan cache the run's accounts share.
   *
   * @return the cache, never null
   */
  public PlanCache planCache() {
    return planCache;
  }

  /**
   * Rates every job and collects the results, in input order, into the summary. For large runs prefer
   * {@link #runStreaming(Stream, Consumer)}, which does not keep the bills.
   *
   * @param jobs the jobs, not null, no null elements
   * @return the summary with {@link BillRunResult#results()}, never null
   * @throws NullPointerException if a job is null (checked before anything is rated)
   * @throws CancellationException if the calling thread is interrupted
   */
  public BillRunResult run(List<AccountJob> jobs) {
    Objects.requireNonNull(jobs, "jobs");
    for (int i = 0; i < jobs.size(); i++) {
      Objects.requireNonNull(jobs.get(i), "jobs[" + i + "]");
    }
    List<AccountResult> all = new ArrayList<>(jobs.size());
    return execute(jobs.iterator(), jobs.size(), all::add, all);
  }

  /**
   * Rates a stream of jobs and hands each result, in input order, to a consumer on the calling thread; the summary
   * keeps the failures but not the bills. The progress total is the stream's exact size if it knows it, else
   * {@link ProgressListener#UNKNOWN_TOTAL}.
   *
   * @param jobs the jobs, not null, no null elements; consumed by this call
   * @param sink receives every result in input order, not null; if it throws, the run stops
   * @return the summary, with empty {@link BillRunResult#results()}, never null
   * @throws NullPointerException if a job is null (the run stops there)
   * @throws CancellationException if the calling thread is interrupted
   */
  public BillRunResult runStreaming(Stream<AccountJob> jobs, Consumer<? super AccountResult> sink) {
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(sink, "sink");
    Spliterator<AccountJob> sp = jobs.spliterator();
    return execute(Spliterators.iterator(sp), sp.getExactSizeIfKnown(), sink, null);
  }

  /**
   * Rates the jobs of an iterator and hands each result, in input order, to a consumer on the calling thread; the
   * progress total is {@link ProgressListener#UNKNOWN_TOTAL}.
   *
   * @param jobs the jobs, not null, no null elements; read on the calling thread only
   * @param sink receives every result in input order, not null; if it throws, the run stops
   * @return the summary, with empty {@link BillRunResult#results()}, never null
   * @throws NullPointerException if a job is null (the run stops there)
   * @throws CancellationException if the calling thread is interrupted
   */
  public BillRunResult runStreaming(Iterator<AccountJob> jobs, Consumer<? super AccountResult> sink) {
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(sink, "sink");
    return execute(jobs, ProgressListener.UNKNOWN_TOTAL, sink, null);
  }

  private BillRunResult execute(Iterator<AccountJob> jobs, long total, Consumer<? super AccountResult> sink,
      @Nullable List<AccountResult> collected) {
    long started = System.nanoTime();
    ExecutorService own = executor == null ? newPool() : null;
    Executor ex = own != null ? own : Objects.requireNonNull(executor);
    ArrayDeque<FutureTask<AccountResult[]>> inFlight = new ArrayDeque<>();
    int inFlightJobs = 0;
    List<AccountFailure> failures = new ArrayList<>();
    long submitted = 0;
    long done = 0;
    long rated = 0;
    long intervals = 0;
    try {
      while (true) {
        while (inFlightJobs < maxInFlight && jobs.hasNext()) {
          AccountJob[] chunk = new AccountJob[Math.min(chunkSize, maxInFlight - inFlightJobs)];
          long first = submitted;
          int n = 0;
          while (n < chunk.length && jobs.hasNext()) {
            chunk[n++] = Objects.requireNonNull(jobs.next(), "jobs[" + submitted + "]");
            submitted++;
          }
          int count = n;
          FutureTask<AccountResult[]> task = new FutureTask<>(() -> rateChunk(first, chunk, count));
          inFlight.add(task);
          inFlightJobs += count;
          ex.execute(task);
        }
        FutureTask<AccountResult[]> head = inFlight.poll();
        if (head == null) {
          break;
        }
        AccountResult[] results = await(head);
        inFlightJobs -= results.length;
        for (AccountResult r : results) {
          if (r.isRated()) {
            rated++;
            intervals += r.intervalsRated();
          } else {
            failures.add(r.failure().orElseThrow());
          }
          sink.accept(r);
          done++;
          progress.onProgress(done, total);
        }
      }
    } catch (RuntimeException | Error e) {
      for (FutureTask<AccountResult[]> t : inFlight) {
        t.cancel(true);
      }
      throw e;
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
    return BillRunResult.builder()
        .accountsSubmitted(submitted)
        .accountsRated(rated)
        .failures(failures)
        .intervalsRated(intervals)
        .elapsed(Duration.ofNanos(System.nanoTime() - started))
        .results(collected == null ? List.of() : collected)
        .build();
  }

  /** Rates a chunk of consecutive jobs, in order. */
  private AccountResult[] rateChunk(long first, AccountJob[] chunk, int count) {
    AccountResult[] out = new AccountResult[count];
    for (int i = 0; i < count; i++) {
      out[i] = rateOne(first + i, chunk[i]);
    }
    return out;
  }

  /** Rates one job; every RuntimeException becomes the account's failure. */
  private AccountResult rateOne(long index, AccountJob job) {
    try {
      IntervalSeries series = job.series().get();
      if (series == null) {
        throw new ValidationException("series", null, "must be supplied (the job's supplier returned null)");
      }
      RatingPlan plan = planCache.planFor(job.tariff(), job.period(), series.grid().length());
      RatedBill bill = rater.rate(plan, series, job.state());
      return AccountResult.builder().index(index).accountId(job.accountId()).ratedBill(bill).build();
    } catch (RuntimeException e) {
      return AccountResult.builder().index(index).accountId(job.accountId())
          .failure(AccountFailure.of(index, job.accountId(), e)).build();
    }
  }

  private static AccountResult[] await(FutureTask<AccountResult[]> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("bill run interrupted");
      c.initCause(e);
      throw c;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  private ExecutorService newPool() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "gridbill-billrun-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return Executors.newFixedThreadPool(parallelism, tf);
  }

  @Override
  public String toString() {
    return "BillRun[parallelism " + parallelism + (executor != null ? ", external executor" : "") + ", maxInFlight "
        + maxInFlight + ", chunkSize " + chunkSize + ", " + planCache + "]";
  }

  /** Builds a {@link BillRun}; not thread-safe, use once. */
  public static final class Builder {
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private @Nullable Executor executor;
    private int maxInFlight;
    private int chunkSize = 16;
    private ProgressListener progress = ProgressListener.NONE;
    private @Nullable PlanCache planCache;

    private Builder() {}

    /**
     * The number of worker threads each run starts (default: available processors). With an external
     * {@link #executor(Executor)}, the parallelism only sets the default {@link #maxInFlight(int)}.
     *
     * @param threads the thread count, 1 to 1024
     * @return this builder
     * @throws ValidationException if the count is not 1 to 1024
     */
    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new ValidationException("parallelism", threads, "must be 1 to 1024");
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * Rates on the caller's executor instead of a pool of the run's own; the run never shuts it down.
     * {@code executor(Runnable::run)} rates on the calling thread.
     *
     * @param executor the executor, not null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The number of consecutive jobs handed to a worker as one task (default 16). A bill takes microseconds, about
     * as long as handing a task to another thread and back; chunks amortise that hand-off. Smaller chunks balance
     * uneven accounts better. A chunk never exceeds {@link #maxInFlight(int)}.
     *
     * @param jobs the chunk size, 1 to 10,000
     * @return this builder
     * @throws ValidationException if the size is not 1 to 10,000
     */
    public Builder chunkSize(int jobs) {
      if (jobs < 1 || jobs > 10_000) {
        throw new ValidationException("chunkSize", jobs, "must be 1 to 10000");
      }
      this.chunkSize = jobs;
      return this;
    }

    /**
     * The bound on jobs taken from the input and not yet delivered (default: 4 × parallelism × chunk size): the most
     * series and bills a streaming run holds at once.
     *
     * @param jobs the bound, 1 to 1,000,000
     * @return this builder
     * @throws ValidationException if the bound is not 1 to 1,000,000
     */
    public Builder maxInFlight(int jobs) {
      if (jobs < 1 || jobs > 1_000_000) {
        throw new ValidationException("maxInFlight", jobs, "must be 1 to 1000000");
      }
      this.maxInFlight = jobs;
      return this;
    }

    /**
     * The progress listener (default: none).
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public Builder progressListener(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * A plan cache to share, for example across the runs of several cycles (default: a new cache per
     * {@code BillRun}).
     *
     * @param cache the cache, not null
     * @return this builder
     */
    public Builder planCache(PlanCache cache) {
      this.planCache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /**
     * Builds the bill run.
     *
     * @return the bill run, never null
     */
    public BillRun build() {
      return new BillRun(this);
    }
  }
}
