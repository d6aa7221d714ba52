package io.github.gridbill.ledger;

import io.github.gridbill.ledger.journal.Checkpoint;
import io.github.gridbill.ledger.journal.CheckpointStatus;
import io.github.gridbill.ledger.journal.JournalRecord;
import io.github.gridbill.ledger.journal.JournalStore;
import io.github.gridbill.ledger.journal.VerificationReport;
import java.util.function.Consumer;

/** A journal store that hands every call to another one; tests override the calls they watch or break. */
class ForwardingStore implements JournalStore {
  final JournalStore inner;

  ForwardingStore(JournalStore inner) {
    this.inner = inner;
  }

  @Override
  public long lastSequence() {
    return inner.lastSequence();
  }

  @Override
  public void append(long sequence, byte[] payload) {
    inner.append(sequence, payload);
  }

  @Override
  public void sync(long sequence) {
    inner.sync(sequence);
  }

  @Override
  public JournalRecord read(long sequence) {
    return inner.read(sequence);
  }

  @Override
  public void forEach(long fromSequence, Consumer<? super JournalRecord> action) {
    inner.forEach(fromSequence, action);
  }

  @Override
  public Checkpoint checkpoint() {
    return inner.checkpoint();
  }

  @Override
  public VerificationReport verify() {
    return inner.verify();
  }

  @Override
  public CheckpointStatus compare(Checkpoint checkpoint) {
    return inner.compare(checkpoint);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void close() {
    inner.close();
  }
}
