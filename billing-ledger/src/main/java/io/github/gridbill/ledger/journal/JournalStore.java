package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import java.util.function.Consumer;

/**
 * An append-only, hash-chained log of records numbered from 1: the storage behind a ledger.
 *
 * <p>Records are appended in sequence ({@code append(1, …)}, {@code append(2, …)}, …) and made durable by
 * {@link #sync(long)}; once {@code sync(n)} has returned, records 1 to n survive a crash of the process or the
 * machine (for {@link FileJournalStore}; an {@link InMemoryJournalStore} has nothing to survive). Records are never
 * changed or removed. Each record carries its chain hash (see the package overview), so {@link #verify()} and
 * {@link #compare(Checkpoint)} detect any edit of history.
 *
 * <p>Implementations are thread-safe: appends are ordered by their sequence, and any number of threads may call
 * {@code sync} at once; concurrent {@code sync} calls share one flush (group commit).
 */
public interface JournalStore extends AutoCloseable {

  /**
   * The sequence of the last appended record, durable or not: 0 for an empty journal.
   *
   * @return the last sequence, 0 or more
   */
  long lastSequence();

  /**
   * Appends a record; it is durable only once {@link #sync(long)} has returned for its sequence.
   *
   * <p>{@code append(lastSequence() + 1, payload)} adds one record and computes its chain hash.
   *
   * @param sequence the record's sequence, exactly {@code lastSequence() + 1}
   * @param payload the record's bytes, not null, at most
   *     {@link #MAX_PAYLOAD_BYTES} bytes; the store may keep the array, so do not change it afterwards
   * @throws ValidationException if the sequence is not the next one or the payload is too large
   * @throws JournalException if the store is closed or a write already failed
   */
  void append(long sequence, byte[] payload);

  /**
   * Blocks until every record up to {@code sequence} is durable.
   *
   * <p>Returns at once when they already are. Concurrent callers share one write and one {@code fsync}.
   *
   * @param sequence the sequence to make durable, 0 to {@link #lastSequence()}
   * @throws ValidationException if the sequence is negative or beyond the last appended record
   * @throws JournalException if the write or {@code fsync} failed (the store then refuses every later append)
   */
  void sync(long sequence);

  /**
   * Reads one record.
   *
   * @param sequence the sequence, 1 to {@link #lastSequence()}
   * @return the record, never null
   * @throws NotFoundException if there is no such record
   * @throws JournalCorruptedException if the stored record no longer passes its checksum
   */
  JournalRecord read(long sequence);

  /**
   * Passes every record from {@code fromSequence} to the last appended one, in order, to an action.
   *
   * @param fromSequence the first sequence, 1 or more (beyond the end visits nothing)
   * @param action the action, not null
   * @throws ValidationException if {@code fromSequence} is less than 1
   * @throws JournalCorruptedException if a stored record no longer passes its checks
   */
  void forEach(long fromSequence, Consumer<? super JournalRecord> action);

  /**
   * The checkpoint of the last appended record: its sequence and chain hash. Call it after {@link #sync(long)} to
   * hand out a checkpoint of durable history.
   *
   * @return the checkpoint, {@link Checkpoint#genesis()} for an empty journal, never null
   */
  Checkpoint checkpoint();

  /**
   * Re-walks the stored journal from the first record, checking every frame, sequence and chain hash, and reports
   * the first broken link.
   *
   * <p>For a file store the walk reads the file (not memory), so it sees edits made to the file after it was opened,
   * and it also compares the walked chain's last hash with the hash this store has held since it appended that record.
   *
   * @return the report, never null
   */
  VerificationReport verify();

  /**
   * Compares a checkpoint kept earlier (possibly by a third party) against this journal.
   *
   * @param checkpoint the checkpoint, not null
   * @return {@link CheckpointStatus#MATCHES} if the journal's chain hash at that sequence equals the checkpoint's,
   *     {@link CheckpointStatus#DIFFERS} if it does not (history was changed) or the journal is broken before it,
   *     {@link CheckpointStatus#NOT_REACHED} if the journal is shorter; never null
   */
  CheckpointStatus compare(Checkpoint checkpoint);

  /**
   * A name for messages: {@code "memory"} or the journal file's path.
   *
   * @return the name, never null
   */
  String name();

  /**
   * Makes every appended record durable and releases the store; later calls throw {@link JournalException}. Closing
   * twice does nothing.
   *
   * @throws JournalException if the final write fails
   */
  @Override
  void close();

  /** The largest payload a record may hold: 64 MiB. */
  int MAX_PAYLOAD_BYTES = 64 << 20;
}
