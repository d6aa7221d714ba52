package io.github.gridbill.rating.vee;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.MeterDataException;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every version of every interval reading of one meter: nothing is overwritten. VEE results, late actual readings and
 * manual edits are appended as new versions; the version in force for each interval is chosen by an
 * {@link InForceRule} (by default the latest actual beats an estimate).
 *
 * <pre>{@code
 * ReadingVersionStore s = ReadingVersionStore.empty("M-1", FIFTEEN_MINUTES)
 *     .withSeries(veeResult.series(), Instant.parse("2024-07-01T02:00:00Z"))       // actuals and estimates
 *     .withSeries(lateReads.series(), Instant.parse("2024-07-09T02:00:00Z"))       // actuals replace estimates
 *     .withEdit(t, 512_000, 0, "j.smith", "meter exchanged", Instant.parse("2024-07-10T09:12:00Z"));
 * s.inForce(t);        // the edit
 * s.history(t);        // the estimate, the actual and the edit, in order
 * s.series(julyGrid);  // what to rate now
 * }</pre>
 *
 * <p>The store is a persistent value: each {@code with...} returns a new store and leaves this one as it was, so a
 * store is also a snapshot that a bill can refer to. Recording times must not go backwards. This class is immutable
 * and thread-safe.
 */
public final class ReadingVersionStore {
  private final String meterId;
  private final IntervalLength length;
  private final InForceRule rule;
  private final NavigableMap<Instant, List<ReadingVersion>> versions;
  private final long lastSequence;
  private final @Nullable Instant lastRecordedAt;

  private ReadingVersionStore(String meterId, IntervalLength length, InForceRule rule,
      NavigableMap<Instant, List<ReadingVersion>> versions, long lastSequence, @Nullable Instant lastRecordedAt) {
    this.meterId = meterId;
    this.length = length;
    this.rule = rule;
    this.versions = versions;
    this.lastSequence = lastSequence;
    this.lastRecordedAt = lastRecordedAt;
  }

  /**
   * An empty store whose latest actual beats an estimate.
   *
   * @param meterId the meter, not null
   * @param length the interval length of the meter's data, not null
   * @return the store, never null
   */
  public static ReadingVersionStore empty(String meterId, IntervalLength length) {
    return empty(meterId, length, InForceRule.LATEST_ACTUAL_BEATS_ESTIMATE);
  }

  /**
   * An empty store with a rule for the version in force.
   *
   * @param meterId the meter, not null
   * @param length the interval length, not null
   * @param rule the rule, not null
   * @return the store, never null
   */
  public static ReadingVersionStore empty(String meterId, IntervalLength length, InForceRule rule) {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(rule, "rule");
    return new ReadingVersionStore(meterId, length, rule, Collections.unmodifiableNavigableMap(new TreeMap<>()), 0,
        null);
  }

  /**
   * The meter.
   *
   * @return the meter id, never null
   */
  public String meterId() {
    return meterId;
  }

  /**
   * The rule for the version in force.
   *
   * @return the rule, never null
   */
  public InForceRule rule() {
    return rule;
  }

  /**
   * The number of versions recorded (the sequence number of the latest).
   *
   * @return the count
   */
  public long versionCount() {
    return lastSequence;
  }

