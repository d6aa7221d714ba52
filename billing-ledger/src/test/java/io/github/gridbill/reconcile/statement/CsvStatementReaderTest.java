package io.github.gridbill.reconcile.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV statements with declared mappings: a signed-amount export, a German split-column export, and the rules. */
class CsvStatementReaderTest {

  static final CsvStatementMapping SIGNED = CsvStatementMapping.builder().accountId("DE89370400440532013000")
      .currencyColumn("Currency").bookingDateColumn("Date").valueDateColumn("Value date").amountColumn("Amount")
      .addReferenceColumn("Reference").addDescriptionColumn("Description").counterpartyNameColumn("Counterparty")
      .counterpartyAccountColumn("IBAN").bankReferenceColumn("Bank ref").statementId("EXPORT-1").build();

  static final CsvStatementMapping GERMAN = CsvStatementMapping.builder().delimiter(';').skipRows(2)
      .accountColumn("Konto").currency(CurrencyUnit.EUR).bookingDateColumn("Buchungstag").datePattern("dd.MM.yyyy")
      .creditColumn("Haben").debitColumn("Soll").decimalSeparator(',').groupingSeparator('.')
      .addDescriptionColumn("Verwendungszweck").build();

  static List<BankStatement> read(CsvStatementMapping m, String text) throws IOException {
    return CsvStatementReader.of(m).read(new StringReader(text), "t.csv");
  }

  static DataFormatException malformed(CsvStatementMapping m, String text) {
    Throwable t = catchThrowable(() -> read(m, text));
    assertThat(t).isExactlyInstanceOf(DataFormatException.class);
    return (DataFormatException) t;
  }

  static final String HEADER = "Date,Value date,Amount,Currency,Reference,Description,Counterparty,IBAN,Bank ref\n";

  @Test
  void readsSignedAmountsQuotedTextAndOptionalColumns() throws IOException {
    List<BankStatement> all = read(SIGNED, Fixtures.text("csv/gridbill_signed.csv"));
    assertThat(all).hasSize(1);
    BankStatement s = all.get(0);
    assertThat(s.format()).isEqualTo(StatementFormat.CSV);
    assertThat(s.id()).isEqualTo("EXPORT-1");
    assertThat(s.currency()).isEmpty();
    assertThat(s.lines()).extracting(StatementLine::signedAmount).containsExactly(Money.parse("EUR 250.00"),
        Money.parse("EUR -12.50"), Money.parse("EUR 1000.00"));
    StatementLine first = s.lines().get(0);
    assertThat(first.id()).isEqualTo("EXPORT-1#1");
    assertThat(first.location()).isEqualTo("line 2");
    assertThat(first.references()).containsExactly("INV-2024-0042");
    assertThat(first.remittanceText()).containsExactly("Rao, Asha: March bill");
    assertThat(first.counterpartyName()).contains("Asha Rao");
    assertThat(first.counterpartyAccount()).contains("DE02120300000000202051");
    assertThat(first.bankReference()).contains("B-1");
    assertThat(first.bookingDate()).contains(LocalDate.of(2024, 3, 5));
    assertThat(s.lines().get(1).valueDate()).contains(LocalDate.of(2024, 3, 6));
    StatementLine third = s.lines().get(2);
    assertThat(third.valueDate()).isEmpty();
    assertThat(third.references()).isEmpty();
    assertThat(third.remittanceText()).containsExactly("Deposit \"lockbox\" 7");
  }

  @Test
  void readsSplitColumnsDecimalCommasPreambleAndAccountsAsStatements() throws IOException {
    List<BankStatement> all = read(GERMAN, Fixtures.text("csv/gridbill_split_de.csv"));
    assertThat(all).extracting(BankStatement::id).containsExactly("t.csv/DE89370400440532013000",
        "t.csv/DE75512108001245126199");
    assertThat(all.get(0).currency()).contains(CurrencyUnit.EUR);
    assertThat(all.get(0).lines()).extracting(StatementLine::signedAmount)
        .containsExactly(Money.parse("EUR 1234.56"), Money.parse("EUR -75.00"));
    assertThat(all.get(0).lines().get(0).bookingDate()).contains(LocalDate.of(2024, 3, 5));
    assertThat(all.get(0).lines().get(0).location()).isEqualTo("line 4");
    assertThat(all.get(1).lines().get(0).id()).isEqualTo("t.csv/DE75512108001245126199#1");
    assertThat(all.get(1).lines().get(0).remittanceText()).containsExactly("ACC-1002");
  }

