package io.github.gridbill.reconcile.cash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small, obviously-correct model of cash application for differential testing: the documented rules written
 * directly over lists and maps (no indexes, no primitive arrays), with a brute-force combination search. It returns
 * only what the engine's outcome must agree on: matched or not, rule, confidence, applications; or the reason.
 */
final class ReferenceCashApplication {
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}\\-_/.]+");
  private static final Pattern SLASH = Pattern.compile("/");

  private ReferenceCashApplication() {}

  /** What happened to one payment. */
  record Outcome(String paymentId, @Nullable RuleKind rule, int confidence, List<String> applications,
      @Nullable ExceptionReason reason) {}

  private static final class Item {
    final OpenItem item;
    final int order;
    long remaining;

    Item(OpenItem item, int order) {
      this.item = item;
      this.order = order;
      this.remaining = item.openAmount().getAmountMinorLong();
    }
  }

  static List<Outcome> run(List<OpenItem> openItems, List<Payment> payments, CashApplicationConfig config) {
    List<Item> items = new ArrayList<>();
    Map<String, Item> byInvoice = new HashMap<>();
    Map<String, String> accounts = new HashMap<>();
    for (int i = 0; i < openItems.size(); i++) {
      Item it = new Item(openItems.get(i), i);
      items.add(it);
      byInvoice.put(up(it.item.invoiceNumber()), it);
      accounts.putIfAbsent(up(it.item.accountId()), it.item.accountId());
    }
    Comparator<Item> oldest = Comparator.<Item, java.time.LocalDate>comparing(x -> x.item.dueDate())
        .thenComparing(x -> x.item.issueDate()).thenComparingInt(x -> x.order);
    List<Outcome> out = new ArrayList<>();
    for (Payment p : payments) {
      out.add(one(p, items, byInvoice, accounts, oldest, config));
    }
    return out;
  }

  private static String up(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private static Outcome one(Payment p, List<Item> items, Map<String, Item> byInvoice, Map<String, String> accounts,
      Comparator<Item> oldest, CashApplicationConfig config) {
    long amount = p.amount().getAmountMinorLong();
    long tol = config.tolerance().allowance(p.amount()).getAmountMinorLong();
    Set<Item> refItems = new LinkedHashSet<>();
    Set<String> refAccounts = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    for (String r : p.references()) {
      String whole = r.strip();
      if (whole.isEmpty()) {
        continue;
      }
      if (byInvoice.containsKey(up(whole)) || accounts.containsKey(up(whole))) {
        words.add(whole);
      } else {
        words.addAll(words(whole, byInvoice, accounts));
      }
    }
    p.freeText().ifPresent(t -> words.addAll(words(t, byInvoice, accounts)));
    for (String w : words) {
      Item it = byInvoice.get(up(w));
      if (it != null) {
        refItems.add(it);
      } else if (accounts.containsKey(up(w))) {
        refAccounts.add(up(w));
      }
    }
    String payer = null;
    boolean given = p.payerAccountId().isPresent();
    if (given) {
      payer = accounts.containsKey(up(p.payerAccountId().get())) ? up(p.payerAccountId().get()) : null;
    } else if (refAccounts.size() == 1) {
      payer = refAccounts.iterator().next();
    } else if (refAccounts.isEmpty() && !refItems.isEmpty()) {
      Set<String> owners = refItems.stream().map(x -> up(x.item.accountId())).collect(Collectors.toSet());
      payer = owners.size() == 1 ? owners.iterator().next() : null;
    }
    String payerFinal = payer;
    List<Item> eligible = items.stream()
        .filter(x -> payerFinal != null && up(x.item.accountId()).equals(payerFinal) && x.remaining > 0
            && !x.item.disputed() && x.item.openAmount().getCurrencyUnit().equals(p.amount().getCurrencyUnit()))
        .sorted(oldest).collect(Collectors.toList());
    int refMax = config.rules().stream().filter(r -> r.kind() == RuleKind.COMBINATION).map(MatchRule::maxItems)
        .findFirst().orElse(MatchRule.MAX_COMBINATION_ITEMS);
    boolean ambiguous = false;
    for (MatchRule rule : config.rules()) {
      switch (rule.kind()) {
        case REFERENCE: {
          if (refItems.isEmpty()) {
            break;
          }
          List<Item> open = refItems.stream().filter(x -> x.remaining > 0
              && x.item.openAmount().getCurrencyUnit().equals(p.amount().getCurrencyUnit())).sorted(oldest)
              .collect(Collectors.toList());
          if (open.isEmpty()) {
            boolean other = refItems.stream().anyMatch(x -> x.remaining > 0);
            return exception(p, other ? ExceptionReason.CURRENCY_MISMATCH : ExceptionReason.OVERPAYMENT);
          }
          long sum = open.stream().mapToLong(x -> x.remaining).sum();
          if (Math.abs(amount - sum) <= tol) {
            return match(p, RuleKind.REFERENCE, amount == sum ? 100 : 95, open, amount);
          }
          if (amount > sum) {
            return exception(p, ExceptionReason.OVERPAYMENT);
          }
          long[] a = open.stream().mapToLong(x -> x.remaining).toArray();
          SubsetSum.Result r = SubsetSumProperties.bruteForce(a, amount, tol, refMax);
          if (r.kind == SubsetSum.Kind.UNIQUE) {
            List<Item> chosen = new ArrayList<>();
            for (int i : r.best) {
              chosen.add(open.get(i));
            }
            return match(p, RuleKind.REFERENCE, 90, chosen, amount);
          }
          return exception(p, r.kind == SubsetSum.Kind.AMBIGUOUS ? ExceptionReason.AMBIGUOUS
              : ExceptionReason.UNDERPAYMENT);
        }
        case EXACT_AMOUNT: {
          if (payer == null) {
            break;
          }
          long best = eligible.stream().mapToLong(x -> Math.abs(x.remaining - amount)).filter(d -> d <= tol).min()
              .orElse(-1);
          if (best < 0) {
            break;
          }
          List<Item> at = eligible.stream().filter(x -> Math.abs(x.remaining - amount) == best)
              .collect(Collectors.toList());
          if (at.size() == 1) {
            return match(p, RuleKind.EXACT_AMOUNT, best == 0 ? 90 : 80, at, amount);
          }
          ambiguous = true;
          break;
        }
        case OLDEST_ITEMS: {
          if (payer == null) {
            break;
          }
          long best = Long.MAX_VALUE;
          int bestK = -1;
          long prefix = 0;
          for (int k = 0; k < eligible.size(); k++) {
            prefix += eligible.get(k).remaining;
            long d = Math.abs(prefix - amount);
            if (d <= tol && d < best) {
              best = d;
              bestK = k;
            }
            if (prefix > amount + tol) {
              break;
            }
          }
          if (bestK >= 0) {
            return match(p, RuleKind.OLDEST_ITEMS, best == 0 ? 80 : 75, eligible.subList(0, bestK + 1), amount);
          }
          break;
        }
        case COMBINATION: {
          if (payer == null || eligible.isEmpty()) {
            break;
          }
          List<Item> pool = eligible.subList(0, Math.min(eligible.size(), config.combinationPool()));
          SubsetSum.Result r = SubsetSumProperties.bruteForce(pool.stream().mapToLong(x -> x.remaining).toArray(),
              amount, tol, rule.maxItems());
          if (r.kind == SubsetSum.Kind.UNIQUE) {
            List<Item> chosen = new ArrayList<>();
            for (int i : r.best) {
              chosen.add(pool.get(i));
            }
            return match(p, RuleKind.COMBINATION, 70, chosen, amount);
          }
          if (r.kind == SubsetSum.Kind.AMBIGUOUS) {
            ambiguous = true;
          }
          break;
        }
        case BALANCE_FORWARD: {
          if (payer == null || eligible.isEmpty()) {
            break;
          }
          return match(p, RuleKind.BALANCE_FORWARD, 60, eligible, amount);
        }
        default:
          throw new AssertionError(rule.kind());
      }
    }
    if (ambiguous) {
      return exception(p, ExceptionReason.AMBIGUOUS);
    }
    if (payer == null) {
      if (given) {
        return exception(p, ExceptionReason.NO_MATCH);
      }
      return exception(p, refAccounts.size() > 1 || !refItems.isEmpty() ? ExceptionReason.AMBIGUOUS
          : ExceptionReason.NO_PAYER);
    }
    if (eligible.isEmpty()) {
      String pf = payer;
      boolean sameCurrencyOpen = items.stream().anyMatch(x -> up(x.item.accountId()).equals(pf) && x.remaining > 0
          && x.item.openAmount().getCurrencyUnit().equals(p.amount().getCurrencyUnit()));
      boolean otherOpen = items.stream().anyMatch(x -> up(x.item.accountId()).equals(pf) && x.remaining > 0
          && !x.item.openAmount().getCurrencyUnit().equals(p.amount().getCurrencyUnit()));
      return exception(p, otherOpen && !sameCurrencyOpen ? ExceptionReason.CURRENCY_MISMATCH
          : ExceptionReason.NO_MATCH);
    }
    long total = eligible.stream().mapToLong(x -> x.remaining).sum();
    long smallest = eligible.stream().mapToLong(x -> x.remaining).min().orElseThrow();
    if (amount > total + tol) {
      return exception(p, ExceptionReason.OVERPAYMENT);
    }
    if (amount < smallest - tol) {
      return exception(p, ExceptionReason.UNDERPAYMENT);
    }
    return exception(p, ExceptionReason.NO_MATCH);
  }

  /** Words: runs of letters, digits and - _ / . with those trimmed; a word with '/' not found is also split. */
  private static List<String> words(String text, Map<String, Item> byInvoice, Map<String, String> accounts) {
    List<String> out = new ArrayList<>();
    for (String raw : NOT_WORD.split(text, -1)) {
      String w = raw.replaceAll("^[-_/.]+", "").replaceAll("[-_/.]+$", "");
      if (w.isEmpty()) {
        continue;
      }
      if (byInvoice.containsKey(up(w)) || accounts.containsKey(up(w)) || !w.contains("/")) {
        out.add(w);
      } else {
        for (String part : SLASH.split(w, -1)) {
          if (!part.isEmpty()) {
            out.add(part);
          }
        }
      }
    }
    return out;
  }

  private static Outcome match(Payment p, RuleKind rule, int confidence, List<Item> its, long amount) {
    long left = amount;
    List<String> apps = new ArrayList<>();
    for (Item it : its) {
      long a = Math.min(it.remaining, left);
      if (a > 0) {
        apps.add(it.item.invoiceNumber() + "=" + a);
        it.remaining -= a;
        left -= a;
      }
    }
    return new Outcome(p.id(), rule, confidence, apps, null);
  }

  private static Outcome exception(Payment p, ExceptionReason reason) {
    return new Outcome(p.id(), null, 0, List.of(), reason);
  }

  static List<Outcome> of(CashApplicationReport r) {
    Map<String, Outcome> byId = new HashMap<>();
    for (PaymentMatch m : r.matches()) {
      List<String> apps = new ArrayList<>();
      for (Application a : m.applications()) {
        apps.add(a.invoiceNumber() + "=" + a.amount().getAmountMinorLong());
      }
      byId.put(m.payment().id(), new Outcome(m.payment().id(), m.rule(), m.confidence(), apps, null));
    }
    for (PaymentException e : r.exceptions()) {
      byId.put(e.payment().id(), new Outcome(e.payment().id(), null, 0, List.of(), e.reason()));
    }
    List<Outcome> out = new ArrayList<>();
    for (PaymentMatch m : r.matches()) {
      out.add(byId.get(m.payment().id()));
    }
    for (PaymentException e : r.exceptions()) {
      out.add(byId.get(e.payment().id()));
    }
    return out;
  }

  static Optional<Outcome> find(List<Outcome> outcomes, String id) {
    return outcomes.stream().filter(o -> o.paymentId().equals(id)).findFirst();
  }
}