  /**
   * Appends a version for every interval of a series that is not MISSING, unless the interval's latest version
   * already says the same (so recording the same VEE result twice adds nothing). EDITED intervals of the series are
   * not recorded: an edit is recorded by {@link #withEdit}, which names who made it and why. This store is immutable
   * and unaffected by this method.
   *
   * @param series the series, for example {@link VeeResult#series()}, not null
   * @param recordedAt when it is recorded, not before the store's last recording, not null
   * @return the new store, never null
   * @throws ValidationException if the series is of another meter or interval length, its intervals are out of phase
   *     with those recorded, or recordedAt is before the last recording
   */
  public ReadingVersionStore withSeries(IntervalSeries series, Instant recordedAt) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (!series.meterId().equals(meterId)) {
      throw new ValidationException("series.meterId", series.meterId(), "must be the store's meter " + meterId);
    }
    if (series.grid().length() != length) {
      throw new ValidationException("series.intervalLength", series.grid().length().minutes() + " minutes",
          "must equal the store's interval length of " + length.minutes() + " minutes");
    }
    checkTime(recordedAt);
    if (series.size() > 0) {
      checkPhase("series", series.grid().start());
    }
    TreeMap<Instant, List<ReadingVersion>> next = new TreeMap<>(versions);
    long seq = lastSequence;
    for (int i = 0; i < series.size(); i++) {
      ReadingQuality q = series.quality(i);
      if (q == ReadingQuality.MISSING || q == ReadingQuality.EDITED) {
        continue;
      }
      Instant t = series.grid().intervalStart(i);
      ReadingVersion v = ReadingVersion.builder().intervalStart(t).importMilliwattHours(series.importAt(i))
          .exportMilliwattHours(series.exportAt(i)).quality(q).method(series.method(i)).recordedAt(recordedAt)
          .sequence(seq + 1).build();
      List<ReadingVersion> old = next.get(t);
      if (old != null && old.get(old.size() - 1).saysTheSameAs(v)) {
        continue;
      }
      seq++;
      next.put(t, append(old, v));
    }
    return new ReadingVersionStore(meterId, length, rule, Collections.unmodifiableNavigableMap(next), seq,
        recordedAt);
  }

  /**
   * Appends a manual edit of one interval, recording who, when, why, and the values in force before. This store is
   * immutable and unaffected by this method.
   *
   * @param intervalStart the interval's start, in phase with those recorded, not null
   * @param importMilliwattHours the new import in mWh, not negative
   * @param exportMilliwattHours the new export in mWh, not negative
   * @param editedBy who edits, not blank, not null
   * @param reason why, not blank, not null
   * @param at when, not before the store's last recording, not null
   * @return the new store, never null
   * @throws ValidationException if a value is negative, editedBy or reason is blank, the interval is out of phase
   *     with those recorded, or {@code at} is before the last recording
   */
  public ReadingVersionStore withEdit(Instant intervalStart, long importMilliwattHours, long exportMilliwattHours,
      String editedBy, String reason, Instant at) {
    Objects.requireNonNull(intervalStart, "intervalStart");
    Objects.requireNonNull(editedBy, "editedBy");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    Checks.notNegative(importMilliwattHours, "importMilliwattHours");
    Checks.notNegative(exportMilliwattHours, "exportMilliwattHours");
    Checks.notBlank(editedBy, "editedBy");
    Checks.notBlank(reason, "reason");
    checkTime(at);
    checkPhase("intervalStart", intervalStart);
    Optional<ReadingVersion> before = inForce(intervalStart);
    ManualEdit edit = ManualEdit.builder().editedBy(editedBy).reason(reason)
        .oldImportMilliwattHours(before.map(ReadingVersion::importMilliwattHours))
        .oldExportMilliwattHours(before.map(ReadingVersion::exportMilliwattHours))
        .oldQuality(before.map(ReadingVersion::quality)).build();
    ReadingVersion v = ReadingVersion.builder().intervalStart(intervalStart).importMilliwattHours(importMilliwattHours)
        .exportMilliwattHours(exportMilliwattHours).quality(ReadingQuality.EDITED)
        .method(EstimationMethod.MANUAL_EDIT).recordedAt(at).sequence(lastSequence + 1).edit(edit).build();
    TreeMap<Instant, List<ReadingVersion>> next = new TreeMap<>(versions);
    next.put(intervalStart, append(next.get(intervalStart), v));
    return new ReadingVersionStore(meterId, length, rule, Collections.unmodifiableNavigableMap(next),
        lastSequence + 1, at);
  }

  /**
   * The version in force for an interval.
   *
   * @param intervalStart the interval's start, not null
   * @return the version, or empty when the interval has none
   */
  public Optional<ReadingVersion> inForce(Instant intervalStart) {
    Objects.requireNonNull(intervalStart, "intervalStart");
    List<ReadingVersion> vs = versions.get(intervalStart);
    return vs == null ? Optional.empty() : rule.choose(vs);
  }

  /**
   * Every version of an interval, in the order recorded.
   *
   * @param intervalStart the interval's start, not null
   * @return the versions, possibly empty, never null
   */
  public List<ReadingVersion> history(Instant intervalStart) {
    Objects.requireNonNull(intervalStart, "intervalStart");
    List<ReadingVersion> vs = versions.get(intervalStart);
    return vs == null ? List.of() : vs;
  }

  /**
   * The intervals that have versions, in time order.
   *
   * @return the interval starts, never null
   */
  public List<Instant> intervals() {
    return List.copyOf(versions.keySet());
  }

  /**
   * The versions in force over a grid as a series: each interval's values, quality and method, MISSING where it has
   * no version.
   *
   * @param grid the grid, of the store's interval length, not null
   * @return the series, never null
   * @throws ValidationException if the grid has another interval length
   * @throws MeterDataException if a version in force is past the series' sane maximum
   */
  public IntervalSeries series(IntervalGrid grid) {
    Objects.requireNonNull(grid, "grid");
    if (grid.length() != length) {
      throw new ValidationException("grid.length", grid.length().minutes() + " minutes",
          "must equal the store's interval length of " + length.minutes() + " minutes");
    }
    int n = grid.count();
    long[] imp = new long[n];
    long[] exp = new long[n];
    byte[] q = new byte[n];
    byte[] m = new byte[n];
    boolean anyExport = false;
    boolean allActual = true;
    for (int i = 0; i < n; i++) {
      Optional<ReadingVersion> v = inForce(grid.intervalStart(i));
      if (v.isEmpty()) {
        q[i] = ReadingQuality.MISSING.code();
        allActual = false;
        continue;
      }
      imp[i] = v.get().importMilliwattHours();
      exp[i] = v.get().exportMilliwattHours();
      q[i] = v.get().quality().code();
      m[i] = v.get().method().code();
      anyExport |= exp[i] != 0;
      allActual &= q[i] == ReadingQuality.ACTUAL.code();
    }
    IntervalSeries.Builder b = IntervalSeries.builder(meterId, grid).imports(imp);
    if (anyExport) {
      b.exports(exp);
    }
    if (!allActual) {
      b.quality(q).methods(m);
    }
    return b.build();
  }

  private static List<ReadingVersion> append(@Nullable List<ReadingVersion> old, ReadingVersion v) {
    List<ReadingVersion> l = new ArrayList<>(old == null ? 1 : old.size() + 1);
    if (old != null) {
      l.addAll(old);
    }
    l.add(v);
    return Collections.unmodifiableList(l);
  }

  private void checkTime(Instant at) {
    Instant last = lastRecordedAt;
    if (last != null && at.isBefore(last)) {
      throw new ValidationException("recordedAt", at, "must not be before the store's last recording " + last);
    }
  }

  private void checkPhase(String field, Instant t) {
    if (versions.isEmpty()) {
      return;
    }
    Duration d = Duration.between(versions.firstKey(), t);
    if (d.toNanosPart() != 0 || d.toSeconds() % length.seconds() != 0) {
      throw new ValidationException(field, t, "must be on the " + length.minutes() + "-minute grid of the intervals"
          + " recorded from " + versions.firstKey());
    }
  }

  @Override
  public String toString() {
    return "ReadingVersionStore[" + meterId + ", " + versions.size() + " intervals, " + lastSequence + " versions, "
        + rule + "]";
  }
}
