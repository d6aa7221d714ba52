package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.BillingException;
import org.jspecify.annotations.Nullable;

/**
 * The journal could not do what was asked: a write or {@code fsync} failed, the store is closed, or the journal is
 * already open elsewhere.
 *
 * <p>Example message: {@code "journal could not be written: /data/ledger/journal.gbj"}. After a failed write a store
 * refuses every later append (its in-memory view may be ahead of the disk); reopen it to recover.
 */
public class JournalException extends BillingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param field the thing that failed, usually {@code "journal"}, not null
   * @param value the journal's name or the offending value, may be null
   * @param reason the rule or failure, not null
   * @param cause the underlying cause, may be null
   */
  public JournalException(String field, @Nullable Object value, String reason, @Nullable Throwable cause) {
    super(field, value, reason, cause);
  }
}
