package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Invariants of cash application over random books and payments (built from a seed: a few accounts with a handful
 * of items each, amounts from a small set so that ties, exact hits and combinations are common, some EUR, some
 * disputed; payments naming invoices or accounts in any case, inside text, or nothing; random rule chains and
 * tolerances), and a differential property against {@link ReferenceCashApplication}.
 */
class CashApplicationProperties {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final long[] AMOUNTS = {500, 1000, 1500, 2000, 2500, 4000, 5000};

  /** A random book, payments and configuration. */
  record Scenario(List<OpenItem> items, List<Payment> payments, CashApplicationConfig config) {}

  static Scenario scenario(long seed) {
    Random r = new Random(seed);
    List<OpenItem> items = new ArrayList<>();
    int accounts = 1 + r.nextInt(4);
    int inv = 0;
    for (int a = 1; a <= accounts; a++) {
      int n = r.nextInt(7);
      for (int k = 0; k < n; k++) {
        LocalDate due = LocalDate.of(2024, 1 + r.nextInt(6), 1 + r.nextInt(3) * 10);
        LocalDate issue = due.minusDays(15L * r.nextInt(3));
        CurrencyUnit cu = r.nextInt(10) == 0 ? EUR : USD;
        inv++;
        items.add(OpenItem.of("A" + a, "INV-" + inv, issue, due,
            Money.ofMinor(cu, AMOUNTS[r.nextInt(AMOUNTS.length)]), r.nextInt(10) == 0));
      }
    }
    List<Payment> payments = new ArrayList<>();
    int np = 1 + r.nextInt(12);
    for (int i = 0; i < np; i++) {
      long amount;
      int how = r.nextInt(5);
      if (how == 0 || items.isEmpty()) {
        amount = 100L * (1 + r.nextInt(200));
      } else if (how == 1) {
        amount = items.get(r.nextInt(items.size())).openAmount().getAmountMinorLong()
            + items.get(r.nextInt(items.size())).openAmount().getAmountMinorLong();
      } else if (how == 2) {
        amount = items.get(r.nextInt(items.size())).openAmount().getAmountMinorLong() + r.nextInt(101) - 50;
      } else {
        amount = items.get(r.nextInt(items.size())).openAmount().getAmountMinorLong();
      }
      amount = Math.max(1, amount);
      Payment.Builder p = Payment.builder().id("p" + i).valueDate(LocalDate.of(2024, 7, 1))
          .amount(Money.ofMinor(r.nextInt(12) == 0 ? EUR : USD, amount));
      if (r.nextInt(5) < 2) {
        p.payerAccountId("A" + (1 + r.nextInt(accounts + 1)));
      }
      int refs = r.nextInt(3);
      for (int k = 0; k < refs; k++) {
        p.addReference(reference(r, accounts, inv));
      }
      if (r.nextBoolean()) {
        p.freeText("payment " + reference(r, accounts, inv) + ", thanks.");
      }
      payments.add(p.build());
    }
    List<MatchRule> all = new ArrayList<>(List.of(MatchRule.reference(), MatchRule.exactAmount(),
        MatchRule.oldestItems(), MatchRule.combination(1 + r.nextInt(10)), MatchRule.balanceForward()));
    Collections.shuffle(all, r);
    List<MatchRule> rules = all.subList(0, 1 + r.nextInt(all.size()));
    Tolerance[] tolerances = {Tolerance.none(), Tolerance.absolute(Money.ofMinor(USD, 50)),
        Tolerance.percent(new BigDecimal("2")), Tolerance.both(Money.ofMinor(USD, 100), new BigDecimal("1"))};
    CashApplicationConfig config = CashApplicationConfig.builder().addAllRules(rules)
        .tolerance(tolerances[r.nextInt(tolerances.length)]).combinationPool(1 + r.nextInt(8)).build();
    return new Scenario(items, payments, config);
  }

  static String reference(Random r, int accounts, int invoices) {
    int kind = r.nextInt(4);
    if (kind == 0 && invoices > 0) {
      String s = "INV-" + (1 + r.nextInt(invoices));
      return r.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s;
    }
    if (kind == 1) {
      return "A" + (1 + r.nextInt(accounts));
    }
    if (kind == 2 && invoices > 1) {
      return "INV-" + (1 + r.nextInt(invoices)) + "/INV-" + (1 + r.nextInt(invoices));
    }
    return "X-" + r.nextInt(9);
  }

  static CashApplicationReport apply(Scenario s) {
    return CashApplicationEngine.of(s.config()).apply(OpenItemIndex.of(s.items()), s.payments());
  }

