package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A manual journal entry for {@link Ledger#post(String, ManualEntry)}: the caller chooses the lines.
 *
 * <p>Moving USD 1,000.00 from the card clearing account to the bank:
 * {@code ManualEntry.builder().effectiveDate(2024-05-31).description("Card settlement")
 * .addLine(JournalLine.debit(LedgerAccount.cash(EFT), USD 1000.00))
 * .addLine(JournalLine.credit(LedgerAccount.cash(CARD), USD 1000.00)).build()}. Lines must balance in each currency;
 * lines on item-managed accounts must name their items and obey the item rules (see {@link Ledger#post}). Instances
 * are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ManualEntryDef {

  /**
   * The booking date.
   *
   * @return the effective date
   */
  public abstract LocalDate effectiveDate();

  /**
   * A description; may be empty.
   *
   * @return the description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The lines: two or more, balanced in each currency.
   *
   * @return the lines
   */
  public abstract List<JournalLine> lines();

  /**
   * Free attributes stored with the entry.
   *
   * @return the attributes, sorted by name
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> attributes();

  @Value.Check
  void check() {
    Names.text(description(), "description");
    Lines.requireBalanced(lines(), "lines");
    attributes().forEach((k, v) -> {
      Names.name(k, "attributes");
      Names.text(v, "attributes[" + k + "]");
    });
  }
}
