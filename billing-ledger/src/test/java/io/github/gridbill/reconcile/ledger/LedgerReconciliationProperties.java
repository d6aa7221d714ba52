package io.github.gridbill.reconcile.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.AccountKind;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import io.github.gridbill.reconcile.cash.MatchRule;
import io.github.gridbill.reconcile.cash.Tolerance;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Invariants of importing a random bank statement through the ledger (built from a seed): a few customers with a
 * handful of EUR invoices (some USD after the first, some disputed, some partly paid, some customers with a credit
 * balance), and a statement of incoming lines that pay invoices exactly, partly or too much, pay what an account owes
 * or some other amount naming the account, name nothing, or are bank charges, a third of the incoming lines with a
 * payer the look-up knows; the default rule chain, with balance-forward or not, random minimum confidence and
 * tolerance.
 *
 * <p>After the import: Σ applied + Σ unapplied = Σ received, both in the plan and in the ledger's accounts; every line
 * ends in exactly one state, its allocations adding up to what it applied; the receivables reconciliation shows no
 * difference; the bank reconciliation shows only the bank charges. Importing the statement again posts nothing and
 * leaves both reconciliations as they were.
 */
class LedgerReconciliationProperties {
  static final CurrencyUnit EUR = CurrencyUnit.EUR;
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final long[] AMOUNTS = {1000, 2550, 4000, 5000, 7599, 12000};
  static final LocalDate END = LocalDate.of(2024, 12, 31);

  /** A ledger with invoices and a statement to import into it. */
  record Scenario(Ledger ledger, BankStatement statement, CashPostingConfig config, List<String> charges) {}

