package io.github.gridbill.rating.live;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.internal.LiveKernel;
import io.github.gridbill.rating.internal.LiveKernels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The incremental rater of one plan (a tariff, a billing cycle, an interval length): opens {@link LiveAccount}s that
 * fold readings as they arrive and give the bill-to-date, the projected bill and alerts at any moment.
 *
 * <p>{@code LiveRater live = LiveRater.of(RatingPlan.compile(tariff, BillingPeriod.ofMonth(july, zone),
 * IntervalLength.FIFTEEN_MINUTES));} then {@code LiveAccount a = live.open("M-1", setup);} and, per reading, {@code
 * a.ingest(intervalStart, importMwh, exportMwh)}. When every reading of the cycle has arrived,
 * {@code a.billToDate().ratedBill()} equals {@code Rater.create().rate(plan, series, state)} exactly, lines and next
 * state, for every tariff construct: the live account folds readings into the same per-key determinants the batch
 * rater sums and hands them to the same bill assembler.
 *
 * <p>Memory per account is fixed when it is opened, whatever the number of readings: {@link #stateBytesPerAccount()}.
 * A rater is immutable and thread-safe; share it between the threads that own its accounts.
 */
public final class LiveRater {
  private final RatingPlan plan;
  private final LiveOptions options;
  final LiveKernel kernel;
  final IntervalGrid grid;
  final int n;
  /** Lateness window in intervals, and the ring size (window + 1). */
  final int lateness;
  final int window;
  /** Index of the first interval of each local day of the cycle, and n at the end. */
  final int[] dayStart;
  final long maxPerInterval;
  final int minutes;
  /** How exports earn credit, for the export-credit-day alert (null: no net metering). */
  final @Nullable NetMeteringMode creditMode;
  final long dropBasisPoints;
  // live region offsets (after the kernel's longs)
  final int base;
  final int ring;
  final int recvBits;
  final int qual;
  final int longs;

  static final int MAX_SEEN = 0;
  static final int EVICTED = 1;
  static final int RECEIVED = 2;
  static final int FLAGS = 3;
  static final int REV = 4;
  static final int REV_MWH = 5;
  static final int DAY = 6;
  static final int DAY_IMP = 7;
  static final int DAY_EXP = 8;
  static final int DAY_NET_EXP = 9;
  static final int DAY_FLAT = 10;
  static final int REF_SUM = 11;
  static final int REF_DAYS = 12;
  static final int LOW_SUM = 13;
  static final int HEADER = 14;

  private LiveRater(RatingPlan plan, LiveOptions options) {
    this.plan = plan;
    this.options = options;
    this.kernel = LiveKernels.compile(plan);
    this.grid = plan.grid();
    this.n = grid.count();
    IntervalLength len = plan.intervalLength();
    this.minutes = len.minutes();
    Duration l = options.lateness();
    long whole = l.dividedBy(len.duration());
    if (!len.duration().multipliedBy(whole).equals(l)) {
      throw new ValidationException("options.lateness", l,
          "must be a whole number of the plan's " + len.minutes() + "-minute intervals");
    }
    this.lateness = (int) whole;
    this.window = lateness + 1;
    BillingPeriod p = plan.period();
    int days = p.days();
    this.dayStart = new int[days + 1];
    for (int d = 0; d <= days; d++) {
      Instant t = p.startInclusive().plusDays(d).atStartOfDay(p.zone()).toInstant();
      int idx = grid.indexOf(t);
      dayStart[d] = idx < 0 ? n : idx;
    }
    this.maxPerInterval = options.maxDemand().milliwatts() / len.perHour();
    List<TariffSegment> segs = plan.segments();
    this.creditMode = segs.get(segs.size() - 1).version().netMetering().map(NetMeteringRule::mode).orElse(null);
    this.dropBasisPoints = options.dropPercent().movePointRight(2).longValueExact();
    CurrencyUnit cur = plan.tariff().currency();
    options.defaultBillThreshold().ifPresent(t -> checkCurrency("options.defaultBillThreshold", t, cur));
    this.base = kernel.stateLongs();
    this.ring = base + HEADER;
    this.recvBits = ring + 2 * window;
    this.qual = recvBits + (window + 63) / 64;
    this.longs = qual + (window + 7) / 8;
  }

  /**
   * An incremental rater with the default options ({@link LiveOptions#defaults()}).
   *
   * @param plan the compiled plan, not null
   * @return the rater, never null
   */
  public static LiveRater of(RatingPlan plan) {
    return of(plan, LiveOptions.defaults());
  }

  /**
   * An incremental rater.
   *
   * @param plan the compiled plan, not null
   * @param options the lateness window and alert thresholds, not null
   * @return the rater, never null
   * @throws ValidationException if the lateness is not a whole number of the plan's intervals, or the default
   *     threshold is in another currency than the tariff's
   */
  public static LiveRater of(RatingPlan plan, LiveOptions options) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(options, "options");
    return new LiveRater(plan, options);
  }

  /**
   * Opens a new account with no history ({@link AccountSetup#initial()}).
   *
   * @param accountId the account (meter) id printed on its bills, not null, not blank
   * @return the account, never null
   * @throws ValidationException if the id is blank
   */
  public LiveAccount open(String accountId) {
    return open(accountId, AccountSetup.initial());
  }

  /**
   * Opens an account for the cycle.
   *
   * @param accountId the account (meter) id printed on its bills, not null, not blank
   * @param setup its previous state, threshold and history, not null
   * @return the account, never null
   * @throws ValidationException if the id is blank; the state's last bill does not end where the cycle starts; the
   *     threshold is in another currency; a history has another interval length; the demand-response history does
   *     not end where the cycle starts
   */
  public LiveAccount open(String accountId, AccountSetup setup) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(setup, "setup");
    if (accountId.isBlank()) {
      throw new ValidationException("accountId", "\"" + accountId + "\"", "must not be blank");
    }
    setup.billingState().lastPeriodEnd().ifPresent(end -> {
      if (!end.equals(plan.period().startInclusive())) {
        throw new ValidationException("setup.billingState.lastPeriodEnd", end,
            "must equal the cycle's start " + plan.period().startInclusive()
                + " (bills must follow on; use BillingState.initial() for a new account)");
      }
    });
    setup.billThreshold().ifPresent(t -> checkCurrency("setup.billThreshold", t, plan.tariff().currency()));
    setup.likeDayHistory().ifPresent(h -> checkLength("setup.likeDayHistory.series", h.series()));
    setup.demandResponseHistory().ifPresent(h -> {
      checkLength("setup.demandResponseHistory", h);
      if (!h.grid().end().equals(grid.start())) {
        throw new ValidationException("setup.demandResponseHistory", h.grid(),
            "must end where the cycle starts, " + grid.start());
      }
    });
    return new LiveAccount(this, accountId, setup);
  }

  private void checkLength(String field, IntervalSeries s) {
    if (s.grid().length() != plan.intervalLength()) {
      throw new ValidationException(field, s.grid().length().minutes() + " minutes",
          "must have the plan's interval length of " + plan.intervalLength().minutes() + " minutes");
    }
  }

  private static void checkCurrency(String field, Money m, CurrencyUnit cur) {
    if (!m.getCurrencyUnit().equals(cur)) {
      throw new ValidationException(field, m, "must be in the tariff's currency " + cur);
    }
  }

  /**
   * The plan.
   *
   * @return the plan, never null
   */
  public RatingPlan plan() {
    return plan;
  }

  /**
   * The options.
   *
   * @return the options, never null
   */
  public LiveOptions options() {
    return options;
  }

  /**
   * The index of an interval in the cycle's grid.
   *
   * @param intervalStart the start of the interval, not null
   * @return the index, from 0
   * @throws ValidationException if the instant is outside the cycle or not on its grid
   */
  public int indexOf(Instant intervalStart) {
    Objects.requireNonNull(intervalStart, "intervalStart");
    int i = grid.indexOf(intervalStart);
    if (i < 0) {
      throw new ValidationException("intervalStart", intervalStart,
          "must be inside the cycle [" + grid.start() + ", " + grid.end() + ")");
    }
    if (!grid.intervalStart(i).equals(intervalStart)) {
      throw new ValidationException("intervalStart", intervalStart,
          "must be on the cycle's " + minutes + "-minute grid from " + grid.start());
    }
    return i;
  }

  /**
   * The {@code long}s of state an account holds: the rating determinants (7 per key of TOU periods, 2 per price
   * series), a 14-long header (watermark, counts, the day being judged for alerts), and the lateness window (2 per
   * interval of the window plus its received bits and quality bytes).
   *
   * @return the count
   */
  public int stateLongsPerAccount() {
    return longs;
  }

  /**
   * The bytes of state an account holds, by layout: a {@code long[]} of {@link #stateLongsPerAccount()} (8 bytes
   * each and a 16-byte array header) plus, for tariffs that need it, side state (chronological tier counters, exact
   * decimal price sums, and the cycle's intervals for demand response or tiers sized by demand; an estimate). The
   * account object itself adds about 40 bytes. For a TOU tariff with tiers and demand charges on 15-minute data and
   * the default 4-hour window this is under 1 KiB.
   *
   * @return the bytes, fixed from the account's opening on
   */
  public long stateBytesPerAccount() {
    return 16 + 8L * longs + kernel.sideBytes();
  }

  @Override
  public String toString() {
    return "LiveRater[" + plan + ", lateness " + options.lateness() + ", " + stateBytesPerAccount()
        + " bytes per account]";
  }
}