  @Property(tries = 300)
  void everyPaymentEndsMatchedOrExceptedExactlyOnce(@ForAll long seed) {
    Scenario s = scenario(seed);
    CashApplicationReport r = apply(s);
    Set<String> matched = new HashSet<>();
    r.matches().forEach(m -> matched.add(m.payment().id()));
    Set<String> excepted = new HashSet<>();
    r.exceptions().forEach(e -> excepted.add(e.payment().id()));
    Set<String> both = new HashSet<>(matched);
    both.retainAll(excepted);
    assertThat(both).as("matched and excepted").isEmpty();
    Set<String> all = new HashSet<>(matched);
    all.addAll(excepted);
    Set<String> input = new HashSet<>();
    s.payments().forEach(p -> input.add(p.id()));
    assertThat(all).isEqualTo(input);
    assertThat(r.paymentCount()).isEqualTo(s.payments().size());
    assertThat(r.instructions()).hasSameSizeAs(r.matches());
  }

  @Property(tries = 300)
  void appliedPlusUnappliedIsReceived(@ForAll long seed) {
    Scenario s = scenario(seed);
    CashApplicationReport r = apply(s);
    Map<CurrencyUnit, Long> received = new HashMap<>();
    for (Payment p : s.payments()) {
      received.merge(p.amount().getCurrencyUnit(), p.amount().getAmountMinorLong(), Long::sum);
    }
    assertThat(r.received().keySet()).isEqualTo(received.keySet());
    for (Map.Entry<CurrencyUnit, Long> e : received.entrySet()) {
      assertThat(r.received().get(e.getKey())).isEqualTo(Money.ofMinor(e.getKey(), e.getValue()));
      assertThat(Objects.requireNonNull(r.applied().get(e.getKey()))
          .plus(Objects.requireNonNull(r.unapplied().get(e.getKey()))))
          .isEqualTo(Money.ofMinor(e.getKey(), e.getValue()));
    }
    for (PaymentMatch m : r.matches()) {
      assertThat(m.applied().plus(m.unapplied())).isEqualTo(m.payment().amount());
      assertThat(m.unapplied().isNegative()).isFalse();
    }
    for (ApplicationInstruction in : r.instructions()) {
      Money sum = in.unapplied();
      for (Application a : in.applications()) {
        sum = sum.plus(a.amount());
      }
      assertThat(sum).isEqualTo(in.received());
    }
  }

  @Property(tries = 300)
  void combinationsStayWithinTolerance(@ForAll long seed) {
    Scenario s = scenario(seed);
    CashApplicationReport r = apply(s);
    int maxItems = s.config().rules().stream().filter(x -> x.kind() == RuleKind.COMBINATION)
        .mapToInt(MatchRule::maxItems).findFirst().orElse(MatchRule.MAX_COMBINATION_ITEMS);
    for (PaymentMatch m : r.matches()) {
      boolean combination = m.rule() == RuleKind.COMBINATION
          || (m.rule() == RuleKind.REFERENCE && m.confidence() == 90);
      if (!combination) {
        continue;
      }
      Money open = Money.zero(m.payment().amount().getCurrencyUnit());
      for (Application a : m.applications()) {
        open = open.plus(a.openBefore());
      }
      Money difference = open.minus(m.payment().amount()).abs();
      assertThat(difference.isGreaterThan(s.config().tolerance().allowance(m.payment().amount())))
          .as("%s: %s proposed for %s", m.rule(), open, m.payment().amount()).isFalse();
      assertThat(m.applications()).hasSizeBetween(1, maxItems);
    }
  }

  @Property(tries = 300)
  void noItemIsAppliedBeyondItsOpenAmount(@ForAll long seed) {
    Scenario s = scenario(seed);
    CashApplicationReport r = apply(s);
    Map<String, Money> open = new HashMap<>();
    for (OpenItem it : s.items()) {
      open.put(it.invoiceNumber(), it.openAmount());
    }
    for (PaymentMatch m : r.matches()) {
      for (Application a : m.applications()) {
        assertThat(a.openBefore()).isEqualTo(open.get(a.invoiceNumber()));
        assertThat(a.openAfter().isNegative()).isFalse();
        open.put(a.invoiceNumber(), a.openAfter());
      }
    }
  }

  @Property(tries = 400)
  void engineAgreesWithTheReferenceModel(@ForAll long seed) {
    Scenario s = scenario(seed);
    List<ReferenceCashApplication.Outcome> expected =
        ReferenceCashApplication.run(s.items(), s.payments(), s.config());
    List<ReferenceCashApplication.Outcome> actual = ReferenceCashApplication.of(apply(s));
    for (ReferenceCashApplication.Outcome e : expected) {
      assertThat(ReferenceCashApplication.find(actual, e.paymentId())).as("payment %s of seed %d", e.paymentId(), seed)
          .contains(e);
    }
  }

  @Property(tries = 200)
  void instructionsAreKeyedByTheirPayment(@ForAll long seed) {
    CashApplicationReport r = apply(scenario(seed));
    for (int i = 0; i < r.matches().size(); i++) {
      assertThat(r.instructions().get(i).idempotencyKey())
          .isEqualTo(ApplicationInstruction.idempotencyKeyOf(r.matches().get(i).payment()));
    }
  }
}
