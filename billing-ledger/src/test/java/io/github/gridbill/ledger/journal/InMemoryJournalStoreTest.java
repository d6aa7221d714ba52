package io.github.gridbill.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryJournalStoreTest extends JournalStoreContract {

  @Override
  JournalStore newStore() {
    return new InMemoryJournalStore();
  }

  @Test
  void verifyFindsATamperedPayloadAndCheckpointsDiffer() {
    appendSynced(4);
    Checkpoint before = store.checkpoint();
    ((InMemoryJournalStore) store).tamper(3, "forged".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    VerificationReport report = store.verify();
    assertThat(report.isIntact()).isFalse();
    assertThat(report.recordsChecked()).isEqualTo(2);
    assertThat(report.tip()).isEqualTo(store.read(2).checkpoint());
    BrokenLink link = report.firstBroken().orElseThrow();
    assertThat(link.sequence()).isEqualTo(3);
    // the file format's offsets: 8 bytes of magic, then two frames of 52 + 8 bytes
    assertThat(link.offset()).isEqualTo(8 + 2 * (52 + 8));
    assertThat(link.reason()).isEqualTo("record must carry the chain hash SHA-256(previous hash, sequence, payload)");
    assertThat(store.compare(before)).isEqualTo(CheckpointStatus.DIFFERS);
    assertThat(store.compare(store.read(2).checkpoint())).isEqualTo(CheckpointStatus.MATCHES);
  }
}