  @Test
  void readsAnUnsignedAmountWithADirectionColumnAndNoHeader() throws IOException {
    CsvStatementMapping m = CsvStatementMapping.builder().headerRow(false).accountId("A").currency(CurrencyUnit.USD)
        .bookingDateColumn("1").amountColumn("2").directionColumn("3").addReferenceColumn("4").build();
    BankStatement s = read(m, "2024-03-01,12.00,crdt,INV-1\n2024-03-02,3.5,D,\n").get(0);
    assertThat(s.lines()).extracting(StatementLine::signedAmount)
        .containsExactly(Money.parse("USD 12.00"), Money.parse("USD -3.50"));
    assertThat(s.id()).isEqualTo("t.csv/A");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("export.csv");
    Files.writeString(f, Fixtures.text("csv/gridbill_signed.csv"));
    assertThat(CsvStatementReader.of(SIGNED).read(f).get(0).lines()).hasSize(3);
  }

  // ---- one test per rule ----

  @Test
  void aMappedColumnMissingFromTheHeader() {
    assertThat(malformed(SIGNED, "Date,Amount\n2024-03-01,1.00\n"))
        .hasMessage("t.csv at line 1: header must name the mapped column: Currency");
  }

  @Test
  void aMissingHeader() {
    assertThat(malformed(GERMAN, "a;b\n")).hasMessage("t.csv at line 1: header must be present: null");
  }

