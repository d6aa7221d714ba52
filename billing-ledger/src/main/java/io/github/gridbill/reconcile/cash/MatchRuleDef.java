package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import org.immutables.value.Value;

/**
 * One configured rule of the cash-application chain: its kind and, for {@link RuleKind#COMBINATION}, the largest
 * number of open items a combination may have.
 *
 * <p>{@code MatchRule.combination(10)}, {@code MatchRule.reference()}. Instances are immutable and thread-safe; treat
 * as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class MatchRuleDef {

  /** The largest combination size allowed: 10. */
  public static final int MAX_COMBINATION_ITEMS = 10;

  /**
   * The rule.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract RuleKind kind();

  /**
   * For {@link RuleKind#COMBINATION}: the most open items one combination may have, 1 to 10; for the
   * {@link RuleKind#REFERENCE} rule's partial-payment search, the same bound applies (10 when no combination rule is
   * configured). Ignored by the other rules.
   *
   * @return the bound
   */
  @Value.Parameter
  public abstract int maxItems();

  /**
   * The reference rule.
   *
   * @return the rule, never null
   */
  public static MatchRule reference() {
    return MatchRule.of(RuleKind.REFERENCE, MAX_COMBINATION_ITEMS);
  }

  /**
   * The exact-amount rule.
   *
   * @return the rule, never null
   */
  public static MatchRule exactAmount() {
    return MatchRule.of(RuleKind.EXACT_AMOUNT, MAX_COMBINATION_ITEMS);
  }

  /**
   * The oldest-items rule.
   *
   * @return the rule, never null
   */
  public static MatchRule oldestItems() {
    return MatchRule.of(RuleKind.OLDEST_ITEMS, MAX_COMBINATION_ITEMS);
  }

  /**
   * The combination rule with a bound on the number of items: {@code combination(10)}.
   *
   * @param maxItems the most items in one combination, 1 to 10
   * @return the rule, never null
   * @throws ValidationException if maxItems is outside 1 to 10
   */
  public static MatchRule combination(int maxItems) {
    return MatchRule.of(RuleKind.COMBINATION, maxItems);
  }

  /**
   * The balance-forward rule.
   *
   * @return the rule, never null
   */
  public static MatchRule balanceForward() {
    return MatchRule.of(RuleKind.BALANCE_FORWARD, MAX_COMBINATION_ITEMS);
  }

  @Value.Check
  void check() {
    if (maxItems() < 1 || maxItems() > MAX_COMBINATION_ITEMS) {
      throw new ValidationException("maxItems", maxItems(), "must be 1 to " + MAX_COMBINATION_ITEMS);
    }
  }
}
