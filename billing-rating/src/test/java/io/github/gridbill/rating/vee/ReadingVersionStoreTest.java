package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.DAY_HOURS;
import static io.github.gridbill.rating.vee.VeeFixtures.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Editing: every version kept, the one in force chosen by the rule, edits recorded with who, when and why. */
class ReadingVersionStoreTest {
  private static final IntervalGrid FOUR = IntervalGrid.of(h(0), IntervalLength.SIXTY_MINUTES, 4);
  private static final Instant DAY1 = Instant.parse("2024-06-04T02:00:00Z");
  private static final Instant DAY2 = Instant.parse("2024-06-09T02:00:00Z");
  private static final Instant DAY3 = Instant.parse("2024-06-10T09:12:00Z");

  /** Four hours: actual, estimated (linear), missing, actual. */
  private static IntervalSeries firstRun() {
    return IntervalSeries.builder("M-1", FOUR).imports(new long[] {400_000, 500_000, 0, 600_000})
        .quality(new byte[] {0, ReadingQuality.ESTIMATED.code(), ReadingQuality.MISSING.code(), 0})
        .methods(new byte[] {0, EstimationMethod.LINEAR_INTERPOLATION.code(), 0, 0}).build();
  }

  /** The late actual readings of hours 1 and 2. */
  private static IntervalSeries lateActuals() {
    return IntervalSeries.ofImports("M-1", FOUR, new long[] {400_000, 731_000, 650_000, 600_000});
  }

