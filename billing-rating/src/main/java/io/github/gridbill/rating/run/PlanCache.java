package io.github.gridbill.rating.run;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.RatingPlan;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compiled {@link RatingPlan}s shared by the accounts of a bill run: one compilation per (tariff id, billing period,
 * interval length), however many accounts and threads ask for it.
 *
 * <p>The first thread to ask for a key compiles the plan; threads asking for the same key meanwhile wait for that one
 * compilation, and threads asking for other keys are not blocked. A compilation that fails with a
 * {@link BillingException} (a period the tariff does not cover, say) is remembered, and every account asking for that
 * key gets the same error without recompiling; any other failure is not cached. Plans are kept until {@link #clear()}:
 * a run over many cycles or tariffs holds one plan per key (a plan is a few kB per period and tariff).
 *
 * <p>The cache is keyed by tariff <em>id</em>, so it refuses a different tariff under an id it already compiled
 * ({@link ConflictException}) rather than rate with the wrong one. Thread-safe.
 */
public final class PlanCache {

  private record Key(String tariffId, BillingPeriod period, IntervalLength length) {}

  private final ConcurrentHashMap<Key, CompletableFuture<RatingPlan>> plans = new ConcurrentHashMap<>();
  private final LongAdder compilations = new LongAdder();

  private PlanCache() {}

  /**
   * An empty cache.
   *
   * @return the cache, never null
   */
  public static PlanCache create() {
    return new PlanCache();
  }

  /**
   * The plan for a tariff, period and interval length, compiled on first use.
   *
   * @param tariff the tariff, not null
   * @param period the billing period, not null
   * @param length the interval length, not null
   * @return the plan, never null
   * @throws ValidationException if the plan does not compile (see {@link RatingPlan#compile})
   * @throws ConflictException if a different tariff with the same id was compiled for this period and length
   */
  @SuppressWarnings("ReferenceEquality") // identity first: the common case, one Tariff instance for every account
  public RatingPlan planFor(Tariff tariff, BillingPeriod period, IntervalLength length) {
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(length, "length");
    Key key = new Key(tariff.id(), period, length);
    CompletableFuture<RatingPlan> f = plans.get(key);
    if (f == null) {
      CompletableFuture<RatingPlan> mine = new CompletableFuture<>();
      f = plans.putIfAbsent(key, mine);
      if (f == null) {
        f = mine;
        compilations.increment();
        try {
          mine.complete(RatingPlan.compile(tariff, period, length));
        } catch (BillingException e) {
          mine.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
          plans.remove(key, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
    }
    RatingPlan plan = await(f);
    if (plan.tariff() != tariff && !plan.tariff().equals(tariff)) {
      throw new ConflictException("tariff", tariff.id(),
          "must be the tariff already compiled under this id for " + period + " (a plan cache is keyed by tariff id)");
    }
    return plan;
  }

  private static RatingPlan await(CompletableFuture<RatingPlan> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The number of plans held (including remembered failures).
   *
   * @return the size
   */
  public int size() {
    return plans.size();
  }

  /**
   * The number of compilations started since the cache was created: with N accounts on one tariff and period it is 1.
   *
   * @return the count
   */
  public long compilations() {
    return compilations.sum();
  }

  /** Drops every plan; plans being compiled complete for the threads waiting on them. */
  public void clear() {
    plans.clear();
  }

  @Override
  public String toString() {
    return "PlanCache[" + plans.size() + " plan(s), " + compilations.sum() + " compilation(s)]";
  }
}
