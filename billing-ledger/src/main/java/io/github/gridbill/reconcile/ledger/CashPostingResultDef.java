package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of posting an import through the ledger: each line with its postings, and how many postings were new
 * and how many the ledger already had.
 *
 * <p>Importing a statement of 3 lines (2 matched, 1 exception) into a ledger that has none of them: {@code
 * newPostingCount() 5, replayedPostingCount() 0}; importing it again: {@code 0} and {@code 5}. The plan's counts and
 * amounts ({@link #plan()}) say where the money went. CSV: the plan's row per line with {@code new_postings},
 * {@code replayed_postings} and {@code sequences}. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CashPostingResultDef implements CsvExportable {

  /**
   * The plan that was posted.
   *
   * @return the plan
   */
  public abstract CashPostingPlan plan();

  /**
   * The lines with their postings, in the plan's order.
   *
   * @return the lines, one per planned line
   */
  public abstract List<PostedLine> lines();

  /**
   * How many new ledger entries were posted.
   *
   * @return the count
   */
  public int newPostingCount() {
    int n = 0;
    for (PostedLine l : lines()) {
      n += l.newCount();
    }
    return n;
  }

  /**
   * How many postings the ledger already had under the same keys (with the same content): the replays.
   *
   * @return the count
   */
  public int replayedPostingCount() {
    int n = 0;
    for (PostedLine l : lines()) {
      n += l.replayedCount();
    }
    return n;
  }

  /**
   * Whether this was a re-import: the ledger already had every posting (at least one), so nothing new was posted.
   *
   * <p>{@code false} for the first import of a statement, {@code true} for every later import of it (the ledger is
   * unchanged; {@link #replayedPostingCount()} says how many postings it already had). An import with no incoming
   * lines posts nothing and is not a re-import.
   *
   * @return true when {@code newPostingCount() == 0} and {@code replayedPostingCount() > 0}
   */
  public boolean isReplay() {
    return newPostingCount() == 0 && replayedPostingCount() > 0;
  }

  /**
   * The result in one line, for a log or console.
   *
   * <p>{@code "3 lines (2 applied, 1 unidentified, 0 unapplied; 0 imported before): 5 new postings, 0 replayed"}; a
   * re-import: {@code "3 lines (2 applied, 1 unidentified, 0 unapplied; 3 imported before): 0 new postings, 5
   * replayed (re-import: nothing new posted)"}.
   *
   * @return the summary, never null
   */
  public String summary() {
    CashPostingPlan p = plan();
    return p.lineCount() + " lines (" + p.appliedCount() + " applied, " + p.unidentifiedCount() + " unidentified, "
        + p.unappliedCount() + " unapplied; " + p.previouslyImportedCount() + " imported before): "
        + newPostingCount() + " new postings, " + replayedPostingCount() + " replayed"
        + (isReplay() ? " (re-import: nothing new posted)" : "");
  }

  /**
   * Writes one row per line: the plan's columns, then {@code new_postings, replayed_postings, sequences}
   * (semicolon-separated entry sequences), then the detail.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Csv.writeRow(out, LineCsv.header("new_postings", "replayed_postings", "sequences"));
    for (PostedLine l : lines()) {
      List<String> seqs = new ArrayList<>();
      for (PostingResult p : l.postings()) {
        seqs.add(Long.toString(p.sequence()));
      }
      Csv.writeRow(out, LineCsv.row(l.line(), Integer.toString(l.newCount()), Integer.toString(l.replayedCount()),
          String.join(";", seqs)));
    }
  }

  @Value.Check
  void check() {
    if (lines().size() != plan().lines().size()) {
      throw new ValidationException("lines", lines().size(), "must have one per planned line ("
          + plan().lines().size() + ")");
    }
    for (int i = 0; i < lines().size(); i++) {
      if (!lines().get(i).line().equals(plan().lines().get(i))) {
        throw new ValidationException("lines[" + i + "]", lines().get(i).line().payment().id(),
            "must be the plan's line " + i);
      }
    }
  }
}
