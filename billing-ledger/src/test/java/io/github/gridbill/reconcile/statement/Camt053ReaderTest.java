package io.github.gridbill.reconcile.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.DataFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** camt.053: the hand-written batch-booking statements, every version's namespace, and one test per format rule. */
class Camt053ReaderTest {
  static final String V8 = "gridbill_camt053.v8.batch.xml";
  static final CurrencyUnit EUR = CurrencyUnit.EUR;

  static List<BankStatement> read(String xml) throws IOException {
    return Camt053Reader.create().read(Fixtures.stream(xml), "t.xml");
  }

  static DataFormatException malformed(String xml) {
    Throwable t = catchThrowable(() -> read(xml));
    assertThat(t).isExactlyInstanceOf(DataFormatException.class);
    return (DataFormatException) t;
  }

  static String v8() {
    return Fixtures.text("camt053/" + V8);
  }

  @Test
  void readsTheVersion8StatementWithItsBalances() throws IOException {
    List<BankStatement> all = read(v8());
    assertThat(all).hasSize(1);
    BankStatement s = all.get(0);
    assertThat(s.id()).isEqualTo("STMT-20240305-001");
    assertThat(s.messageId()).contains("GRIDBILL-CAMT-20240305");
    assertThat(s.accountId()).isEqualTo("DE89370400440532013000");
    assertThat(s.currency()).contains(EUR);
    assertThat(s.electronicSequenceNumber()).contains("64");
    assertThat(s.createdAt()).contains(OffsetDateTime.parse("2024-03-05T18:00:00+01:00"));
    assertThat(s.openingBalance()).contains(Money.parse("EUR 1000.00"));
    assertThat(s.closingBalance()).contains(Money.parse("EUR 1762.50"));
    assertThat(s.balances().get(0).type()).isEqualTo(BalanceType.PREVIOUSLY_CLOSED_BOOKED);
    assertThat(s.balances().get(0).date()).contains(LocalDate.of(2024, 3, 4));
    // opening + every booked line = closing
    Money booked = s.openingBalance().orElseThrow();
    for (StatementLine l : s.lines()) {
      if (l.status().equals(Optional.of("BOOK"))) {
        booked = booked.plus(l.signedAmount());
      }
    }
    assertThat(booked).isEqualTo(s.closingBalance().orElseThrow());
  }

  @Test
  void splitsBatchBookingsIntoOneLinePerTransaction() throws IOException {
    BankStatement s = read(v8()).get(0);
    assertThat(s.lines()).extracting(StatementLine::id).containsExactly("STMT-20240305-001#1",
        "STMT-20240305-001#2.1", "STMT-20240305-001#2.2", "STMT-20240305-001#2.3", "STMT-20240305-001#3",
        "STMT-20240305-001#4.1", "STMT-20240305-001#4.2", "STMT-20240305-001#5");
    List<StatementLine> batch = s.lines().subList(1, 4);
    assertThat(batch).extracting(StatementLine::amount)
        .containsExactly(Money.parse("EUR 200.00"), Money.parse("EUR 150.00"), Money.parse("EUR 250.00"));
    assertThat(batch).allSatisfy(l -> {
      assertThat(l.entryNumber()).isEqualTo(2);
      assertThat(l.batchSize()).isEqualTo(3);
      assertThat(l.bankReference()).contains("BANKREF-0002");
      assertThat(l.valueDate()).contains(LocalDate.of(2024, 3, 6));
      assertThat(l.bankTransactionCode()).contains("PMNT/RCDT/ESCT");
    });
    assertThat(batch.get(0).remittanceText()).containsExactly("Invoice INV-2024-0043, account ACC-1002");
    assertThat(batch.get(0).counterpartyName()).contains("Mehta Solar Pvt Ltd");
    assertThat(batch.get(0).counterpartyAccount()).contains("DE75512108001245126199");
    assertThat(batch.get(1).endToEndId()).contains("NOTPROVIDED");
    assertThat(batch.get(1).remittanceText()).containsExactly("AMC fee March", "customer ACC-1003");
    assertThat(batch.get(2).references()).containsExactly("INV-2024-0044", "INV-2024-0045");
    assertThat(batch.get(1).location()).isEqualTo(
        "line 102, Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[2]");
    // a mixed batch: a credit and a debit netting to the entry's debit of 75.00
    StatementLine in = s.lines().get(5);
    StatementLine out = s.lines().get(6);
    assertThat(in.signedAmount()).isEqualTo(Money.parse("EUR 100.00"));
    assertThat(out.signedAmount()).isEqualTo(Money.parse("EUR -175.00"));
    assertThat(out.counterpartyName()).contains("Weber KG");
    assertThat(out.counterpartyAccount()).contains("0532013018");
    assertThat(out.additionalInfo()).contains("Refund of overpayment");
    assertThat(in.valueDate()).contains(LocalDate.of(2024, 3, 5));
  }