  static Scenario scenario(long seed) {
    Random r = new Random(seed);
    Ledger ledger = Rx.ledger();
    List<String[]> invoices = new ArrayList<>(); // number, account, open minor units (EUR only)
    int accounts = 1 + r.nextInt(4);
    int inv = 0;
    for (int a = 1; a <= accounts; a++) {
      String acc = "ACC-" + a;
      int n = 1 + r.nextInt(4);
      for (int k = 0; k < n; k++) {
        inv++;
        String number = "INV-" + inv;
        LocalDate issue = LocalDate.of(2024, 3, 1 + r.nextInt(28));
        CurrencyUnit cu = k > 0 && r.nextInt(8) == 0 ? USD : EUR;
        long amount = AMOUNTS[r.nextInt(AMOUNTS.length)];
        Rx.issue(ledger, number, acc, issue.toString(), issue.plusDays(30).toString(), Money.ofMinor(cu, amount));
        if (r.nextInt(6) == 0) {
          ledger.openDispute("dispute/" + number, number, LocalDate.of(2024, 3, 29), "disputed");
        } else if (cu.equals(EUR) && r.nextInt(5) == 0) {
          String pid = "PRE-" + number;
          ledger.recordPayment("pay/" + pid, Payment.builder().paymentId(pid).accountId(acc)
              .amount(Money.ofMinor(EUR, 500)).method(PaymentMethod.CARD).receivedOn(LocalDate.of(2024, 3, 30))
              .build());
          ledger.applyPayment("apply/" + pid, PaymentApplication.openItem(pid, LocalDate.of(2024, 3, 30),
              Allocation.of(number)));
          amount -= 500;
        }
        if (cu.equals(EUR)) {
          invoices.add(new String[] {number, acc, Long.toString(amount)});
        }
      }
      if (r.nextInt(4) == 0) {
        String pid = "CREDIT-" + acc;
        ledger.recordPayment("pay/" + pid, Payment.builder().paymentId(pid).accountId(acc)
            .amount(Money.ofMinor(EUR, 1500)).method(PaymentMethod.CARD).receivedOn(LocalDate.of(2024, 3, 30))
            .build());
      }
    }
    List<StatementLine> lines = new ArrayList<>();
    List<String> charges = new ArrayList<>();
    int n = 1 + r.nextInt(8);
    for (int i = 1; i <= n; i++) {
      String date = "2024-04-0" + (1 + r.nextInt(5));
      String[] target = invoices.get(r.nextInt(invoices.size()));
      long open = Long.parseLong(target[2]);
      String signed;
      String text;
      switch (r.nextInt(7)) {
        case 0 -> { // exact, naming the invoice
          signed = minor(open);
          text = "Invoice " + (r.nextBoolean() ? target[0] : target[0].toLowerCase(Locale.ROOT));
        }
        case 1 -> { // part, naming the invoice
          signed = minor(Math.max(1, open / 2));
          text = target[0] + " part payment";
        }
        case 2 -> { // too much, naming the invoice
          signed = minor(open + 1 + r.nextInt(3000));
          text = "pay " + target[0];
        }
        case 3 -> { // naming the account: what it owes, or some amount
          long owed = 0;
          for (String[] x : invoices) {
            owed += x[1].equals(target[1]) ? Long.parseLong(x[2]) : 0;
          }
          signed = minor(r.nextBoolean() ? owed : AMOUNTS[r.nextInt(AMOUNTS.length)]);
          text = target[1] + " April";
        }
        case 4 -> { // nothing to go by
          signed = minor(100L * (1 + r.nextInt(150)));
          text = "thank you";
        }
        case 5 -> { // an amount alone
          signed = minor(open);
          text = "";
        }
        default -> { // a bank charge
          signed = "-" + minor(100L * (1 + r.nextInt(5)));
          text = "charges";
          charges.add("P" + seed + "#" + i);
        }
      }
      StatementLine line = text.isEmpty() ? Rx.line("P" + seed, i, signed, date) : Rx.line("P" + seed, i, signed,
          date, text);
      if (!signed.startsWith("-") && r.nextInt(3) == 0) {
        line = line.withCounterpartyName(target[1]); // the payer look-up knows this one
      }
      lines.add(line);
    }
    BankStatement statement = Rx.statement("P" + seed, "2024-04-01", "2024-04-05", "0.00", lines);
    Tolerance[] tolerances = {Tolerance.none(), Tolerance.absolute(Money.ofMinor(EUR, 100)),
        Tolerance.percent(new BigDecimal("2"))};
    CashApplicationConfig.Builder engine = CashApplicationConfig.builder().from(CashApplicationConfig.defaults())
        .tolerance(tolerances[r.nextInt(tolerances.length)]);
    if (r.nextBoolean()) {
      engine.addRule(MatchRule.balanceForward()); // an identified payer's money goes to its oldest items
    }
    CashPostingConfig config = CashPostingConfig.builder().engine(engine.build())
        .minimumConfidence(r.nextBoolean() ? 0 : 70).build();
    return new Scenario(ledger, statement, config, charges);
  }

  static String minor(long units) {
    return BigDecimal.valueOf(units, 2).toPlainString();
  }

  /** The credit balance of a kind's accounts (unapplied or unidentified cash), shown positive. */
  static Money credit(Ledger ledger, AccountKind kind) {
    return ledger.total(kind, EUR, END).negated();
  }

