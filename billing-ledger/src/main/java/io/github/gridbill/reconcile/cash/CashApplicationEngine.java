package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Cash application: matches payments to open items with an ordered chain of rules and reports the matches, the
 * exceptions and one {@link ApplicationInstruction} per match.
 *
 * <pre>{@code
 * OpenItemIndex open = OpenItemIndex.of(openItems);                 // once
 * CashApplicationReport r = CashApplicationEngine.of(CashApplicationConfig.defaults()).apply(open, payments);
 * r.matches(); r.exceptions(); r.instructions(); r.toCsv();
 * }</pre>
 *
 * <p><b>Per payment</b>, in the order given:
 *
 * <ol>
 *   <li>References are collected from {@link Payment#references()} (each tried whole, then word by word) and from
 *       {@link Payment#freeText()} (word by word). A word is a run of letters, digits and {@code - _ / .} with those
 *       four stripped from its ends; a word with a slash that is not found is also tried part by part. Each is looked
 *       up, ignoring case, as an invoice number, else as an account id.
 *   <li>The payer is {@link Payment#payerAccountId()} when given; else the one account referenced; else the one
 *       account owning all the invoices referenced. References to two or more accounts make the payer ambiguous.
 *   <li>The configured rules run in order ({@link RuleKind} describes each and its confidence). A rule either
 *       matches (the payment is applied and the next payment starts), refuses (the reference rule's over- and
 *       underpayments: an exception), or passes to the next rule. Only the reference rule looks at disputed items,
 *       and only when they are named; the amount rules use the payer's undisputed items in the payment's currency.
 *   <li>If no rule decided, the payment is an exception: {@link ExceptionReason#AMBIGUOUS} if a rule found ties;
 *       else {@code NO_PAYER}, {@code CURRENCY_MISMATCH}, {@code OVERPAYMENT} (more than everything the payer has
 *       open), {@code UNDERPAYMENT} (less than any single item) or {@code NO_MATCH}.
 * </ol>
 *
 * <p>Items applied to by one payment are no longer open (or have only their residual open) for the payments after it:
 * the run keeps running open amounts, so no item is ever over-applied and the index itself is not changed. Amounts are
 * compared as {@code long} minor units; money objects are made only for the report.
 *
 * <p>Every payment ends either in {@link CashApplicationReport#matches()} or in
 * {@link CashApplicationReport#exceptions()}, never both; for each currency, applied + unapplied = received.
 * Instances are immutable and thread-safe; each {@code apply} is independent.
 */
public final class CashApplicationEngine {
  private final CashApplicationConfig config;

  private CashApplicationEngine(CashApplicationConfig config) {
    this.config = config;
  }

  /**
   * An engine with a configuration.
   *
   * @param config the rule chain and tolerance, not null
   * @return the engine, never null
   */
  public static CashApplicationEngine of(CashApplicationConfig config) {
    return new CashApplicationEngine(Objects.requireNonNull(config, "config"));
  }

  /**
   * The configuration.
   *
   * @return the configuration, never null
   */
  public CashApplicationConfig config() {
    return config;
  }

  /**
   * Matches payments to an index of open items.
   *
   * @param openItems the open items, not null
   * @param payments the payments, not null, no nulls, ids unique
   * @return the report, never null
   * @throws ValidationException if a payment id repeats; nothing is matched then
   */
  public CashApplicationReport apply(OpenItemIndex openItems, List<Payment> payments) {
    Objects.requireNonNull(openItems, "openItems");
    Objects.requireNonNull(payments, "payments");
    Map<String, Integer> ids = new HashMap<>(payments.size() * 2);
    for (int i = 0; i < payments.size(); i++) {
      Payment p = Objects.requireNonNull(payments.get(i), "payments[" + i + "]");
      Integer before = ids.putIfAbsent(p.id(), i);
      if (before != null) {
        throw new ValidationException("payments[" + i + "].id", p.id(), "must be unique (payments[" + before
            + "] has it too)");
      }
    }
    Run run = new Run(openItems, config);
    for (Payment p : payments) {
      run.process(p);
    }
    return CashApplicationReport.builder().matches(run.matches).exceptions(run.exceptions)
        .instructions(run.instructions).build();
  }

  /**
   * Indexes the open items, then matches the payments: {@code apply(OpenItemIndex.of(openItems), payments)}.
   *
   * @param openItems the open items, not null
   * @param payments the payments, not null, ids unique
   * @return the report, never null
   * @throws ValidationException if a payment id or an invoice number repeats
   */
  public CashApplicationReport apply(List<OpenItem> openItems, List<Payment> payments) {
    return apply(OpenItemIndex.of(Objects.requireNonNull(openItems, "openItems")), payments);
  }

  /** One run: running open amounts and the results. Not thread-safe. */
  private static final class Run {
    final OpenItemIndex ix;
    final CashApplicationConfig config;
    final long[] remaining;
    final int referenceMaxItems;
    final List<PaymentMatch> matches = new ArrayList<>();
    final List<PaymentException> exceptions = new ArrayList<>();
    final List<ApplicationInstruction> instructions = new ArrayList<>();
    final MessageDigest sha256;
    // per payment scratch
    int[] refItems = new int[8];
    int refItemCount;
    int[] refAccounts = new int[4];
    int refAccountCount;
    int[] eligible = new int[16];
    int eligibleCount;
    Payment payment;
    CurrencyUnit currency;
    long amount;
    long tolerance;
    String ambiguity;
    List<String> ambiguousCandidates;

    Run(OpenItemIndex ix, CashApplicationConfig config) {
      this.ix = ix;
      this.config = config;
      this.remaining = ix.openMinor.clone();
      int max = MatchRule.MAX_COMBINATION_ITEMS;
      for (MatchRule r : config.rules()) {
        if (r.kind() == RuleKind.COMBINATION) {
          max = r.maxItems();
        }
      }
      this.referenceMaxItems = max;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
      this.payment = Payment.builder().id("-").amount(Money.ofMinor(CurrencyUnit.USD, 1))
          .valueDate(java.time.LocalDate.EPOCH).build();
      this.currency = CurrencyUnit.USD;
      this.ambiguity = "";
      this.ambiguousCandidates = List.of();
    }

    void process(Payment p) {
      payment = p;
      currency = p.amount().getCurrencyUnit();
      amount = p.amount().getAmountMinorLong();
      tolerance = config.tolerance().allowanceMinor(p.amount());
      ambiguity = "";
      ambiguousCandidates = List.of();
      scanReferences(p);
      int payer = -1;
      boolean payerGiven = p.payerAccountId().isPresent();
      if (payerGiven) {
        payer = ix.accountIndex.get(OpenItemIndex.normalize(p.payerAccountId().get()));
      } else if (refAccountCount == 1) {
        payer = refAccounts[0];
      } else if (refAccountCount == 0 && refItemCount > 0) {
        payer = ix.accountOf[refItems[0]];
        for (int k = 1; k < refItemCount; k++) {
          if (ix.accountOf[refItems[k]] != payer) {
            payer = -1;
            break;
          }
        }
      }
      Optional<String> payerId = payerGiven ? p.payerAccountId()
          : payer >= 0 ? Optional.of(ix.accountIds[payer]) : Optional.empty();
      eligibleCount = -1; // computed on first use
      for (MatchRule rule : config.rules()) {
        boolean decided;
        switch (rule.kind()) {
          case REFERENCE:
            decided = reference(payerId);
            break;
          case EXACT_AMOUNT:
            decided = payer >= 0 && exactAmount(payer, payerId);
            break;
          case OLDEST_ITEMS:
            decided = payer >= 0 && oldestItems(payer, payerId);
            break;
          case COMBINATION:
            decided = payer >= 0 && combination(payer, payerId, rule.maxItems());
            break;
          case BALANCE_FORWARD:
            decided = payer >= 0 && balanceForward(payer, payerId);
            break;
          default:
            throw new AssertionError(rule.kind());
        }
        if (decided) {
          return;
        }
      }
      unmatched(payer, payerGiven, payerId);
    }

    // ---- references ----

    private void scanReferences(Payment p) {
      refItemCount = 0;
      refAccountCount = 0;
      for (String r : p.references()) {
        String whole = r.strip();
        if (!whole.isEmpty() && !lookup(whole)) {
          words(whole);
        }
      }
      if (p.freeText().isPresent()) {
        words(p.freeText().get());
      }
    }

    private void words(String s) {
      int n = s.length();
      int i = 0;
      while (i < n) {
        while (i < n && !wordChar(s.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < n && wordChar(s.charAt(i))) {
          i++;
        }
        int end = i;
        while (start < end && trimChar(s.charAt(start))) {
          start++;
        }
        while (end > start && trimChar(s.charAt(end - 1))) {
          end--;
        }
        if (end > start) {
          String w = s.substring(start, end);
          if (!lookup(w) && w.indexOf('/') >= 0) {
            for (String part : w.split("/", -1)) {
              if (!part.isEmpty()) {
                lookup(part);
              }
            }
          }
        }
      }
    }

    private static boolean wordChar(char c) {
      return Character.isLetterOrDigit(c) || trimChar(c);
    }

    private static boolean trimChar(char c) {
      return c == '-' || c == '_' || c == '/' || c == '.';
    }

    /** Looks a word up as an invoice number, else an account id; true when found. */
    private boolean lookup(String word) {
      String key = OpenItemIndex.normalize(word);
      int item = ix.invoiceIndex.get(key);
      if (item >= 0) {
        for (int k = 0; k < refItemCount; k++) {
          if (refItems[k] == item) {
            return true;
          }
        }
        if (refItemCount == refItems.length) {
          refItems = Arrays.copyOf(refItems, refItemCount * 2);
        }
        refItems[refItemCount++] = item;
        return true;
      }
      int acct = ix.accountIndex.get(key);
      if (acct >= 0) {
        for (int k = 0; k < refAccountCount; k++) {
          if (refAccounts[k] == acct) {
            return true;
          }
        }
        if (refAccountCount == refAccounts.length) {
          refAccounts = Arrays.copyOf(refAccounts, refAccountCount * 2);
        }
        refAccounts[refAccountCount++] = acct;
        return true;
      }
      return false;
    }

    // ---- rules ----

    private boolean reference(Optional<String> payerId) {
      if (refItemCount == 0) {
        return false;
      }
      int[] open = new int[refItemCount];
      int n = 0;
      boolean otherCurrency = false;
      for (int k = 0; k < refItemCount; k++) {
        int it = refItems[k];
        if (remaining[it] > 0) {
          if (ix.currency[it].equals(currency)) {
            open[n++] = it;
          } else {
            otherCurrency = true;
          }
        }
      }
      open = oldestFirst(Arrays.copyOf(open, n));
      if (n == 0) {
        List<String> named = invoiceNumbers(refItems, refItemCount);
        if (otherCurrency) {
          exception(ExceptionReason.CURRENCY_MISMATCH, payerId, named,
              "pays " + payment.amount() + "; the invoices named (" + String.join(", ", named)
                  + ") are open in another currency");
        } else {
          exception(ExceptionReason.OVERPAYMENT, payerId, named,
              "pays " + payment.amount() + "; the invoices named (" + String.join(", ", named)
                  + ") have nothing open");
        }
        return true;
      }
      long sum = 0;
      for (int it : open) {
        sum = Amounts.add(sum, remaining[it]);
      }
      long diff = amount - sum;
      if (Math.abs(diff) <= tolerance) {
        match(RuleKind.REFERENCE, diff == 0 ? 100 : 95, payerId, open, open.length);
        return true;
      }
      List<String> named = invoiceNumbers(refItems, refItemCount);
      String what = "pays " + payment.amount() + "; the invoices named (" + String.join(", ",
          invoiceNumbers(open, open.length)) + ") have " + money(sum) + " open (tolerance " + money(tolerance) + ")";
      if (diff > 0) {
        exception(ExceptionReason.OVERPAYMENT, payerId, named, what);
        return true;
      }
      long[] amounts = new long[open.length];
      for (int k = 0; k < open.length; k++) {
        amounts[k] = remaining[open[k]];
      }
      SubsetSum.Result r = SubsetSum.search(amounts, amount, tolerance, referenceMaxItems,
          config.combinationSearchLimit());
      if (r.kind == SubsetSum.Kind.UNIQUE) {
        int[] chosen = new int[r.best.length];
        for (int k = 0; k < chosen.length; k++) {
          chosen[k] = open[r.best[k]];
        }
        match(RuleKind.REFERENCE, 90, payerId, chosen, chosen.length);
      } else if (r.kind == SubsetSum.Kind.AMBIGUOUS) {
        exception(ExceptionReason.AMBIGUOUS, payerId, named,
            what + "; more than one set of them adds up to the payment");
      } else {
        exception(ExceptionReason.UNDERPAYMENT, payerId, named, what);
      }
      return true;
    }

    private boolean exactAmount(int payer, Optional<String> payerId) {
      eligible(payer);
      long best = Long.MAX_VALUE;
      int count = 0;
      int bestItem = -1;
      int tieItem = -1;
      for (int k = 0; k < eligibleCount; k++) {
        int it = eligible[k];
        long d = Math.abs(remaining[it] - amount);
        if (d <= tolerance) {
          if (d < best) {
            best = d;
            count = 1;
            bestItem = it;
          } else if (d == best) {
            if (++count == 2) {
              tieItem = it;
            }
          }
        }
      }
      if (count == 1) {
        match(RuleKind.EXACT_AMOUNT, best == 0 ? 90 : 80, payerId, new int[] {bestItem}, 1);
        return true;
      }
      if (count > 1) {
        noteAmbiguity("exact amount: " + count + " open items of " + (best == 0 ? money(amount).toString()
            : "within " + money(best) + " of " + money(amount)), new int[] {bestItem, tieItem});
      }
      return false;
    }

    private boolean oldestItems(int payer, Optional<String> payerId) {
      eligible(payer);
      long prefix = 0;
      long best = Long.MAX_VALUE;
      int bestK = -1;
      for (int k = 0; k < eligibleCount; k++) {
        prefix = Amounts.add(prefix, remaining[eligible[k]]);
        long d = Math.abs(prefix - amount);
        if (d <= tolerance && d < best) {
          best = d;
          bestK = k;
        }
        if (prefix > amount + tolerance) {
          break;
        }
      }
      if (bestK < 0) {
        return false;
      }
      match(RuleKind.OLDEST_ITEMS, best == 0 ? 80 : 75, payerId, eligible, bestK + 1);
      return true;
    }

    private boolean combination(int payer, Optional<String> payerId, int maxItems) {
      eligible(payer);
      int n = Math.min(eligibleCount, config.combinationPool());
      if (n == 0) {
        return false;
      }
      long[] amounts = new long[n];
      for (int k = 0; k < n; k++) {
        amounts[k] = remaining[eligible[k]];
      }
      SubsetSum.Result r = SubsetSum.search(amounts, amount, tolerance, maxItems, config.combinationSearchLimit());
      switch (r.kind) {
        case UNIQUE: {
          int[] chosen = new int[r.best.length];
          for (int k = 0; k < chosen.length; k++) {
            chosen[k] = eligible[r.best[k]];
          }
          match(RuleKind.COMBINATION, 70, payerId, chosen, chosen.length);
          return true;
        }
        case AMBIGUOUS: {
          int[] both = new int[r.best.length + r.tie.length];
          for (int k = 0; k < r.best.length; k++) {
            both[k] = eligible[r.best[k]];
          }
          for (int k = 0; k < r.tie.length; k++) {
            both[r.best.length + k] = eligible[r.tie[k]];
          }
          noteAmbiguity("combination: more than one set of " + r.best.length + " open items adds up to "
              + money(amount) + " within " + money(tolerance), both);
          return false;
        }
        case LIMIT:
          noteAmbiguity("combination: the search stopped after " + config.combinationSearchLimit()
              + " steps without a certain answer", new int[0]);
          return false;
        default:
          return false;
      }
    }

    private boolean balanceForward(int payer, Optional<String> payerId) {
      eligible(payer);
      if (eligibleCount == 0) {
        return false;
      }
      match(RuleKind.BALANCE_FORWARD, 60, payerId, eligible, eligibleCount);
      return true;
    }

    private void unmatched(int payer, boolean payerGiven, Optional<String> payerId) {
      if (!ambiguity.isEmpty()) {
        exception(ExceptionReason.AMBIGUOUS, payerId, ambiguousCandidates, ambiguity);
        return;
      }
      if (payer < 0) {
        if (payerGiven) {
          exception(ExceptionReason.NO_MATCH, payerId, List.of(),
              "payer " + payerId.orElse("") + " has no open items");
        } else if (refAccountCount > 1) {
          List<String> accts = new ArrayList<>();
          for (int k = 0; k < refAccountCount; k++) {
            accts.add(ix.accountIds[refAccounts[k]]);
          }
          exception(ExceptionReason.AMBIGUOUS, payerId, List.of(),
              "the payment names several accounts: " + String.join(", ", accts));
        } else if (refItemCount > 0) {
          exception(ExceptionReason.AMBIGUOUS, payerId, invoiceNumbers(refItems, refItemCount),
              "the invoices it names belong to different accounts");
        } else {
          exception(ExceptionReason.NO_PAYER, payerId, List.of(),
              "no known account or invoice number in the payment's references or text");
        }
        return;
      }
      eligible(payer);
      if (eligibleCount == 0) {
        boolean otherCurrency = false;
        boolean disputedOnly = false;
        for (int k = ix.accountStart[payer]; k < ix.accountStart[payer + 1]; k++) {
          int it = ix.accountItems[k];
          if (remaining[it] > 0) {
            if (!ix.currency[it].equals(currency)) {
              otherCurrency = true;
            } else {
              disputedOnly = true;
            }
          }
        }
        if (otherCurrency && !disputedOnly) {
          exception(ExceptionReason.CURRENCY_MISMATCH, payerId, List.of(),
              "payer " + ix.accountIds[payer] + " has open items only in other currencies than " + currency);
        } else {
          exception(ExceptionReason.NO_MATCH, payerId, List.of(), "payer " + ix.accountIds[payer]
              + (disputedOnly ? " has only disputed items open in " + currency : " has no open items"));
        }
        return;
      }
      long total = 0;
      long smallest = Long.MAX_VALUE;
      for (int k = 0; k < eligibleCount; k++) {
        total = Amounts.add(total, remaining[eligible[k]]);
        smallest = Math.min(smallest, remaining[eligible[k]]);
      }
      if (amount > total + tolerance) {
        exception(ExceptionReason.OVERPAYMENT, payerId, List.of(), "pays " + payment.amount() + "; payer "
            + ix.accountIds[payer] + " has " + money(total) + " open in all (tolerance " + money(tolerance) + ")");
      } else if (amount < smallest - tolerance) {
        exception(ExceptionReason.UNDERPAYMENT, payerId, List.of(), "pays " + payment.amount() + "; payer "
            + ix.accountIds[payer] + "'s smallest open item is " + money(smallest) + " (tolerance "
            + money(tolerance) + ")");
      } else {
        exception(ExceptionReason.NO_MATCH, payerId, List.of(), "no open item of payer " + ix.accountIds[payer]
            + ", or combination of them the rules allow, matches " + payment.amount() + " (tolerance "
            + money(tolerance) + ")");
      }
    }

    // ---- helpers ----

    /** The payer's undisputed items open in the payment currency, oldest first, into {@code eligible}. */
    private void eligible(int payer) {
      if (eligibleCount >= 0) {
        return;
      }
      int from = ix.accountStart[payer];
      int to = ix.accountStart[payer + 1];
      if (eligible.length < to - from) {
        eligible = new int[Integer.highestOneBit(to - from) << 1];
      }
      int n = 0;
      for (int k = from; k < to; k++) {
        int it = ix.accountItems[k];
        if (remaining[it] > 0 && !ix.disputed[it] && ix.currency[it].equals(currency)) {
          eligible[n++] = it;
        }
      }
      eligibleCount = n;
    }

    private int[] oldestFirst(int[] its) {
      if (its.length < 2) {
        return its;
      }
      Integer[] boxed = new Integer[its.length];
      for (int k = 0; k < its.length; k++) {
        boxed[k] = its[k];
      }
      Arrays.sort(boxed, (x, y) -> {
        int c = ix.items[x].dueDate().compareTo(ix.items[y].dueDate());
        if (c == 0) {
          c = ix.items[x].issueDate().compareTo(ix.items[y].issueDate());
        }
        return c != 0 ? c : Integer.compare(x, y);
      });
      int[] out = new int[its.length];
      for (int k = 0; k < its.length; k++) {
        out[k] = boxed[k];
      }
      return out;
    }

    /** Applies the payment to items in the order given until it is used up; records the match. */
    private void match(RuleKind rule, int confidence, Optional<String> payerId, int[] its, int count) {
      long left = amount;
      List<Application> apps = new ArrayList<>(count);
      for (int k = 0; k < count && left > 0; k++) {
        int it = its[k];
        long open = remaining[it];
        long a = Math.min(open, left);
        if (a > 0) {
          OpenItem item = ix.items[it];
          apps.add(Application.of(item.invoiceNumber(), item.accountId(), Money.ofMinor(currency, a),
              Money.ofMinor(currency, open)));
          remaining[it] = open - a;
          left -= a;
        }
      }
      PaymentMatch m = PaymentMatch.builder().payment(payment).rule(rule).confidence(confidence)
          .payerAccountId(payerId).applications(apps).build();
      matches.add(m);
      instructions.add(ApplicationInstruction.of(m, ApplicationInstruction.idempotencyKeyOf(payment, sha256)));
    }

    private void exception(ExceptionReason reason, Optional<String> payerId, List<String> candidates,
        String detail) {
      exceptions.add(PaymentException.builder().payment(payment).reason(reason).detail(detail)
          .payerAccountId(payerId).candidates(candidates).build());
    }

    private void noteAmbiguity(String what, int[] its) {
      if (ambiguity.isEmpty()) {
        ambiguity = what;
        ambiguousCandidates = invoiceNumbers(its, its.length);
      }
    }

    private List<String> invoiceNumbers(int[] its, int count) {
      List<String> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        String inv = ix.items[its[k]].invoiceNumber();
        if (!out.contains(inv)) {
          out.add(inv);
        }
      }
      return out;
    }

    private Money money(long minor) {
      return Money.ofMinor(currency, minor);
    }
  }
}
