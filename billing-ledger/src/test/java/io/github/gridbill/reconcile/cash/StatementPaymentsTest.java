package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.Camt053Reader;
import io.github.gridbill.reconcile.statement.CreditDebit;
import io.github.gridbill.reconcile.statement.StatementFormat;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** From a camt.053 statement with batch bookings to payments, and on to matches. */
class StatementPaymentsTest {

  static List<BankStatement> v8() throws IOException {
    try (InputStream in = Objects.requireNonNull(StatementPaymentsTest.class
        .getResourceAsStream("/fixtures/camt053/gridbill_camt053.v8.batch.xml"))) {
      return Camt053Reader.create().read(in, "v8.xml");
    }
  }

  @Test
  void bookedCreditsBecomePayments() throws IOException {
    List<Payment> ps = StatementPayments.incoming(v8());
    // entry 3 and the second half of entry 4 are debits; entry 5 is a pending reversal
    assertThat(ps).extracting(Payment::id).containsExactly("STMT-20240305-001#1", "STMT-20240305-001#2.1",
        "STMT-20240305-001#2.2", "STMT-20240305-001#2.3", "STMT-20240305-001#4.1");
    Payment first = ps.get(0);
    assertThat(first.amount()).isEqualTo(Money.parse("EUR 250.00"));
    assertThat(first.valueDate()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(first.references()).containsExactly("E2E-ACC-1001-0042", "INV-2024-0042", "RF18539007547034");
    assertThat(first.payerAccountId()).isEmpty();
    assertThat(ps.get(2).references()).isEmpty(); // NOTPROVIDED is not a reference
    assertThat(ps.get(2).freeText()).contains("AMC fee March customer ACC-1003");
  }

  @Test
  void aPayerLookUpFillsThePayer() throws IOException {
    List<Payment> ps = StatementPayments.incoming(v8(), l -> l.counterpartyAccount()
        .filter("DE02120300000000202051"::equals).map(iban -> "ACC-1001"));
    assertThat(ps.get(0).payerAccountId()).contains("ACC-1001");
    assertThat(ps.get(1).payerAccountId()).isEmpty();
  }

  @Test
  void statementToMatches() throws IOException {
    LocalDate d = LocalDate.of(2024, 2, 1);
    List<OpenItem> book = List.of(
        OpenItem.of("ACC-1001", "INV-2024-0042", d, d.plusDays(15), Money.parse("EUR 250.00"), false),
        OpenItem.of("ACC-1002", "INV-2024-0043", d, d.plusDays(15), Money.parse("EUR 200.00"), false),
        OpenItem.of("ACC-1003", "INV-2024-0050", d, d.plusDays(15), Money.parse("EUR 150.00"), false),
        OpenItem.of("ACC-1004", "INV-2024-0044", d, d.plusDays(15), Money.parse("EUR 100.00"), false),
        OpenItem.of("ACC-1004", "INV-2024-0045", d, d.plusDays(20), Money.parse("EUR 150.00"), false),
        OpenItem.of("ACC-1005", "INV-2024-0046", d, d.plusDays(15), Money.parse("EUR 100.00"), false));
    CashApplicationReport r = CashApplicationEngine.of(CashApplicationConfig.defaults())
        .apply(book, StatementPayments.incoming(v8()));
    assertThat(r.exceptions()).isEmpty();
    assertThat(r.matches()).extracting(m -> m.rule() + " " + m.applications().get(0).invoiceNumber())
        .containsExactly("REFERENCE INV-2024-0042", "REFERENCE INV-2024-0043", "EXACT_AMOUNT INV-2024-0050",
            "REFERENCE INV-2024-0044", "REFERENCE INV-2024-0046");
    assertThat(r.applied()).containsValue(Money.parse("EUR 950.00"));
  }

  @Test
  void aLineWithoutAnyDateCannotBeAPayment() {
    BankStatement s = BankStatement.builder().format(StatementFormat.CSV).id("S").accountId("X")
        .addLine(StatementLine.builder().id("S#1").amount(Money.parse("EUR 1.00")).direction(CreditDebit.CREDIT)
            .location("line 2").build()).build();
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> StatementPayments.incoming(List.of(s)))
        .withMessage("lines[S#1].valueDate must be present (or a booking or statement date) to make a payment: null");
  }

  @Test
  void theDateFallsBackToTheStatement() {
    BankStatement s = BankStatement.builder().format(StatementFormat.BAI2).id("S").accountId("X")
        .asOfDate(LocalDate.of(2024, 1, 9))
        .addLine(StatementLine.builder().id("S#1").amount(Money.parse("EUR 1.00")).direction(CreditDebit.CREDIT)
            .location("line 2").build()).build();
    assertThat(StatementPayments.incoming(List.of(s), l -> Optional.empty()).get(0).valueDate())
        .isEqualTo(LocalDate.of(2024, 1, 9));
  }
}