  @Test
  void aShortRow() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,2024-03-05,250.00\n"))
        .hasMessage("t.csv at line 2: row must reach column Currency (field 4): 3 fields");
  }

  @Test
  void anAmountThatIsNotANumber() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,,2 50,EUR,,,,,\n"))
        .hasMessage("t.csv at line 2: Amount must be a number with the decimal separator .: 2 50");
  }

  @Test
  void aDecimalPointWhereACommaIsDeclared() {
    assertThat(malformed(GERMAN.withGroupingSeparator(Optional.empty()),
        "x\ny\nKonto;Buchungstag;Soll;Haben;Verwendungszweck\nA;05.03.2024;;12.50;x\n"))
        .hasMessage("t.csv at line 4: Haben must be a number with the decimal separator ,: 12.50");
  }

  @Test
  void anAmountPastTwoToTheFiftySecondMinorUnits() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,,-45035996273704.97,EUR,,,,,\n"))
        .hasMessage("t.csv at line 2: Amount must be at most 4503599627370496 minor units (2^52): "
            + "-45035996273704.97");
  }

  @Test
  void tooManyDecimals() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,,1.005,EUR,,,,,\n"))
        .hasMessage("t.csv at line 2: Amount must have at most 2 decimal places for EUR: 1.005");
  }

  @Test
  void anInvalidDate() {
    assertThat(malformed(SIGNED, HEADER + "2024-02-30,,1.00,EUR,,,,,\n"))
        .hasMessage("t.csv at line 2: Date must be a date of the pattern uuuu-MM-dd: 2024-02-30");
  }

  @Test
  void anEmptyBookingDate() {
    assertThat(malformed(SIGNED, HEADER + ",,1.00,EUR,,,,,\n"))
        .hasMessage("t.csv at line 2: Date must not be empty: ");
  }

  @Test
  void anUnknownCurrency() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,,1.00,EUX,,,,,\n"))
        .hasMessage("t.csv at line 2: Currency must be a known ISO 4217 currency code: EUX");
  }

  @Test
  void anUnknownDirection() {
    CsvStatementMapping m = CsvStatementMapping.builder().headerRow(false).accountId("A").currency(CurrencyUnit.USD)
        .bookingDateColumn("1").amountColumn("2").directionColumn("3").build();
    assertThat(malformed(m, "2024-03-01,12.00,X\n").getMessage())
        .startsWith("t.csv at line 1: 3 must be one of [").endsWith("]: X");
  }

  @Test
  void aSignedAmountWithADirectionColumn() {
    CsvStatementMapping m = CsvStatementMapping.builder().headerRow(false).accountId("A").currency(CurrencyUnit.USD)
        .bookingDateColumn("1").amountColumn("2").directionColumn("3").build();
    assertThat(malformed(m, "2024-03-01,-12.00,C\n"))
        .hasMessage("t.csv at line 1: 2 must be unsigned when a credit/debit column is mapped: -12.00");
  }

  @Test
  void bothCreditAndDebitFilled() {
    assertThat(malformed(GERMAN, "x\ny\nKonto;Buchungstag;Soll;Haben;Verwendungszweck\nA;05.03.2024;1,00;2,00;x\n"))
        .hasMessage("t.csv at line 4: Haben or Soll must hold an amount, not both: 2,00|1,00");
  }

  @Test
  void aNegativeSplitAmount() {
    assertThat(malformed(GERMAN, "x\ny\nKonto;Buchungstag;Soll;Haben;Verwendungszweck\nA;05.03.2024;;-2,00;x\n"))
        .hasMessage("t.csv at line 4: Haben must not be negative: -2,00");
  }

  @Test
  void aPositionWithoutAHeader() {
    CsvStatementMapping m = CsvStatementMapping.builder().headerRow(false).accountId("A").currency(CurrencyUnit.USD)
        .bookingDateColumn("Date").amountColumn("2").build();
    assertThat(malformed(m, "2024-03-01,1.00\n"))
        .hasMessage("t.csv at line 1: column must be a position from 1 when the file has no header row: Date");
  }

  @Test
  void malformedQuotingIsAFormatError() {
    assertThat(malformed(SIGNED, HEADER + "2024-03-05,,1.00,EUR,,\"open,,,\n"))
        .hasMessage("t.csv at line 2: field 6 must close its quote before the end of the input: \"open,,,\n");
  }

  // ---- mapping rules ----

  @Test
  void mappingNeedsExactlyOneAccountSource() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").build())
        .withMessage("accountId must be set, or accountColumn, not both: null");
  }

  @Test
  void mappingNeedsExactlyOneCurrencySource() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).currencyColumn("c").bookingDateColumn("d").amountColumn("a")
        .build()).withMessage("currency must be set, or currencyColumn, not both: USD");
  }

  @Test
  void mappingNeedsOneAmountLayout() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").creditColumn("c")
        .debitColumn("x").build())
        .withMessage("amountColumn must be set, or creditColumn and debitColumn, not both: a");
  }

  @Test
  void mappingNeedsBothSplitColumns() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").creditColumn("c").build())
        .withMessage("debitColumn must be set together with the other: null");
  }

  @Test
  void mappingDirectionNeedsAnAmountColumn() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").creditColumn("c").debitColumn("x")
        .directionColumn("k").build()).withMessage("directionColumn must go with amountColumn: k");
  }

  @Test
  void mappingDelimiterMustNotBeTheDecimalSeparator() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").decimalSeparator(',')
        .build()).withMessage("delimiter must not be a quote, a line break or the decimal separator: ,");
  }

  @Test
  void mappingGroupingMustDifferFromDecimal() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").groupingSeparator('.')
        .build()).withMessage("groupingSeparator must differ from the decimal separator: .");
  }

  @Test
  void mappingDatePatternMustParse() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").datePattern("uuuu-MM-{")
        .build()).withMessage("datePattern must be a DateTimeFormatter pattern: uuuu-MM-{");
  }

  @Test
  void mappingSkipRowsNotNegative() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CsvStatementMapping.builder()
        .accountId("A").currency(CurrencyUnit.USD).bookingDateColumn("d").amountColumn("a").skipRows(-1).build())
        .withMessage("skipRows must not be negative: -1");
  }
}
