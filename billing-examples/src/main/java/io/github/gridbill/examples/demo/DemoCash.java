package io.github.gridbill.examples.demo;

import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import io.github.gridbill.reconcile.cash.MatchRule;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.cash.PaymentMatch;
import io.github.gridbill.reconcile.cash.RuleKind;
import io.github.gridbill.reconcile.ledger.BankReconciliationReport;
import io.github.gridbill.reconcile.ledger.BankReconciler;
import io.github.gridbill.reconcile.ledger.CashPostingConfig;
import io.github.gridbill.reconcile.ledger.CashPostingResult;
import io.github.gridbill.reconcile.ledger.LedgerCashApplication;
import io.github.gridbill.reconcile.ledger.LineStatus;
import io.github.gridbill.reconcile.ledger.PlannedLine;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.Camt053Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.Money;

/**
 * Step 4b of the demo: the bank's statement. The cheques and transfers customers sent are written as the bank's
 * camt.053 file, read back with {@link Camt053Reader} as any statement would be, and imported through the ledger
 * with {@link LedgerCashApplication}: each line is matched to the ledger's open items by the cash-application rule
 * chain (reference, exact amount, oldest items, combinations, then balance-forward for identified payers), recorded
 * to {@code CASH:EFT} and applied to the matched invoices, or, when no rule can place it, held as unidentified cash
 * for a person to look at. Every posting's key is derived from the bank line, so importing the same statement again
 * posts nothing. The bank account is then reconciled with the statement's closing balance ({@link BankReconciler}).
 */
final class DemoCash {

  /** What the statement step did for one book. */
  record Result(Path statementFile, List<BankStatement> statements, CashPostingResult posted,
      List<BankReconciliationReport> bank) {

    /** The lines this run matched, by the rule that matched them (lines imported before are not matched again). */
    Map<RuleKind, Integer> matchesByRule() {
      Map<RuleKind, Integer> m = new EnumMap<>(RuleKind.class);
      for (PlannedLine l : posted.plan().lines()) {
        l.match().map(PaymentMatch::rule).ifPresent(r -> m.merge(r, 1, Integer::sum));
      }
      return m;
    }

    /** The lines this run could not place, by reason. */
    Map<String, Integer> exceptionsByReason() {
      Map<String, Integer> m = new TreeMap<>();
      for (PlannedLine l : posted.plan().lines()) {
        l.exception().map(PaymentException::reason).ifPresent(r -> m.merge(r.name(), 1, Integer::sum));
      }
      return m;
    }

    /** The lines held as unidentified cash (this run's exceptions and those of earlier imports). */
    List<PlannedLine> unidentified() {
      return posted.plan().lines().stream().filter(l -> l.status() == LineStatus.UNIDENTIFIED).toList();
    }

    /** Why a line is unidentified: this run's exception reason, or that it was held by an earlier import. */
    static String reason(PlannedLine l) {
      return l.exception().map(e -> e.reason().name()).orElse("HELD");
    }
  }

  private DemoCash() {}

  /** The book's collection account at the bank. */
  static String iban(DemoBook book) {
    return book == DemoBook.INR ? "IN12HDFC0001234567890123" : "US64SVBKUS6S3300958879";
  }

  /** The rule chain: reference, exact amount, oldest items, combinations of up to 10, then balance-forward. */
  static CashApplicationConfig config() {
    return CashApplicationConfig.builder().addRule(MatchRule.reference()).addRule(MatchRule.exactAmount())
        .addRule(MatchRule.oldestItems()).addRule(MatchRule.combination(10)).addRule(MatchRule.balanceForward())
        .build();
  }

  /**
   * The customer master's names, upper case, for the bank's counterparty names: a name that more than one account
   * shares identifies nobody. The generated names are unique within a book ({@link DemoAccount#generateAll}), so every
   * account of the book is in the directory.
   */
  static Map<String, String> payerDirectory(List<DemoAccount> accounts, DemoBook book) {
    Map<String, String> byName = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (DemoAccount a : accounts) {
      if (a.book() == book) {
        String name = a.account().name().toUpperCase(Locale.ROOT);
        if (byName.putIfAbsent(name, a.id()) != null) {
          shared.add(name);
        }
      }
    }
    shared.forEach(byName::remove);
    return byName;
  }

  static Result run(DemoLedger ledger, DemoScenario scenario, List<DemoAccount> accounts, List<DemoPayment> payments,
      Path folder) {
    DemoBook book = ledger.book();
    LocalDate from = scenario.issueDate();
    LocalDate to = scenario.asOf();
    Path file = folder.resolve("bank-statement-" + book.name() + ".camt053.xml");
    Camt053Writer.write(file, book, iban(book), from, to, Money.zero(book.currency()), payments);
    List<BankStatement> statements;
    try {
      statements = Camt053Reader.create().withLocalTimeZone(book.zone()).read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> directory = payerDirectory(accounts, book);
    LedgerCashApplication cash = LedgerCashApplication
        .of(ledger.ledger(), CashPostingConfig.builder().engine(config()).method(PaymentMethod.EFT).build())
        .withPayerLookup(line -> line.counterpartyName()
            .flatMap(n -> Optional.ofNullable(directory.get(n.toUpperCase(Locale.ROOT)))));
    CashPostingResult posted = cash.importStatements(statements, to);
    ledger.counts().addAll("bank line posting", posted.newPostingCount(), posted.replayedPostingCount());
    BankReconciler bank = BankReconciler.of(ledger.ledger(), PaymentMethod.EFT);
    List<BankReconciliationReport> reports = new ArrayList<>();
    for (BankStatement st : statements) {
      reports.add(bank.reconcile(st));
    }
    return new Result(file, statements, posted, List.copyOf(reports));
  }
}
