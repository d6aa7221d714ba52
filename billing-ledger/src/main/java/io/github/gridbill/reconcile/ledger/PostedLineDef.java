package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.ledger.PostingResult;
import java.util.List;
import org.immutables.value.Value;

/**
 * One bank line after posting: the plan for it and the ledger's answer to each of its postings.
 *
 * <p>A new, matched line has two postings, both new (the record and the application); the same line imported again
 * has the same two, both replayed. A line recorded as unidentified and identified since lists its identification
 * too. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class PostedLineDef {

  /**
   * The plan for the line.
   *
   * @return the planned line
   */
  @Value.Parameter
  public abstract PlannedLine line();

  /**
   * The ledger's postings for the line under its keys, in order: record, identification (if any), application (if
   * any). Postings the ledger already had are {@link PostingResult#replayed()}.
   *
   * @return the postings, at least the record
   */
  @Value.Parameter
  public abstract List<PostingResult> postings();

  /**
   * How many of the postings are new entries.
   *
   * @return the count
   */
  public int newCount() {
    int n = 0;
    for (PostingResult p : postings()) {
      if (p.isNew()) {
        n++;
      }
    }
    return n;
  }

  /**
   * How many of the postings the ledger already had.
   *
   * @return the count
   */
  public int replayedCount() {
    return postings().size() - newCount();
  }
}