  @Property(tries = 150)
  void aStatementImportedThroughTheLedgerAccountsForEveryCentAndLeavesNothingToReconcile(@ForAll long seed) {
    Scenario s = scenario(seed);
    Ledger ledger = s.ledger();
    Money cash0 = ledger.balance(LedgerAccount.cash(PaymentMethod.EFT), EUR, END);
    Money ar0 = ledger.arControl(EUR, END);
    Money held0 = credit(ledger, AccountKind.UNAPPLIED_CASH).plus(credit(ledger, AccountKind.UNIDENTIFIED_CASH));
    LedgerCashApplication cash = LedgerCashApplication.of(ledger, s.config())
        .withPayerLookup(StatementLine::counterpartyName);

    CashPostingResult first = cash.importStatements(List.of(s.statement()));

    CashPostingPlan plan = first.plan();
    Money received = plan.received().getOrDefault(EUR, Money.zero(EUR));
    Money applied = plan.applied().getOrDefault(EUR, Money.zero(EUR));
    Money unapplied = plan.unapplied().getOrDefault(EUR, Money.zero(EUR));
    assertThat(applied.plus(unapplied)).isEqualTo(received);
    assertThat(ledger.balance(LedgerAccount.cash(PaymentMethod.EFT), EUR, END).minus(cash0)).isEqualTo(received);
    assertThat(ar0.minus(ledger.arControl(EUR, END))).isEqualTo(applied);
    assertThat(credit(ledger, AccountKind.UNAPPLIED_CASH).plus(credit(ledger, AccountKind.UNIDENTIFIED_CASH))
        .minus(held0)).isEqualTo(unapplied);
    Set<String> ids = new HashSet<>();
    for (PlannedLine l : plan.lines()) {
      assertThat(ids.add(l.payment().id())).as("each line once").isTrue();
      assertThat(l.applied().plus(l.unapplied())).isEqualTo(l.payment().amount());
      Money allocated = Money.zero(EUR);
      for (Allocation a : l.allocations()) {
        allocated = allocated.plus(a.amount().orElseThrow());
      }
      assertThat(allocated).isEqualTo(l.applied());
      assertThat(l.status() == LineStatus.APPLIED).isEqualTo(l.applied().isPositive());
      assertThat(l.status() == LineStatus.UNIDENTIFIED).isEqualTo(l.exception().isPresent());
    }
    for (PlannedLine l : plan.lines()) {
      Statistics.label("status").collect(l.status());
      Statistics.label("partly applied").collect(l.applied().isPositive() && l.unapplied().isPositive());
    }
    Statistics.label("status").coverage(c -> {
      c.check(LineStatus.APPLIED).count(k -> k > 100);
      c.check(LineStatus.UNIDENTIFIED).count(k -> k > 100);
    });
    Statistics.label("partly applied").coverage(c -> c.check(true).count(k -> k > 0));
    assertThat(plan.appliedCount() + plan.unidentifiedCount() + plan.unappliedCount()).isEqualTo(plan.lineCount());
    assertThat(plan.lineCount()).isEqualTo(s.statement().lines().size() - s.charges().size());
    assertThat(first.newPostingCount()).isEqualTo(plan.lineCount() + plan.appliedCount());

    ReceivablesReconciliationReport receivables = ReceivablesReconciler.of(ledger).reconcile(END);
    assertThat(receivables.differences()).isEmpty();
    BankReconciliationReport bank = BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s.statement());
    assertThat(bank.differences()).allMatch(d -> d.kind() == DifferenceKind.NOT_IN_LEDGER);
    assertThat(bank.differences()).extracting(LedgerDifference::subject).containsExactlyElementsOf(s.charges());
    assertThat(bank.matchedCount()).isEqualTo(plan.lineCount());

    long last = ledger.lastSequence();
    CashPostingResult again = cash.importStatements(List.of(s.statement()));

    assertThat(ledger.lastSequence()).isEqualTo(last);
    assertThat(again.newPostingCount()).isZero();
    assertThat(again.isReplay()).isEqualTo(plan.lineCount() > 0);
    assertThat(again.replayedPostingCount()).isEqualTo(first.newPostingCount());
    assertThat(again.plan().previouslyImportedCount()).isEqualTo(plan.lineCount());
    assertThat(again.plan().applied()).isEqualTo(plan.applied());
    assertThat(again.plan().unapplied()).isEqualTo(plan.unapplied());
    for (int i = 0; i < plan.lineCount(); i++) {
      assertThat(again.lines().get(i).postings()).extracting(PostingResult::sequence).containsExactlyElementsOf(
          first.lines().get(i).postings().stream().map(PostingResult::sequence).toList());
    }
    assertThat(ReceivablesReconciler.of(ledger).reconcile(END)).isEqualTo(receivables);
    assertThat(BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s.statement())).isEqualTo(bank);
  }
}
