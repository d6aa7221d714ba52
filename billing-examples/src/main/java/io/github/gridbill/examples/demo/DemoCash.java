package io.github.gridbill.examples.demo;

import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import io.github.gridbill.reconcile.cash.CashApplicationEngine;
import io.github.gridbill.reconcile.cash.CashApplicationReport;
import io.github.gridbill.reconcile.cash.MatchRule;
import io.github.gridbill.reconcile.cash.OpenItem;
import io.github.gridbill.reconcile.cash.Payment;
import io.github.gridbill.reconcile.cash.StatementPayments;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.Camt053Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;

/**
 * Step 4b of the demo: the bank's statement. The cheques and transfers customers sent are written as the bank's
 * camt.053 file, read back with {@link Camt053Reader} as any statement would be, matched to the ledger's open items by
 * the cash-application rule chain (reference, exact amount, oldest items, combinations, then balance-forward for
 * identified payers), and the accepted matches are posted through the ledger; what no rule can place is an exception
 * for a person to look at, booked as unidentified cash meanwhile.
 */
final class DemoCash {

  /** What the statement step did for one book. */
  record Result(Path statementFile, List<BankStatement> statements, CashApplicationReport report) {}

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
   * shares identifies nobody.
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
    List<Payment> incoming = StatementPayments.incoming(statements,
        line -> line.counterpartyName().flatMap(n -> Optional.ofNullable(directory.get(n.toUpperCase(Locale.ROOT)))));
    List<OpenItem> open = new ArrayList<>();
    for (io.github.gridbill.ledger.OpenItem i : ledger.ledger().openItems(to)) {
      if (i.accountId().isEmpty()) {
        continue;
      }
      open.add(OpenItem.builder().accountId(i.accountId().get()).invoiceNumber(i.number()).issueDate(i.issueDate())
          .dueDate(i.dueDate()).openAmount(i.openAmount()).disputed(i.disputed()).build());
    }
    CashApplicationReport report = CashApplicationEngine.of(config()).apply(open, incoming);
    return new Result(file, statements, report);
  }
}