  @Test
  void readsSingleEntriesWithStructuredReferencesAndEntriesWithoutDetails() throws IOException {
    BankStatement s = read(v8()).get(0);
    StatementLine first = s.lines().get(0);
    assertThat(first.amount()).isEqualTo(Money.parse("EUR 250.00"));
    assertThat(first.direction()).isEqualTo(CreditDebit.CREDIT);
    assertThat(first.status()).contains("BOOK");
    assertThat(first.bookingDate()).contains(LocalDate.of(2024, 3, 5));
    assertThat(first.endToEndId()).contains("E2E-ACC-1001-0042");
    assertThat(first.references()).containsExactly("INV-2024-0042", "RF18539007547034");
    assertThat(first.counterpartyName()).contains("Asha Rao");
    assertThat(first.detailAmount()).contains(BigMoney.parse("EUR 250.00"));
    assertThat(first.batchSize()).isEqualTo(1);
    StatementLine charges = s.lines().get(4);
    assertThat(charges.signedAmount()).isEqualTo(Money.parse("EUR -12.50"));
    assertThat(charges.additionalInfo()).contains("Account maintenance charges February");
    assertThat(charges.bankTransactionCode()).contains("ACMT/MDOP/CHRG");
    StatementLine pending = s.lines().get(7);
    assertThat(pending.status()).contains("PDNG");
    assertThat(pending.reversal()).isTrue();
    assertThat(pending.valueDate()).isEmpty();
    assertThat(pending.detailAmount()).isEmpty();
  }

  @Test
  void version2BatchBookingsUseTheTransactionAmountDetails() throws IOException {
    BankStatement s = read(Fixtures.text("camt053/gridbill_camt053.v2.batch.xml")).get(0);
    assertThat(s.accountId()).isEqualTo("0532013000");
    assertThat(s.openingBalance()).contains(Money.parse("INR -50.00"));
    assertThat(s.createdAt()).contains(OffsetDateTime.parse("2024-04-02T07:00:00Z"));
    assertThat(s.lines()).extracting(StatementLine::amount)
        .containsExactly(Money.parse("INR 400.00"), Money.parse("INR 800.00"));
    assertThat(s.lines().get(0).counterpartyName()).contains("Asha Rao");
    assertThat(s.lines().get(0).counterpartyAccount()).contains("SBIN0001234");
    assertThat(s.lines().get(0).remittanceText()).containsExactly("GB/2024/0007");
    assertThat(s.lines().get(1).references()).containsExactly("GB/2024/0008");
    assertThat(s.lines().get(1).bankTransactionCode()).contains("NEFT");
  }

