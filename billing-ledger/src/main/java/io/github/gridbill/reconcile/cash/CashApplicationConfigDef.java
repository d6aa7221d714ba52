package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The cash-application chain: which rules run in which order, the amount tolerance, and the bounds of the
 * combination search.
 *
 * <pre>{@code
 * CashApplicationConfig c = CashApplicationConfig.builder()
 *     .addAllRules(List.of(MatchRule.reference(), MatchRule.exactAmount(), MatchRule.oldestItems(),
 *         MatchRule.combination(10)))
 *     .tolerance(Tolerance.both(Money.parse("USD 1.00"), new BigDecimal("0.5")))
 *     .build();
 * }</pre>
 *
 * <p>{@link #defaults()} is that chain with no tolerance. The combination search looks at the payer's
 * {@link #combinationPool()} oldest eligible items and gives up after {@link #combinationSearchLimit()} search steps
 * (the payment then falls through to the next rule). Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CashApplicationConfigDef {

  /**
   * The rules, in the order they are tried; each kind at most once.
   *
   * @return the rules, at least one
   */
  public abstract List<MatchRule> rules();

  /**
   * The amount tolerance used by every rule that compares amounts.
   *
   * @return the tolerance, none by default
   */
  @Value.Default
  public Tolerance tolerance() {
    return Tolerance.none();
  }

  /**
   * How many of the payer's oldest eligible open items the combination rule considers, 1 to 40.
   *
   * @return the pool size, 24 by default
   */
  @Value.Default
  public int combinationPool() {
    return 24;
  }

  /**
   * How many search steps one combination search may take before it gives up, at least 1.
   *
   * @return the limit, 200,000 by default
   */
  @Value.Default
  public int combinationSearchLimit() {
    return 200_000;
  }

  /**
   * The default chain: reference, exact amount, oldest items, combinations of up to 10; no tolerance.
   *
   * @return the configuration, never null
   */
  public static CashApplicationConfig defaults() {
    return CashApplicationConfig.builder().addAllRules(List.of(MatchRule.reference(), MatchRule.exactAmount(),
        MatchRule.oldestItems(), MatchRule.combination(MatchRule.MAX_COMBINATION_ITEMS))).build();
  }

  @Value.Check
  void check() {
    if (rules().isEmpty()) {
      throw new ValidationException("rules", rules(), "must not be empty");
    }
    Set<RuleKind> seen = EnumSet.noneOf(RuleKind.class);
    for (int i = 0; i < rules().size(); i++) {
      if (!seen.add(rules().get(i).kind())) {
        throw new ValidationException("rules[" + i + "]", rules().get(i).kind(), "must not repeat a rule kind");
      }
    }
    if (combinationPool() < 1 || combinationPool() > 40) {
      throw new ValidationException("combinationPool", combinationPool(), "must be 1 to 40");
    }
    if (combinationSearchLimit() < 1) {
      throw new ValidationException("combinationSearchLimit", combinationSearchLimit(), "must be at least 1");
    }
  }
}
