package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * The result of {@link Ledger#runDunning}: the notices issued, recorded in the journal so that no level is repeated
 * for the same items, and whether this call was an idempotent retry. {@link #toCsv()} lists the notices' items, for
 * the system that sends them.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningRunDef implements CsvExportable {

  /**
   * The run's date.
   *
   * @return the date
   */
  public abstract LocalDate asOf();

  /**
   * The notices, by customer in ledger order, then level.
   *
   * @return the notices, possibly empty
   */
  public abstract List<DunningNotice> notices();

  /**
   * The journal entry recording the run.
   *
   * @return the posting result (its {@code replayed()} says whether the run was a retry)
   */
  public abstract PostingResult posting();

  /**
   * Writes one row per item of every notice, in {@link #notices()} order: {@code as_of, account_id, level,
   * level_name, invoice, due_date, days_past_due, open_amount, currency, notice_total}.
   *
   * <p>{@code 2024-06-10,ACC-1,2,Second notice,INV-1,2024-05-01,40,100.00,USD,100.00}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Objects.requireNonNull(out, "out");
    Csv.writeRow(out, "as_of", "account_id", "level", "level_name", "invoice", "due_date", "days_past_due",
        "open_amount", "currency", "notice_total");
    for (DunningNotice n : notices()) {
      for (DunningItem i : n.items()) {
        Csv.writeRow(out, asOf().toString(), n.accountId(), Integer.toString(n.level()), n.levelName(), i.number(),
            i.dueDate().toString(), Long.toString(i.daysPastDue()), Csv.amount(i.openAmount()),
            i.openAmount().getCurrencyUnit().getCode(), Csv.amount(n.total()));
      }
    }
  }
}
