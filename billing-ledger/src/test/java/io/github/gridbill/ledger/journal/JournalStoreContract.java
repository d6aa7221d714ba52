package io.github.gridbill.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JournalStore} does; subclasses supply the store. */
abstract class JournalStoreContract {
  JournalStore store;

  abstract JournalStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static byte[] payload(long i) {
    return ("record-" + i).getBytes(StandardCharsets.UTF_8);
  }

  /** The chain hash computed independently: SHA-256(previous ‖ sequence as 8 bytes ‖ payload). */
  static byte[] chain(byte[] previous, long sequence, byte[] payload) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(previous);
    sha.update(ByteBuffer.allocate(8).putLong(sequence).array());
    sha.update(payload);
    return sha.digest();
  }

  void appendSynced(int count) {
    for (long i = store.lastSequence() + 1, end = store.lastSequence() + count; i <= end; i++) {
      store.append(i, payload(i));
    }
    store.sync(store.lastSequence());
  }

  @Test
  void emptyJournalHasGenesisCheckpointAndVerifies() {
    assertThat(store.lastSequence()).isZero();
    assertThat(store.checkpoint()).isEqualTo(Checkpoint.genesis());
    VerificationReport report = store.verify();
    assertThat(report.isIntact()).isTrue();
    assertThat(report.recordsChecked()).isZero();
    assertThat(report.tip()).isEqualTo(Checkpoint.genesis());
  }

  @Test
  void recordsReadBackWithTheirChainHashes() throws Exception {
    appendSynced(3);
    byte[] h = new byte[32];
    for (long i = 1; i <= 3; i++) {
      h = chain(h, i, payload(i));
      JournalRecord r = store.read(i);
      assertThat(r.sequence()).isEqualTo(i);
      assertThat(r.payloadBytes()).isEqualTo(payload(i));
      assertThat(r.payloadSize()).isEqualTo(payload(i).length);
      assertThat(r.hash()).isEqualTo(HexFormat.of().formatHex(h));
      assertThat(r.checkpoint()).isEqualTo(Checkpoint.of(i, HexFormat.of().formatHex(h)));
    }
    assertThat(store.checkpoint()).isEqualTo(Checkpoint.of(3, HexFormat.of().formatHex(h)));
  }

  @Test
  void forEachVisitsFromTheGivenSequenceInOrder() {
    appendSynced(5);
    store.append(6, payload(6));
    List<Long> seen = new ArrayList<>();
    store.forEach(3, r -> {
      assertThat(r.payloadBytes()).isEqualTo(payload(r.sequence()));
      seen.add(r.sequence());
    });
    assertThat(seen).containsExactly(3L, 4L, 5L, 6L);
    List<Long> none = new ArrayList<>();
    store.forEach(7, r -> none.add(r.sequence()));
    assertThat(none).isEmpty();
  }

  @Test
  void unsyncedRecordsAreReadable() {
    appendSynced(2);
    store.append(3, payload(3));
    assertThat(store.lastSequence()).isEqualTo(3);
    assertThat(store.read(3).payloadBytes()).isEqualTo(payload(3));
  }

  @Test
  void verifyWalksEveryRecord() {
    appendSynced(4);
    VerificationReport report = store.verify();
    assertThat(report.isIntact()).isTrue();
    assertThat(report.recordsChecked()).isEqualTo(4);
    assertThat(report.tip()).isEqualTo(store.checkpoint());
  }

  @Test
  void checkpointsCompare() {
    appendSynced(3);
    Checkpoint at2 = store.read(2).checkpoint();
    Checkpoint at3 = store.checkpoint();
    appendSynced(2);
    assertThat(store.compare(at2)).isEqualTo(CheckpointStatus.MATCHES);
    assertThat(store.compare(at3)).isEqualTo(CheckpointStatus.MATCHES);
    assertThat(store.compare(Checkpoint.genesis())).isEqualTo(CheckpointStatus.MATCHES);
    assertThat(store.compare(Checkpoint.of(2, at3.hash()))).isEqualTo(CheckpointStatus.DIFFERS);
    assertThat(store.compare(Checkpoint.of(6, at3.hash()))).isEqualTo(CheckpointStatus.NOT_REACHED);
  }

  @Test
  void appendRefusesAnythingButTheNextSequence() {
    appendSynced(1);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> store.append(5, payload(5)))
        .withMessage("sequence must be the next sequence 2: 5");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> store.append(1, payload(1)))
        .withMessage("sequence must be the next sequence 2: 1");
    assertThat(store.lastSequence()).isEqualTo(1);
  }

  @Test
  void appendRefusesAnOversizedPayload() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> store.append(1, new byte[JournalStore.MAX_PAYLOAD_BYTES + 1]))
        .withMessage("payload must be at most 67108864 bytes: 67108865 bytes");
    assertThat(store.lastSequence()).isZero();
  }

  @Test
  void syncRefusesASequenceBeyondTheEnd() {
    appendSynced(1);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> store.sync(2))
        .withMessage("sequence must be 0 to the last appended sequence 1: 2");
  }

  @Test
  void readRefusesAMissingRecord() {
    appendSynced(1);
    assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> store.read(2))
        .withMessage("sequence must name a record 1 to 1: 2");
    assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> store.read(0))
        .withMessage("sequence must name a record 1 to 1: 0");
  }

  @Test
  void forEachRefusesSequenceZero() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> store.forEach(0, r -> { }))
        .withMessage("fromSequence must be at least 1: 0");
  }

  @Test
  void closedStoreRefusesUse() {
    appendSynced(1);
    store.close();
    store.close();
    assertThatExceptionOfType(JournalException.class).isThrownBy(() -> store.append(2, payload(2)))
        .withMessage("journal must be open: " + store.name());
    assertThatExceptionOfType(JournalException.class).isThrownBy(() -> store.read(1))
        .withMessage("journal must be open: " + store.name());
  }
}
