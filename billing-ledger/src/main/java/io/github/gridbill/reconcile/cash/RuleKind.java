package io.github.gridbill.reconcile.cash;

/**
 * The matching rules of cash application, each with the confidence of the matches it makes (0–100). The engine tries
 * the configured rules in order and the first that decides wins; see {@link CashApplicationEngine}.
 */
public enum RuleKind {
  /**
   * The payment names invoices (invoice numbers in its references or free text, compared ignoring case): it pays
   * them when its amount is within tolerance of their open total (confidence 100 exact, 95 within tolerance), or pays
   * exactly a subset of them (90). Paying more or less is an exception (over- or underpayment).
   */
  REFERENCE,
  /**
   * Exactly one open item of the payer has the payment's amount (confidence 90), or is the single closest within
   * tolerance (80).
   */
  EXACT_AMOUNT,
  /**
   * The payment equals the payer's oldest open items taken together (the first k by due date): confidence 80
   * exact, 75 within tolerance.
   */
  OLDEST_ITEMS,
  /**
   * Some combination of up to {@code maxItems} (at most 10) of the payer's open items sums to the amount within
   * tolerance, and exactly one combination is best (smallest difference, then fewest items): confidence 70.
   */
  COMBINATION,
  /**
   * Balance-forward: whatever the amount, apply it to the payer's open items oldest first; what is left stays
   * unapplied as a credit (confidence 60). Usually last in the chain, for utilities that bill balance-forward.
   */
  BALANCE_FORWARD
}
