package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A summary amount of a statement, as BAI2 reports in its 03 record: {@code 100} total credits, {@code 400} total
 * debits, and the other summary type codes, with the item count when stated.
 *
 * <p>{@code 03,...,100,000000000208500,00003,V,060316,} in CAD is
 * {@code StatementSummary.of("100", CAD 2085.00, Optional.of(3), Optional.of("V"))}. Instances are immutable and
 * thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class StatementSummaryDef {

  /**
   * The summary type code, for example {@code "100"} (total credits).
   *
   * @return the code, not blank
   */
  @Value.Parameter
  public abstract String code();

  /**
   * The amount as reported (signed when the file signs it).
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract Money amount();

  /**
   * The number of items summed, when stated.
   *
   * @return the count, or empty
   */
  @Value.Parameter
  public abstract Optional<Integer> itemCount();

  /**
   * The BAI2 funds type ({@code 0}, {@code 1}, {@code 2}, {@code S}, {@code V}, {@code D}, {@code Z}), when stated.
   *
   * @return the funds type, or empty
   */
  @Value.Parameter
  public abstract Optional<String> fundsType();

  @Value.Check
  void check() {
    Checks.notBlank(code(), "code");
    if (itemCount().isPresent()) {
      Checks.notNegative(itemCount().get(), "itemCount");
    }
  }
}
