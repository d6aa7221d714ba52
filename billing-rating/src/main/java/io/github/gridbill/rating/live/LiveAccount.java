package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveRater.DAY;
import static io.github.gridbill.rating.live.LiveRater.DAY_EXP;
import static io.github.gridbill.rating.live.LiveRater.DAY_FLAT;
import static io.github.gridbill.rating.live.LiveRater.DAY_IMP;
import static io.github.gridbill.rating.live.LiveRater.DAY_NET_EXP;
import static io.github.gridbill.rating.live.LiveRater.EVICTED;
import static io.github.gridbill.rating.live.LiveRater.FLAGS;
import static io.github.gridbill.rating.live.LiveRater.LOW_SUM;
import static io.github.gridbill.rating.live.LiveRater.MAX_SEEN;
import static io.github.gridbill.rating.live.LiveRater.RECEIVED;
import static io.github.gridbill.rating.live.LiveRater.REF_DAYS;
import static io.github.gridbill.rating.live.LiveRater.REF_SUM;
import static io.github.gridbill.rating.live.LiveRater.REV;
import static io.github.gridbill.rating.live.LiveRater.REV_MWH;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.ReadingQuality;
import io.github.gridbill.rating.internal.LiveKernel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One account's cycle, rated as readings arrive: readings one by one ({@link #ingest(Instant, long, long)}) or in
 * batches ({@link #ingestAll(List)}), out of order within the lateness window, duplicates ignored; at any moment the
 * {@link #billToDate()}, a {@link #project(ProjectionMethod) projected bill} and the new {@link #alerts()}.
 *
 * <p>Each reading costs O(1): it is folded into per-key sums and maxima (order-free, so arrival order does not matter)
 * and kept in a ring of the lateness window; an interval leaving the window is final and is folded in time order
 * (chronological tiers, the day judged for alerts). Readings for an interval already received are compared with it
 * ({@link IngestOutcome#DUPLICATE} or {@link IngestOutcome#CONFLICT}) and never applied; readings older than the
 * window are {@link IngestOutcome#TOO_LATE}. The account's memory is fixed when it is opened
 * ({@link LiveRater#stateBytesPerAccount()}), whatever the number of readings.
 *
 * <p>Demand response: the credit is settled by the batch rater's settlement code over the retained cycle and the
 * setup's {@link AccountSetup#demandResponseHistory()}.
 *
 * <p>An account is not thread-safe: one thread at a time (accounts are independent of each other).
 */
public final class LiveAccount {
  private static final int FLAG_REVERSE_REPORTED = 1;
  private static final int FLAG_FLAT_ACTIVE = 2;
  private static final int FLAG_CLOSED = 4;

  private final LiveRater r;
  private final LiveKernel k;
  private final String id;
  private final AccountSetup setup;
  private final boolean generation;
  private final long[] s;
  private final @Nullable Object side;
  /** The like-day history's average daily import in mWh, or -1 without one. */
  private final long historyDaily;
  private @Nullable List<LiveAlert> pending;
  private @Nullable AlertBook book;

  /** What {@link #alerts()} remembers so that each condition is raised once. */
  private static final class AlertBook {
    final Set<String> tiers = new HashSet<>();
    Money demandCharge;
    Power peak = Power.zero();
    boolean projected;
    boolean usage;

    AlertBook(CurrencyUnit cur) {
      demandCharge = Money.zero(cur);
    }
  }

  LiveAccount(LiveRater r, String id, AccountSetup setup) {
    this.r = r;
    this.k = r.kernel;
    this.id = id;
    this.setup = setup;
    this.generation = setup.generation();
    this.s = new long[r.longs];
    this.side = k.newSide();
    s[r.base + MAX_SEEN] = -1;
    this.historyDaily = setup.likeDayHistory().map(h -> dailyAverage(h.series())).orElse(-1L);
  }

  private static long dailyAverage(IntervalSeries h) {
    long seconds = (long) h.size() * h.grid().length().seconds();
    long total = h.totalImport().milliwattHours();
    return BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(86_400))
        .divide(BigDecimal.valueOf(seconds), 0, RoundingMode.HALF_UP).longValueExact();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ingest

  /**
   * Folds one actual reading, by interval index (the fast path).
   *
   * @param index the interval's index in the cycle's grid ({@link LiveRater#indexOf(Instant)})
   * @param importMwh imported energy in mWh, not negative
   * @param exportMwh exported energy in mWh, not negative
   * @return what became of the reading, never null
   * @throws ValidationException if the index is outside the cycle or a value is negative or above the sane maximum
   */
  public IngestOutcome ingest(int index, long importMwh, long exportMwh) {
    check(index, importMwh, exportMwh);
    return apply(index, importMwh, exportMwh, 0);
  }

  /**
   * Folds one actual reading: {@code ingest(Instant.parse("2024-07-01T14:15:00Z"), 2_500_000, 0)}.
   *
   * @param intervalStart the interval's start, on the cycle's grid, not null
   * @param importMwh imported energy in mWh, not negative
   * @param exportMwh exported energy in mWh, not negative
   * @return what became of the reading, never null
   * @throws ValidationException if the instant is outside the cycle or off its grid, or a value is negative or above
   *     the sane maximum
   */
  public IngestOutcome ingest(Instant intervalStart, long importMwh, long exportMwh) {
    int i = r.indexOf(intervalStart);
    check(i, importMwh, exportMwh);
    return apply(i, importMwh, exportMwh, 0);
  }

  /**
   * Folds one reading with its quality.
   *
   * @param reading the reading, not null
   * @return what became of it, never null
   * @throws ValidationException if the instant is outside the cycle or off its grid, or a value is above the sane
   *     maximum
   */
  public IngestOutcome ingest(LiveReading reading) {
    Objects.requireNonNull(reading, "reading");
    int i = r.indexOf(reading.intervalStart());
    check(i, reading.importMwh(), reading.exportMwh());
    return apply(i, reading.importMwh(), reading.exportMwh(), qm(reading.quality(), reading.method()));
  }

  /**
   * Folds a batch of readings in the order given. Every reading is validated before any is applied.
   *
   * @param readings the readings, not null
   * @return the outcomes, never null
   * @throws ValidationException naming the first reading outside the cycle, off its grid or above the sane maximum;
   *     nothing is applied then
   */
  public IngestSummary ingestAll(List<LiveReading> readings) {
    Objects.requireNonNull(readings, "readings");
    int[] idx = new int[readings.size()];
    for (int j = 0; j < idx.length; j++) {
      LiveReading rd = Objects.requireNonNull(readings.get(j), "readings[" + j + "]");
      try {
        idx[j] = r.indexOf(rd.intervalStart());
        check(idx[j], rd.importMwh(), rd.exportMwh());
      } catch (ValidationException e) {
        throw new ValidationException("readings[" + j + "]." + e.field(), e.value(), e.reason(), e);
      }
    }
    Tally t = new Tally();
    for (int j = 0; j < idx.length; j++) {
      LiveReading rd = readings.get(j);
      t.add(apply(idx[j], rd.importMwh(), rd.exportMwh(), qm(rd.quality(), rd.method())), rd.intervalStart());
    }
    return t.summary();
  }

  /**
   * Folds the intervals of a series (a head-end file, say) in time order; MISSING intervals are not readings and are
   * skipped. The series must lie inside the cycle, on its grid.
   *
   * @param series the readings, not null
   * @return the outcomes, never null
   * @throws ValidationException if the series has another interval length, is off the cycle's grid or outside it,
   *     or a value is above the sane maximum; nothing is applied then
   */
  public IngestSummary ingestAll(IntervalSeries series) {
    Objects.requireNonNull(series, "series");
    IntervalGrid sg = series.grid();
    if (sg.length() != r.grid.length()) {
      throw new ValidationException("series.intervalLength", sg.length().minutes() + " minutes",
          "must equal the plan's interval length of " + r.minutes + " minutes");
    }
    int from = 0;
    if (series.size() > 0) {
      from = r.indexOf(sg.start());
      if (sg.end().isAfter(r.grid.end())) {
        throw new ValidationException("series", sg, "must end by the cycle's end " + r.grid.end());
      }
      for (int j = 0; j < series.size(); j++) {
        check(from + j, series.importAt(j), series.exportAt(j));
      }
    }
    Tally t = new Tally();
    for (int j = 0; j < series.size(); j++) {
      ReadingQuality q = series.quality(j);
      if (q == ReadingQuality.MISSING) {
        continue;
      }
      t.add(apply(from + j, series.importAt(j), series.exportAt(j), qm(q, series.method(j))), sg.intervalStart(j));
    }
    return t.summary();
  }

  private static final class Tally {
    int accepted;
    int duplicates;
    final List<Instant> conflicts = new ArrayList<>();
    final List<Instant> late = new ArrayList<>();

    void add(IngestOutcome o, Instant at) {
      switch (o) {
        case ACCEPTED:
          accepted++;
          break;
        case DUPLICATE:
          duplicates++;
          break;
        case CONFLICT:
          conflicts.add(at);
          break;
        default:
          late.add(at);
      }
    }

    IngestSummary summary() {
      return IngestSummary.builder().accepted(accepted).duplicates(duplicates).conflicts(conflicts).tooLate(late)
          .build();
    }
  }

  private static int qm(ReadingQuality q, EstimationMethod m) {
    return q.code() | m.code() << 4;
  }

  private void check(int index, long importMwh, long exportMwh) {
    if (index < 0 || index >= r.n) {
      throw new ValidationException("index", index, "must be an interval of the cycle, 0 to " + (r.n - 1));
    }
    checkValue("importMwh", importMwh);
    checkValue("exportMwh", exportMwh);
  }

  private void checkValue(String field, long v) {
    if (v < 0) {
      throw new ValidationException(field, v, "must not be negative");
    }
    if (v > r.maxPerInterval) {
      throw new ValidationException(field, v, "must not exceed the sane maximum of " + r.maxPerInterval
          + " mWh per interval (" + r.options().maxDemand() + ")");
    }
  }

  /** The fold of one valid reading; quality and method packed as {@code q | m << 4}. */
  private IngestOutcome apply(int i, long a, long x, int qm) {
    final long[] st = s;
    final LiveRater rr = r;
    final int b = rr.base;
    final long evicted = st[b + EVICTED];
    if (i < evicted) {
      return IngestOutcome.TOO_LATE;
    }
    final int slot = i % rr.window;
    final int rb = rr.ring + 2 * slot;
    final int wb = rr.recvBits + (slot >>> 6);
    final long bit = 1L << slot;
    final int qb = rr.qual + (slot >>> 3);
    final int qs = (slot & 7) << 3;
    if (i <= st[b + MAX_SEEN]) {
      if ((st[wb] & bit) != 0) {
        boolean same = st[rb] == a && st[rb + 1] == x && ((st[qb] >>> qs) & 0xFF) == qm;
        return same ? IngestOutcome.DUPLICATE : IngestOutcome.CONFLICT;
      }
    } else {
      final long next = (long) i - rr.lateness;
      if (next > evicted) {
        evict((int) evicted, (int) next);
        st[b + EVICTED] = next;
      }
      st[b + MAX_SEEN] = i;
    }
    st[rb] = a;
    st[rb + 1] = x;
    st[wb] |= bit;
    st[qb] = (st[qb] & ~(0xFFL << qs)) | ((long) qm << qs);
    st[b + RECEIVED]++;
    k.add(st, side, i, a, x, qm & 0xF, qm >>> 4);
    if (x > 0 && !generation) {
      reverse(i, x);
    }
    return IngestOutcome.ACCEPTED;
  }

  private void reverse(int i, long x) {
    int b = r.base;
    long rv = s[b + REV];
    int first = (int) rv - 1;
    if (first < 0 || i < first) {
      rv = (rv & 0xFFFF_FFFF_0000_0000L) | (i + 1);
    }
    s[b + REV] = rv + (1L << 32);
    s[b + REV_MWH] += x;
  }

  /** Intervals [from, to) leave the window, in order: final, folded in time order. */
  private void evict(int from, int to) {
    final long[] st = s;
    final LiveRater rr = r;
    final boolean ordered = k.ordered();
    final int w = rr.window;
    int slot = from % w;
    for (int j = from; j < to; j++) {
      final int wb = rr.recvBits + (slot >>> 6);
      final long bit = 1L << slot;
      long a = 0;
      long x = 0;
      final boolean rec = (st[wb] & bit) != 0;
      if (rec) {
        a = st[rr.ring + 2 * slot];
        x = st[rr.ring + 2 * slot + 1];
        st[wb] &= ~bit;
      }
      if (ordered) {
        k.addOrdered(side, j, a, x);
      }
      day(j, rec, a, x);
      if (++slot == w) {
        slot = 0;
      }
    }
  }

  private void day(int j, boolean rec, long a, long x) {
    final long[] st = s;
    final int b = r.base;
    if (rec) {
      st[b + DAY] += 1L << 32;
      st[b + DAY_IMP] += a;
      st[b + DAY_EXP] += x;
      if (x > a) {
        st[b + DAY_NET_EXP] += x - a;
      }
      if ((a | x) == 0) {
        st[b + DAY_FLAT]++;
      }
    }
    final int d = (int) st[b + DAY];
    if (j + 1 == r.dayStart[d + 1]) {
      closeDay(d);
    }
  }

  /** Judges a day whose last interval left the window (or the cycle closed), raises its alerts, starts the next. */
  private void closeDay(int d) {
    final long[] st = s;
    final int b = r.base;
    int len = r.dayStart[d + 1] - r.dayStart[d];
    int recv = (int) (st[b + DAY] >>> 32);
    long imp = st[b + DAY_IMP];
    long exp = st[b + DAY_EXP];
    long netExp = st[b + DAY_NET_EXP];
    int flat = (int) st[b + DAY_FLAT];
    int lowRun = (int) (st[b + DAY_FLAT] >>> 32);
    if (len > 0) {
      Instant from = r.grid.intervalStart(r.dayStart[d]);
      Instant to = r.dayStart[d + 1] < r.n ? r.grid.intervalStart(r.dayStart[d + 1]) : r.grid.end();
      long credited = 0;
      if (r.creditMode != null) {
        switch (r.creditMode) {
          case NET_BILLING:
            credited = netExp;
            break;
          case BUY_ALL_SELL_ALL:
            credited = exp;
            break;
          default:
            credited = Math.max(exp - imp, 0);
        }
      }
      if (credited > 0) {
        emit(ExportCreditDayAlert.builder().accountId(id).asOf(to)
            .date(r.plan().period().startInclusive().plusDays(d)).credited(Energy.ofMilliwattHours(credited)).build());
      }
      long ref = reference();
      boolean consumes = ref > 0 && ref >= r.options().normalDailyUse().milliwattHours();
      boolean flatDay = consumes && (long) flat * r.minutes >= r.options().flatZeroHours() * 60L;
      if (flatDay) {
        if ((st[b + FLAGS] & FLAG_FLAT_ACTIVE) == 0) {
          st[b + FLAGS] |= FLAG_FLAT_ACTIVE;
          emit(MeterFaultAlert.builder().accountId(id).asOf(to).fault(MeterFault.FLAT_ZERO).fromInclusive(from)
              .toExclusive(to).observed(Energy.ofMilliwattHours(imp)).reference(Energy.ofMilliwattHours(ref)).build());
        }
      } else {
        st[b + FLAGS] &= ~FLAG_FLAT_ACTIVE;
      }
      if (recv == len) {
        boolean low = consumes && imp * 10_000 < ref * r.dropBasisPoints;
        if (low) {
          if (lowRun == 0) {
            st[b + REF_DAYS] = (st[b + REF_DAYS] & 0xFFFF_FFFFL) | ((long) d << 32);
            st[b + LOW_SUM] = 0;
          }
          lowRun++;
          st[b + LOW_SUM] += imp;
          if (lowRun == r.options().dropDays()) {
            int firstLow = (int) (st[b + REF_DAYS] >>> 32);
            long avg = (2 * st[b + LOW_SUM] + lowRun) / (2L * lowRun);
            emit(MeterFaultAlert.builder().accountId(id).asOf(to).fault(MeterFault.SUSTAINED_DROP)
                .fromInclusive(r.grid.intervalStart(r.dayStart[firstLow])).toExclusive(to)
                .observed(Energy.ofMilliwattHours(avg)).reference(Energy.ofMilliwattHours(ref)).build());
          }
        } else {
          lowRun = 0;
          if (historyDaily < 0) {
            st[b + REF_SUM] += imp;
            st[b + REF_DAYS]++;
          }
        }
      }
    }
    st[b + DAY] = d + 1L;
    st[b + DAY_IMP] = 0;
    st[b + DAY_EXP] = 0;
    st[b + DAY_NET_EXP] = 0;
    st[b + DAY_FLAT] = (long) lowRun << 32;
  }

  /** The reference daily import in mWh: the like-day history's average day, else this cycle's normal days; -1. */
  private long reference() {
    if (historyDaily >= 0) {
      return historyDaily;
    }
    long days = s[r.base + REF_DAYS] & 0xFFFF_FFFFL;
    return days == 0 ? -1 : (2 * s[r.base + REF_SUM] + days) / (2 * days);
  }

  private void emit(LiveAlert a) {
    List<LiveAlert> p = pending;
    if (p == null) {
      p = new ArrayList<>(2);
      pending = p;
    }
    p.add(a);
  }

  /**
   * Closes the cycle: no more readings are accepted ({@link IngestOutcome#TOO_LATE}), every interval still in the
   * lateness window becomes final, and the remaining days are judged for alerts. Idempotent.
   */
  public void close() {
    int b = r.base;
    if ((s[b + FLAGS] & FLAG_CLOSED) != 0) {
      return;
    }
    evict((int) s[b + EVICTED], r.n); // the last interval closes the last day
    s[b + EVICTED] = r.n;
    s[b + FLAGS] |= FLAG_CLOSED;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // queries

  /**
   * The account id.
   *
   * @return the id, never null
   */
  public String accountId() {
    return id;
  }

  /**
   * The setup the account was opened with.
   *
   * @return the setup, never null
   */
  public AccountSetup setup() {
    return setup;
  }

  /**
   * Readings accepted so far.
   *
   * @return the count
   */
  public int intervalsReceived() {
    return (int) s[r.base + RECEIVED];
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return true when closed
   */
  public boolean isClosed() {
    return (s[r.base + FLAGS] & FLAG_CLOSED) != 0;
  }

  /**
   * The end of the latest interval received, or the cycle's start.
   *
   * @return the instant, never null
   */
  public Instant asOf() {
    int ms = (int) s[r.base + MAX_SEEN];
    return ms < 0 ? r.grid.start() : ms + 1 < r.n ? r.grid.intervalStart(ms + 1) : r.grid.end();
  }

  private int daysElapsed() {
    int ms = (int) s[r.base + MAX_SEEN];
    int d = 0;
    while (d + 1 < r.dayStart.length && r.dayStart[d + 1] <= ms + 1) {
      d++;
    }
    return d;
  }

  private boolean received(int j) {
    int slot = j % r.window;
    return j >= s[r.base + EVICTED] && j <= s[r.base + MAX_SEEN]
        && (s[r.recvBits + (slot >>> 6)] & (1L << slot)) != 0;
  }

  private long ringImport(int j) {
    return s[r.ring + 2 * (j % r.window)];
  }

  private long ringExport(int j) {
    return s[r.ring + 2 * (j % r.window) + 1];
  }

  /**
   * The bill as it stands: each line as the final bill would show it with the readings received so far (intervals
   * without a reading count as zero; fixed charges and minimums are the whole cycle's). When every interval has
   * arrived this is the final bill, equal to the batch rater's.
   *
   * @return the bill-to-date, never null
   */
  public BillToDate billToDate() {
    int b = r.base;
    int e = (int) s[b + EVICTED];
    int ms = (int) s[b + MAX_SEEN];
    int cnt = Math.max(0, ms - e + 1);
    long[] pi = new long[cnt];
    long[] px = new long[cnt];
    for (int j = e; j <= ms; j++) {
      if (received(j)) {
        pi[j - e] = ringImport(j);
        px[j - e] = ringExport(j);
      }
    }
    RatedBill rb = k.assemble(s, side, id, setup.billingState(), setup.demandResponseHistory().orElse(null), e, pi,
        px);
    int elapsed = daysElapsed();
    return BillToDate.builder().ratedBill(rb).asOf(asOf()).intervalsReceived(intervalsReceived())
        .intervalsInCycle(r.n).daysElapsed(elapsed).daysLeft(r.dayStart.length - 1 - elapsed).build();
  }

  /**
   * The bill projected to the cycle's end by like days when the setup has a like-day history, else by run rate.
   *
   * @return the projection, never null
   */
  public Projection project() {
    return project(setup.likeDayHistory().isPresent() ? ProjectionMethod.LIKE_DAY : ProjectionMethod.RUN_RATE);
  }

  /**
   * The bill projected to the cycle's end: the readings received plus every interval still to come (from the
   * lateness window on) filled by the method, rated as a whole, so tiers and demand are re-rated on the projected
   * usage. The account is unaffected.
   *
   * @param method the method, not null
   * @return the projection, never null
   * @throws ValidationException if the method is LIKE_DAY and the setup has no like-day history
   */
  public Projection project(ProjectionMethod method) {
    Objects.requireNonNull(method, "method");
    LikeDayHistory h = setup.likeDayHistory().orElse(null);
    if (method == ProjectionMethod.LIKE_DAY && h == null) {
      throw new ValidationException("method", method, "needs a like-day history in the account's setup");
    }
    int b = r.base;
    int e = (int) s[b + EVICTED];
    long[] copy = s.clone();
    Object sd = k.copySide(side);
    int keys = k.keyCount();
    long[] avgImp = new long[keys];
    long[] avgExp = new long[keys];
    boolean[] seen = new boolean[keys];
    long allImp = 0;
    long allExp = 0;
    long all = 0;
    for (int key = 0; key < keys; key++) {
      long c = k.keyReadings(s, key);
      allImp += k.keyImport(s, key);
      allExp += k.keyExport(s, key);
      all += c;
      if (c > 0) {
        seen[key] = true;
        avgImp[key] = half(k.keyImport(s, key), c);
        avgExp[key] = half(k.keyExport(s, key), c);
      }
    }
    long overallImp = all == 0 ? 0 : half(allImp, all);
    long overallExp = all == 0 ? 0 : half(allExp, all);
    int cnt = r.n - e;
    long[] pi = new long[cnt];
    long[] px = new long[cnt];
    int projected = 0;
    int fallback = 0;
    ZoneId zone = r.plan().tariff().zone();
    for (int j = e; j < r.n; j++) {
      if (received(j)) {
        pi[j - e] = ringImport(j);
        px[j - e] = ringExport(j);
        continue;
      }
      long a;
      long x;
      int hi = h == null || method != ProjectionMethod.LIKE_DAY ? -1 : likeIndex(h, zone, j);
      if (hi >= 0 && h != null) {
        a = h.series().importAt(hi);
        x = h.series().exportAt(hi);
      } else {
        if (method == ProjectionMethod.LIKE_DAY) {
          fallback++;
        }
        int key = k.keyOf(j);
        a = seen[key] ? avgImp[key] : overallImp;
        x = seen[key] ? avgExp[key] : overallExp;
      }
      k.add(copy, sd, j, a, x, 0, 0);
      pi[j - e] = a;
      px[j - e] = x;
      projected++;
    }
    Bill bill = k.assemble(copy, sd, id, setup.billingState(), setup.demandResponseHistory().orElse(null), e, pi, px)
        .bill();
    int elapsed = daysElapsed();
    return Projection.builder().method(method).bill(bill).asOf(asOf()).daysElapsed(elapsed)
        .daysLeft(r.dayStart.length - 1 - elapsed).intervalsProjected(projected).fallbackIntervals(fallback).build();
  }

  private static long half(long sum, long count) {
    return (2 * sum + count) / (2 * count);
  }

  /** The index in the history of the interval at interval j's local time minus the lookback, or -1. */
  private int likeIndex(LikeDayHistory h, ZoneId zone, int j) {
    Instant t = LocalDateTime.ofInstant(r.grid.intervalStart(j), zone).minus(h.lookback()).atZone(zone).toInstant();
    IntervalGrid hg = h.series().grid();
    int i = hg.indexOf(t);
    return i >= 0 && hg.intervalStart(i).equals(t) ? i : -1;
  }

  /**
   * The alerts raised since the last call, each condition once: meter faults and export-credit days judged as days
   * left the lateness window, then (from the bill-to-date) tiers crossed and new demand peaks, the projected bill
   * over the threshold and usage over the same point last cycle. Alerts judged per day wait in the account until
   * this is called (at most a few per day of the cycle); the others are judged now, on the bill-to-date (and, with a
   * threshold, a projection), so a call costs a bill assembly: call it per batch or on a schedule, not per reading.
   *
   * @return the new alerts, in that order, never null
   */
  public List<LiveAlert> alerts() {
    List<LiveAlert> out = new ArrayList<>();
    List<LiveAlert> p = pending;
    if (p != null) {
      out.addAll(p);
      p.clear();
    }
    CurrencyUnit cur = r.plan().tariff().currency();
    AlertBook bk = book;
    if (bk == null) {
      bk = new AlertBook(cur);
      book = bk;
    }
    int b = r.base;
    Instant asOf = asOf();
    long rv = s[b + REV];
    if ((int) rv != 0 && (s[b + FLAGS] & FLAG_REVERSE_REPORTED) == 0) {
      s[b + FLAGS] |= FLAG_REVERSE_REPORTED;
      out.add(MeterFaultAlert.builder().accountId(id).asOf(asOf).fault(MeterFault.REVERSE_FLOW_WITHOUT_GENERATION)
          .fromInclusive(r.grid.intervalStart((int) rv - 1)).toExclusive(asOf)
          .observed(Energy.ofMilliwattHours(s[b + REV_MWH])).reference(Energy.zero()).build());
    }
    if (intervalsReceived() == 0) {
      return out;
    }
    Bill bill = billToDate().bill();
    // tiers reached
    Map<String, BigDecimal> usage = new TreeMap<>();
    for (BillLine l : bill.lines()) {
      if (l.kind() == LineKind.ENERGY && l.quantity().isPresent()) {
        usage.merge(tierKey(l), l.quantity().get().value(), BigDecimal::add);
      }
    }
    for (BillLine l : bill.lines()) {
      if (l.kind() != LineKind.ENERGY || l.tier().orElse(1) < 2
          || l.quantity().map(q -> q.value().signum() <= 0).orElse(true)) {
        continue;
      }
      if (bk.tiers.add(tierKey(l) + "|" + l.tier().get())) {
        out.add(TierCrossedAlert.builder().accountId(id).asOf(asOf).componentId(l.componentId())
            .touPeriod(l.touPeriod()).segment(l.segment()).tier(l.tier().get()).rate(l.rate().orElse(BigDecimal.ZERO))
            .usageKwh(Objects.requireNonNull(usage.get(tierKey(l)))).build());
      }
    }
    // demand
    Money demand = Money.zero(cur);
    for (BillLine l : bill.lines()) {
      if (l.kind() == LineKind.DEMAND) {
        demand = demand.plus(l.amount());
      }
    }
    if (demand.isGreaterThan(bk.demandCharge)) {
      out.add(DemandPeakAlert.builder().accountId(id).asOf(asOf).peakBefore(bk.peak).peak(bill.peakDemand())
          .chargeBefore(bk.demandCharge).charge(demand).addedCost(demand.minus(bk.demandCharge)).build());
      bk.demandCharge = demand;
      bk.peak = bill.peakDemand();
    }
    // projected bill
    Optional<Money> threshold = setup.billThreshold().or(() -> r.options().defaultBillThreshold());
    if (threshold.isPresent() && !bk.projected) {
      Projection pr = project();
      if (pr.total().isGreaterThan(threshold.get())) {
        bk.projected = true;
        out.add(ProjectedBillAlert.builder().accountId(id).asOf(asOf).projectedTotal(pr.total())
            .threshold(threshold.get()).method(pr.method()).build());
      }
    }
    // usage over the same point last cycle
    LikeDayHistory h = setup.likeDayHistory().orElse(null);
    if (h != null && !bk.usage) {
      long now = 0;
      for (int key = 0; key < k.keyCount(); key++) {
        now += k.keyImport(s, key);
      }
      long last = 0;
      ZoneId zone = r.plan().tariff().zone();
      int ms = (int) s[b + MAX_SEEN];
      for (int j = 0; j <= ms; j++) {
        int hi = likeIndex(h, zone, j);
        if (hi >= 0) {
          last += h.series().importAt(hi);
        }
      }
      BigDecimal pct = r.options().usageIncreasePercent();
      if (last > 0 && BigDecimal.valueOf(now).multiply(BigDecimal.valueOf(100))
          .compareTo(BigDecimal.valueOf(last).multiply(BigDecimal.valueOf(100).add(pct))) > 0) {
        bk.usage = true;
        BigDecimal over = BigDecimal.valueOf(now - last).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(last), 2, RoundingMode.HALF_UP);
        out.add(UsageIncreaseAlert.builder().accountId(id).asOf(asOf).usage(Energy.ofMilliwattHours(now))
            .lastCycleUsage(Energy.ofMilliwattHours(last)).percentOver(over).thresholdPercent(pct).build());
      }
    }
    return out;
  }

  private static String tierKey(BillLine l) {
    return l.componentId() + "|" + l.touPeriod().orElse("") + "|" + l.segment().startInclusive();
  }

  @Override
  public String toString() {
    return "LiveAccount[" + id + ", " + intervalsReceived() + " of " + r.n + " intervals, as of " + asOf() + "]";
  }
}
