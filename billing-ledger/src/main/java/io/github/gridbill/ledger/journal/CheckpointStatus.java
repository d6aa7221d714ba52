package io.github.gridbill.ledger.journal;

/** The outcome of comparing a kept {@link Checkpoint} with a journal ({@link JournalStore#compare(Checkpoint)}). */
public enum CheckpointStatus {
  /** The journal's chain hash at the checkpoint's sequence equals the checkpoint's: history up to it is unchanged. */
  MATCHES,
  /** The journal's chain hash there differs, or the journal is broken before it: history was changed. */
  DIFFERS,
  /** The journal ends before the checkpoint's sequence: records were removed (or the checkpoint is from elsewhere). */
  NOT_REACHED
}