  @Test
  void localDateTimesAreReadInTheConfiguredZone() throws IOException {
    BankStatement s = Camt053Reader.create().withLocalTimeZone(ZoneId.of("Asia/Kolkata"))
        .read(Fixtures.stream(Fixtures.text("camt053/gridbill_camt053.v2.batch.xml")), "t.xml").get(0);
    assertThat(s.createdAt()).contains(OffsetDateTime.parse("2024-04-02T07:00:00+05:30"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"02", "03", "04", "08"})
  void everySupportedVersionIsRead(String version) throws IOException {
    String xml = v8().replace("camt.053.001.08", "camt.053.001." + version);
    assertThat(read(xml).get(0).lines()).hasSize(8);
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("stmt.xml");
    Files.writeString(f, v8());
    assertThat(Camt053Reader.create().read(f).get(0).lines()).hasSize(8);
  }

  @Test
  void fiveDecimalAmountsWithTrailingZerosFitTheCurrency() throws IOException {
    BankStatement s = read(Fixtures.text("camt053/genkgo_camt053.v2.five.decimals.xml")).get(0);
    assertThat(s.openingBalance()).contains(Money.parse("EUR 18.15"));
    assertThat(s.lines().get(0).amount()).isEqualTo(Money.parse("EUR 8.85"));
  }

  // ---- one test per format rule: exact type and message ----

  @Test
  void aStatementlessMessageIsRefused() {
    DataFormatException e = malformed(Fixtures.text("camt053/genkgo_camt053.v2.wrong.xml"));
    assertThat(e).hasMessage("t.xml at line 3, Document/BkToCstmrStmt: Stmt must occur at least once: null");
    assertThat(e.source()).isEqualTo("t.xml");
    assertThat(e.field()).isEqualTo("Stmt");
  }

  @Test
  void anotherMessageTypeIsRefused() {
    DataFormatException e = malformed(v8().replace("camt.053.001.08", "camt.052.001.08"));
    assertThat(e).hasMessage("t.xml at line 5, Document: namespace must be a Document in camt.053.001.02, .03, .04 "
        + "or .08: urn:iso:std:iso:20022:tech:xsd:camt.052.001.08 Document");
  }

  @Test
  void anUnsupportedVersionIsRefused() {
    assertThat(malformed(v8().replace("camt.053.001.08", "camt.053.001.05")).reason())
        .isEqualTo("must be a Document in camt.053.001.02, .03, .04 or .08");
  }

  @Test
  void xmlThatIsNotWellFormedIsRefused() {
    DataFormatException e = malformed(v8().replace("</Ntry>", "</Ntr>"));
    assertThat(e.getMessage()).startsWith("t.xml at line 73, column ");
    assertThat(e.field()).isEqualTo("document");
    assertThat(e.reason()).isEqualTo("must be well-formed XML");
  }

  @Test
  void aMissingStatementIdIsRefused() {
    DataFormatException e = malformed(v8().replace("<Id>STMT-20240305-001</Id>", ""));
    assertThat(e).hasMessage("t.xml at line 11, Document/BkToCstmrStmt/Stmt[1]: Id must be present: null");
  }

  @Test
  void anAccountWithoutIdentificationIsRefused() {
    DataFormatException e = malformed(v8().replace("<IBAN>DE89370400440532013000</IBAN>", ""));
    assertThat(e).hasMessage(
        "t.xml at line 20, Document/BkToCstmrStmt/Stmt[1]/Acct[1]/Id[1]: IBAN or Othr/Id must be present: null");
  }

  @Test
  void anAmountThatIsNotADecimalIsRefused() {
    DataFormatException e = malformed(v8().replace("<Amt Ccy=\"EUR\">250.00</Amt>\n        <CdtDbtInd>CRDT",
        "<Amt Ccy=\"EUR\">250,00</Amt>\n        <CdtDbtInd>CRDT"));
    assertThat(e).hasMessage(
        "t.xml at line 39, Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt[1]: Amt must be a decimal amount: 250,00");
  }

  @Test
  void aNegativeAmountIsRefused() {
    assertThat(malformed(v8().replace(">12.50<", ">-12.50<")).getMessage())
        .endsWith("Ntry[3]/Amt[1]: Amt must be a decimal amount: -12.50");
  }

  @Test
  void anAmountPastTwoToTheFiftySecondMinorUnitsIsRefused() {
    // EUR 45,035,996,273,704.97 is 2^52 + 1 cents
    assertThat(malformed(v8().replace(">12.50<", ">45035996273704.97<")).getMessage())
        .endsWith("Ntry[3]/Amt[1]: Amt must be at most 4503599627370496 minor units (2^52): 45035996273704.97");
  }

  @Test
  void moreDecimalsThanTheCurrencyHasAreRefused() {
    assertThat(malformed(v8().replace(">12.50<", ">12.505<")).getMessage())
        .endsWith("Ntry[3]/Amt[1]: Amt must have at most 2 decimal places for EUR: 12.505");
  }

  @Test
  void anUnknownCurrencyIsRefused() {
    assertThat(malformed(v8().replace("<Amt Ccy=\"EUR\">12.50", "<Amt Ccy=\"EUX\">12.50")).getMessage())
        .endsWith("Ntry[3]/Amt[1]: Amt/@Ccy must be a known ISO 4217 currency code: EUX");
  }

  @Test
  void aMissingCurrencyIsRefused() {
    assertThat(malformed(v8().replace("<Amt Ccy=\"EUR\">12.50", "<Amt>12.50")).getMessage())
        .endsWith("Ntry[3]/Amt[1]: Amt/@Ccy must be present: null");
  }

  @Test
  void anUnknownCreditDebitIndicatorIsRefused() {
    assertThat(malformed(v8().replace("<CdtDbtInd>DBIT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n"
        + "        <BookgDt><Dt>2024-03-05</Dt></BookgDt>\n        <ValDt><Dt>2024-03-05</Dt></ValDt>\n"
        + "        <BkTxCd>\n          <Domn><Cd>ACMT", "<CdtDbtInd>DEBIT</CdtDbtInd>\n"
        + "        <Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>2024-03-05</Dt></BookgDt>\n"
        + "        <ValDt><Dt>2024-03-05</Dt></ValDt>\n        <BkTxCd>\n          <Domn><Cd>ACMT")).getMessage())
        .endsWith("Ntry[3]/CdtDbtInd[1]: CdtDbtInd must be CRDT or DBIT: DEBIT");
  }

  @Test
  void aMissingEntryAmountIsRefused() {
    assertThat(malformed(v8().replace("<Amt Ccy=\"EUR\">12.50</Amt>", "")).getMessage())
        .endsWith("Stmt[1]/Ntry[3]: Amt must be present: null");
  }

  @Test
  void anInvalidDateIsRefused() {
    assertThat(malformed(v8().replace("<BookgDt><Dt>2024-03-06</Dt>", "<BookgDt><Dt>2024-02-30</Dt>")).getMessage())
        .endsWith("Ntry[5]/BookgDt[1]/Dt[1]: Dt must be an ISO date (2014-12-31): 2024-02-30");
  }

  @Test
  void anInvalidDateTimeIsRefused() {
    assertThat(malformed(v8().replace("<DtTm>2024-03-05T14:30:00+01:00</DtTm>", "<DtTm>05.03.2024 14:30</DtTm>"))
        .getMessage()).endsWith(
            "Ntry[4]/ValDt[1]/DtTm[1]: DtTm must be an ISO date-time (2015-03-10T18:43:50+01:00): 05.03.2024 14:30");
  }

  @Test
  void aDateChoiceWithNeitherDateNorDateTimeIsRefused() {
    assertThat(malformed(v8().replace("<BookgDt><Dt>2024-03-06</Dt></BookgDt>", "<BookgDt></BookgDt>"))
        .getMessage()).endsWith("Ntry[5]/BookgDt[1]: Dt or DtTm must be present: null");
  }

  @Test
  void anInvalidReversalIndicatorIsRefused() {
    assertThat(malformed(v8().replace("<RvslInd>true</RvslInd>", "<RvslInd>yes</RvslInd>")).getMessage())
        .endsWith("Ntry[5]/RvslInd[1]: RvslInd must be true or false: yes");
  }

  @Test
  void aBalanceWithoutTypeCodeIsRefused() {
    assertThat(malformed(v8().replace("<Cd>PRCD</Cd>", "")).getMessage())
        .endsWith("Stmt[1]/Bal[1]/Tp[1]: CdOrPrtry must hold Cd or Prtry: null");
  }

  @Test
  void aBatchTransactionWithoutAmountIsRefused() {
    assertThat(malformed(v8().replace("<Amt Ccy=\"EUR\">150.00</Amt>", "")).getMessage())
        .endsWith("Ntry[2]/NtryDtls[1]/TxDtls[2]: Amt must be present in each TxDtls of a batch booking: null");
  }

  @Test
  void aBatchTransactionInAnotherCurrencyIsRefused() {
    assertThat(malformed(v8().replace("<Amt Ccy=\"EUR\">150.00</Amt>", "<Amt Ccy=\"USD\">150.00</Amt>"))
        .getMessage()).endsWith("TxDtls[2]/Amt[1]: Ccy must be the entry currency EUR: USD");
  }

  @Test
  void batchTransactionsThatDoNotAddUpAreRefused() {
    DataFormatException e = malformed(v8().replace("<Amt Ccy=\"EUR\">150.00</Amt>", "<Amt Ccy=\"EUR\">151.00</Amt>"));
    assertThat(e).hasMessage("t.xml at line 76, Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt[1]: Amt must equal the sum"
        + " of its 3 transactions (signed), 601.00: EUR 600.00");
    assertThat(e.value()).isEqualTo("EUR 600.00");
  }

  @Test
  void aBadStatementAfterGoodOnesReturnsNothing() {
    String xml = Fixtures.text("camt053/genkgo_camt053.v2.multi.statement.xml")
        .replace("<Amt Ccy=\"EUR\">7.00</Amt>", "<Amt Ccy=\"EUR\">seven</Amt>");
    assertThat(malformed(xml).getMessage()).contains("Stmt[2]/Ntry[1]/Amt[1]");
  }

  @Test
  void amountsStayExact() throws IOException {
    StatementLine l = read(Fixtures.text("camt053/genkgo_camt053.v3.xml")).get(0).lines().get(0);
    assertThat(l.amount()).isEqualTo(Money.parse("EUR 8.85"));
    assertThat(l.detailAmount()).contains(BigMoney.of(EUR, new BigDecimal("105.750")));
  }
}