  @Test
  void aVeeResultIsRecordedAndMissingIntervalsHaveNoVersion() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(),
        DAY1);
    assertThat(s.versionCount()).isEqualTo(3);
    assertThat(s.intervals()).containsExactly(h(0), h(1), h(3));
    assertThat(s.inForce(h(1))).hasValueSatisfying(v -> {
      assertThat(v.quality()).isEqualTo(ReadingQuality.ESTIMATED);
      assertThat(v.method()).isEqualTo(EstimationMethod.LINEAR_INTERPOLATION);
      assertThat(v.recordedAt()).isEqualTo(DAY1);
      assertThat(v.sequence()).isEqualTo(2);
    });
    assertThat(s.inForce(h(2))).isEmpty();
    assertThat(s.series(FOUR)).isEqualTo(firstRun());
  }

  @Test
  void recordingTheSameResultAgainAddsNothing() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(),
        DAY1);
    assertThat(s.withSeries(firstRun(), DAY2).versionCount()).isEqualTo(3);
  }

  @Test
  void aLateActualReplacesTheEstimateAndBothAreKept() {
    ReadingVersionStore a = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(),
        DAY1);
    ReadingVersionStore b = a.withSeries(lateActuals(), DAY2);
    assertThat(b.versionCount()).isEqualTo(5);
    assertThat(b.history(h(1))).extracting(ReadingVersion::quality).containsExactly(ReadingQuality.ESTIMATED,
        ReadingQuality.ACTUAL);
    assertThat(b.inForce(h(1)).orElseThrow().importMilliwattHours()).isEqualTo(731_000);
    assertThat(b.series(FOUR)).isEqualTo(lateActuals());
    // the earlier store is a snapshot: unchanged
    assertThat(a.inForce(h(1)).orElseThrow().importMilliwattHours()).isEqualTo(500_000);
    assertThat(a.versionCount()).isEqualTo(3);
  }

  @Test
  void anEstimateRecordedAfterAnActualDoesNotReplaceIt() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withSeries(lateActuals(), DAY1).withSeries(firstRun(), DAY2);
    assertThat(s.history(h(1))).hasSize(2);
    assertThat(s.inForce(h(1)).orElseThrow().quality()).isEqualTo(ReadingQuality.ACTUAL);
  }

  @Test
  void aManualEditRecordsWhoWhenWhyAndTheOldAndNewValues() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withSeries(lateActuals(), DAY1).withEdit(h(2), 512_000, 0, "j.smith", "meter exchanged at 02:40", DAY3);
    ReadingVersion v = s.inForce(h(2)).orElseThrow();
    assertThat(v).isEqualTo(ReadingVersion.builder().intervalStart(h(2)).importMilliwattHours(512_000)
        .exportMilliwattHours(0).quality(ReadingQuality.EDITED).method(EstimationMethod.MANUAL_EDIT).recordedAt(DAY3)
        .sequence(5).edit(ManualEdit.builder().editedBy("j.smith").reason("meter exchanged at 02:40")
            .oldImportMilliwattHours(650_000L).oldExportMilliwattHours(0L).oldQuality(ReadingQuality.ACTUAL).build())
        .build());
    assertThat(s.history(h(2))).extracting(ReadingVersion::importMilliwattHours).containsExactly(650_000L, 512_000L);
    assertThat(s.series(FOUR).quality(2)).isEqualTo(ReadingQuality.EDITED);
    assertThat(s.series(FOUR).method(2)).isEqualTo(EstimationMethod.MANUAL_EDIT);
  }

  @Test
  void anEditOfAnIntervalWithNoVersionHasNoOldValues() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withEdit(h(2), 1, 0, "j.smith", "customer read", DAY3);
    assertThat(s.inForce(h(2)).orElseThrow().edit()).hasValueSatisfying(e -> {
      assertThat(e.oldImportMilliwattHours()).isEmpty();
      assertThat(e.oldQuality()).isEmpty();
    });
  }

  @Test
  void theRuleDecidesBetweenAnEditAndALaterActual() {
    ReadingVersionStore actualWins = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withEdit(h(1), 1, 0, "j.smith", "guess", DAY1).withSeries(lateActuals(), DAY2);
    assertThat(actualWins.inForce(h(1)).orElseThrow().quality()).isEqualTo(ReadingQuality.ACTUAL);
    ReadingVersionStore editWins = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES,
        InForceRule.EDITS_PREVAIL).withEdit(h(1), 1, 0, "j.smith", "guess", DAY1).withSeries(lateActuals(), DAY2);
    assertThat(editWins.inForce(h(1)).orElseThrow().quality()).isEqualTo(ReadingQuality.EDITED);
    assertThat(editWins.history(h(1))).hasSize(2);
  }

  @Test
  void editedIntervalsOfASeriesAreNotRecordedWithoutWhoAndWhy() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withEdit(h(1), 1, 0, "j.smith", "guess", DAY1);
    assertThat(s.withSeries(s.series(FOUR), DAY2).versionCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------- bad input

  @Test
  void seriesOfAnotherMeterIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-2", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(), DAY1))
        .withMessage("series.meterId must be the store's meter M-2: M-1");
  }

  @Test
  void seriesOfAnotherIntervalLengthIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-1", IntervalLength.FIFTEEN_MINUTES)
            .withSeries(firstRun(), DAY1))
        .withMessage("series.intervalLength must equal the store's interval length of 15 minutes: 60 minutes");
  }

  @Test
  void recordingBeforeTheLastRecordingIsRefused() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(),
        DAY2);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> s.withEdit(h(1), 1, 0, "j.smith", "x", DAY1))
        .withMessage("recordedAt must not be before the store's last recording 2024-06-09T02:00:00Z:"
            + " 2024-06-04T02:00:00Z");
  }

  @Test
  void anEditNeedsWho() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
            .withEdit(h(1), 1, 0, " ", "x", DAY1))
        .withMessage("editedBy must not be blank: \" \"");
  }

  @Test
  void anEditNeedsWhy() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
            .withEdit(h(1), 1, 0, "j.smith", "", DAY1))
        .withMessage("reason must not be blank: \"\"");
  }

  @Test
  void anEditedValueMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
            .withEdit(h(1), -1, 0, "j.smith", "x", DAY1))
        .withMessage("importMilliwattHours must not be negative: -1");
  }

  @Test
  void anEditOffTheRecordedGridIsRefused() {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES).withSeries(firstRun(),
        DAY1);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> s.withEdit(h(1).plusSeconds(900), 1, 0, "j.smith", "x", DAY2))
        .withMessage("intervalStart must be on the 60-minute grid of the intervals recorded from 2024-06-03T00:00:00Z:"
            + " 2024-06-03T01:15:00Z");
  }

  @Test
  void aSeriesOfAnotherLengthCannotBeRead() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
            .series(IntervalGrid.of(h(0), IntervalLength.FIFTEEN_MINUTES, 4)))
        .withMessage("grid.length must equal the store's interval length of 60 minutes: 15 minutes");
  }

  @Test
  void aVersionOfAMissingIntervalIsRefused() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersion.builder().intervalStart(h(0)).importMilliwattHours(0)
            .exportMilliwattHours(0).quality(ReadingQuality.MISSING).method(EstimationMethod.NONE).recordedAt(DAY1)
            .sequence(1).build())
        .withMessage("quality must not be MISSING (a missing interval has no version): MISSING");
  }

  @Test
  void anActualVersionHasNoMethod() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> ReadingVersion.builder().intervalStart(h(0)).importMilliwattHours(0)
            .exportMilliwattHours(0).quality(ReadingQuality.ACTUAL).method(EstimationMethod.LIKE_DAY)
            .recordedAt(DAY1).sequence(1).build())
        .withMessage("method must be NONE exactly when the quality is ACTUAL: LIKE_DAY");
  }

  // ---------------------------------------------------------------------------------------------- properties

  /** One operation on the store: record a day of random qualities, or edit one hour. */
  static final class Op {
    final boolean edit;
    final int hour;
    final long[] values;
    final byte[] qualities;

    Op(boolean edit, int hour, long[] values, byte[] qualities) {
      this.edit = edit;
      this.hour = hour;
      this.values = values;
      this.qualities = qualities;
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<byte[]> q = Arbitraries.of((byte) 0, (byte) 1, (byte) 2, (byte) 4).array(byte[].class).ofSize(24);
    Arbitrary<long[]> v = Arbitraries.longs().between(0, 3).array(long[].class).ofSize(24);
    return Combinators.combine(Arbitraries.of(true, false, false), Arbitraries.integers().between(0, 23), v, q)
        .as(Op::new).list().ofMinSize(1).ofMaxSize(12);
  }

  private static ReadingVersionStore apply(ReadingVersionStore s, Op op, Instant at) {
    if (op.edit) {
      return s.withEdit(h(op.hour), op.values[op.hour], 0, "user", "fix", at);
    }
    byte[] m = new byte[24];
    for (int i = 0; i < 24; i++) {
      if (op.qualities[i] == ReadingQuality.ESTIMATED.code()) {
        m[i] = EstimationMethod.LINEAR_INTERPOLATION.code();
      } else if (op.qualities[i] == ReadingQuality.SUBSTITUTED.code()) {
        m[i] = EstimationMethod.LIKE_DAY.code();
      }
    }
    long[] v = op.values.clone();
    for (int i = 0; i < 24; i++) {
      if (op.qualities[i] == ReadingQuality.MISSING.code()) {
        v[i] = 0;
      }
    }
    return s.withSeries(IntervalSeries.builder("M-1", DAY_HOURS).imports(v).quality(op.qualities).methods(m).build(),
        at);
  }

  /** The rule written out plainly: the latest firm version (actual or edit), else the latest estimate. */
  private static Optional<ReadingVersion> reference(List<ReadingVersion> vs, InForceRule rule) {
    ReadingVersion best = null;
    for (int pass = 0; pass < 3 && best == null; pass++) {
      for (ReadingVersion v : vs) {
        boolean eligible;
        if (rule == InForceRule.LATEST_ACTUAL_BEATS_ESTIMATE) {
          eligible = pass == 0 ? !v.isEstimate() : pass == 1 && v.isEstimate();
        } else {
          eligible = pass == 0 ? v.quality() == ReadingQuality.EDITED
              : pass == 1 ? v.quality() == ReadingQuality.ACTUAL : v.isEstimate();
        }
        if (eligible && (best == null || v.sequence() > best.sequence())) {
          best = v;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
  void historyIsAppendOnlyAndTheVersionInForceFollowsTheRule(@ForAll("ops") List<Op> ops,
      @ForAll InForceRule rule) {
    ReadingVersionStore s = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES, rule);
    Instant at = DAY1;
    long lastCount = 0;
    for (Op op : ops) {
      Map<Instant, List<ReadingVersion>> before = new HashMap<>();
      for (Instant t : s.intervals()) {
        before.put(t, new ArrayList<>(s.history(t)));
      }
      ReadingVersionStore prev = s;
      s = apply(s, op, at);
      at = at.plusSeconds(3600);
      // append-only: every earlier history is a prefix of the new one, and the earlier store is unchanged
      for (Map.Entry<Instant, List<ReadingVersion>> e : before.entrySet()) {
        assertThat(s.history(e.getKey())).startsWith(e.getValue().toArray(new ReadingVersion[0]));
        assertThat(prev.history(e.getKey())).isEqualTo(e.getValue());
      }
      assertThat(s.versionCount()).isGreaterThanOrEqualTo(lastCount);
      lastCount = s.versionCount();
      for (int i = 0; i < 24; i++) {
        List<ReadingVersion> hist = s.history(h(i));
        assertThat(s.inForce(h(i))).isEqualTo(reference(hist, rule));
        for (int k = 1; k < hist.size(); k++) {
          assertThat(hist.get(k).sequence()).isGreaterThan(hist.get(k - 1).sequence());
        }
      }
    }
  }
}
