package io.github.gridbill.reconcile.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.DataFormatException;
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

/** BAI2: the hand-written file, the real moov-io samples, and one test per format rule. */
class Bai2ReaderTest {
  static final String OWN = "gridbill_bai2.txt";

  static List<BankStatement> read(String text) throws IOException {
    return Bai2Reader.create().read(new StringReader(text), "t.bai");
  }

  static DataFormatException malformed(String text) {
    Throwable t = catchThrowable(() -> read(text));
    assertThat(t).isExactlyInstanceOf(DataFormatException.class);
    return (DataFormatException) t;
  }

  static String own() {
    return Fixtures.text("bai2/" + OWN);
  }

  @Test
  void readsTheHandWrittenFile() throws IOException {
    List<BankStatement> all = read(own());
    assertThat(all).extracting(BankStatement::id).containsExactly("GRIDBANK/240305/0305A/1/1",
        "GRIDBANK/240305/0305A/1/2", "GRIDBANK/240305/0305A/2/1");
    BankStatement usd = all.get(0);
    assertThat(usd.format()).isEqualTo(StatementFormat.BAI2);
    assertThat(usd.messageId()).contains("GRIDBANK/240305/0305A");
    assertThat(usd.accountId()).isEqualTo("0012345678");
    assertThat(usd.currency()).contains(CurrencyUnit.USD);
    assertThat(usd.asOfDate()).contains(LocalDate.of(2024, 3, 4));
    assertThat(usd.openingBalance()).contains(Money.parse("USD 12500.00"));
    assertThat(usd.closingBalance()).contains(Money.parse("USD 15000.00"));
    assertThat(usd.summaries()).containsExactly(
        StatementSummary.of("100", Money.parse("USD 3250.00"), Optional.of(3), Optional.empty()),
        StatementSummary.of("400", Money.parse("USD 750.00"), Optional.of(1), Optional.empty()));
    // opening + lines = closing
    Money sum = usd.openingBalance().orElseThrow();
    for (StatementLine l : usd.lines()) {
      sum = sum.plus(l.signedAmount());
    }
    assertThat(sum).isEqualTo(usd.closingBalance().orElseThrow());
  }

  @Test
  void readsTransactionDetailsWithContinuationsAndFundsTypes() throws IOException {
    List<StatementLine> lines = read(own()).get(0).lines();
    assertThat(lines).hasSize(4);
    StatementLine ach = lines.get(0);
    assertThat(ach.id()).isEqualTo("GRIDBANK/240305/0305A/1/1#1");
    assertThat(ach.amount()).isEqualTo(Money.parse("USD 1200.00"));
    assertThat(ach.direction()).isEqualTo(CreditDebit.CREDIT);
    assertThat(ach.bankTransactionCode()).contains("165");
    assertThat(ach.bankReference()).contains("BR7001");
    assertThat(ach.references()).containsExactly("INV-2024-0042");
    assertThat(ach.remittanceText()).containsExactly("ACH CREDIT ASHA RAO");
    assertThat(ach.bookingDate()).contains(LocalDate.of(2024, 3, 4));
    assertThat(ach.valueDate()).contains(LocalDate.of(2024, 3, 4));
    assertThat(ach.location()).isEqualTo("line 4");
    StatementLine wire = lines.get(1);
    assertThat(wire.valueDate()).contains(LocalDate.of(2024, 3, 5)); // funds type V
    assertThat(wire.references()).isEmpty();
    assertThat(wire.remittanceText())
        .containsExactly("INCOMING WIRE MEHTA SOLAR OBI: INV-2024-0043 INV-2024-0044 ACC-1002");
    StatementLine lockbox = lines.get(2);
    assertThat(lockbox.bankReference()).contains("DEP-1");
    assertThat(lockbox.remittanceText()).containsExactly("LOCKBOX DEPOSIT, 2 ITEMS");
    StatementLine check = lines.get(3);
    assertThat(check.direction()).isEqualTo(CreditDebit.DEBIT);
    assertThat(check.references()).containsExactly("1044");
    BankStatement cad = read(own()).get(1);
    assertThat(cad.currency()).contains(CurrencyUnit.of("CAD"));
    assertThat(cad.summaries()).extracting(StatementSummary::code).containsExactly("190", "400");
    assertThat(cad.summaries().get(0).fundsType()).contains("D");
    assertThat(cad.lines()).extracting(StatementLine::signedAmount)
        .containsExactly(Money.parse("CAD 700.00"), Money.parse("CAD -100.00"));
    assertThat(cad.lines().get(0).references()).containsExactly("TFR-7");
    assertThat(cad.additionalInfo()).contains("NEXT REPORT DELAYED UNTIL 11:00");
    BankStatement correction = read(own()).get(2);
    assertThat(correction.currency()).contains(CurrencyUnit.USD);
    assertThat(correction.closingBalance()).contains(Money.parse("USD 14800.00"));
    assertThat(correction.lines()).isEmpty();
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.bai");
    Files.writeString(f, own());
    assertThat(Bai2Reader.create().read(f)).hasSize(3);
  }

  @Test
  void sample1FixedLengthCad() throws IOException {
    List<BankStatement> all = read(Fixtures.text("bai2/moov-io_sample1.txt"));
    assertThat(all).hasSize(2);
    BankStatement s = all.get(0);
    assertThat(s.accountId()).isEqualTo("10200123456");
    assertThat(s.currency()).contains(CurrencyUnit.of("CAD"));
    assertThat(s.balances()).extracting(StatementBalance::type)
        .containsExactly(BalanceType.OPENING_AVAILABLE, BalanceType.CLOSING_AVAILABLE);
    assertThat(s.summaries()).containsExactly(
        StatementSummary.of("100", Money.parse("CAD 2085.00"), Optional.of(3), Optional.of("V")),
        StatementSummary.of("400", Money.parse("CAD 2085.00"), Optional.of(8), Optional.of("V")));
    assertThat(s.lines()).hasSize(11);
    StatementLine first = s.lines().get(0);
    assertThat(first.signedAmount()).isEqualTo(Money.parse("CAD -25.00"));
    assertThat(first.remittanceText()).containsExactly("RETURNED CHEQUE");
    // value date 2006-03-16 is before the as-of date 2006-03-17, so it is read as the as-of date
    assertThat(first.valueDate()).contains(LocalDate.of(2006, 3, 17));
    Money credits = Money.zero(CurrencyUnit.of("CAD"));
    for (StatementLine l : s.lines()) {
      if (l.direction() == CreditDebit.CREDIT) {
        credits = credits.plus(l.amount());
      }
    }
    assertThat(credits).isEqualTo(Money.parse("CAD 2085.00"));
    assertThat(all.get(1).lines()).hasSize(6);
  }

  @Test
  void sample2FourGroupsContinuedSummariesAndText() throws IOException {
    List<BankStatement> all = read(Fixtures.text("bai2/moov-io_sample2.txt"));
    assertThat(all).hasSize(5);
    assertThat(all).allSatisfy(s -> assertThat(s.currency()).contains(CurrencyUnit.USD));
    BankStatement second = all.get(1);
    assertThat(second.accountId()).isEqualTo("9876543210");
    // 03 ... 190 / 88,500000 ...: the summary's amount is on the continuation record
    assertThat(second.openingBalance()).contains(Money.parse("USD -5000.00"));
    assertThat(second.summaries()).extracting(StatementSummary::code).containsExactly("100", "400", "190", "110");
    assertThat(second.balances()).extracting(StatementBalance::code).containsExactly("010", "072", "074", "040");
    assertThat(second.balance(BalanceType.OPENING_AVAILABLE)).contains(Money.parse("USD -15000.00"));
    assertThat(second.lines().get(0).remittanceText()).containsExactly("LOCK BOX NO.68751");
    BankStatement third = all.get(2);
    StatementLine loc = third.lines().get(0);
    assertThat(loc.bankReference()).contains("SP4738");
    assertThat(loc.references()).containsExactly("YRC065321");
    assertThat(loc.remittanceText()).containsExactly("PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO");
    assertThat(loc.valueDate()).contains(LocalDate.of(2004, 6, 22));
    assertThat(third.lines().get(1).remittanceText()).isEmpty();
    assertThat(all.get(3).summaries().get(1).fundsType()).contains("D");
  }

  @Test
  void sample3SeveralRecordsPerLineAndWrappedText() throws IOException {
    List<BankStatement> all = read(Fixtures.text("bai2/moov-io_sample3-several-records-per-line.txt"));
    assertThat(all).hasSize(15);
    BankStatement first = all.get(0);
    assertThat(first.lines()).hasSize(6);
    assertThat(first.lines().get(0).remittanceText()).containsExactly("TRANSFER   PAYPAL             PPD");
    assertThat(first.lines().get(1).remittanceText()).containsExactly("TRANSFER   MSPBNA BANK        PPD");
    assertThat(first.lines().get(3).remittanceText()).containsExactly(
        "111111     ACH_SETL           1111111111                    111111111111111 1111111111");
    assertThat(first.lines()).extracting(StatementLine::signedAmount).containsExactly(Money.parse("USD 25.00"),
        Money.parse("USD 5.00"), Money.parse("USD 1.00"), Money.parse("USD -25.00"), Money.parse("USD -6.00"),
        Money.parse("USD -1.00"));
    BankStatement wrapped = all.stream()
        .filter(s -> s.openingBalance().equals(Optional.of(Money.parse("USD 6252.66")))).findFirst().orElseThrow();
    assertThat(wrapped.lines()).hasSize(6);
    assertThat(wrapped.lines().get(0).remittanceText()).containsExactly(
        "111111     ACH_SETL           1111111111 111111111111111 1111111111");
  }

  @Test
  void sample4HasWrongTrailersAndIsRefusedByDefault() {
    DataFormatException e = malformed(Fixtures.text("bai2/moov-io_sample4-continuations-newline-delimited.txt"));
    assertThat(e).hasMessage("t.bai at line 22 (49 record): accountControlTotal must equal the sum of the account's "
        + "amounts, 7999960: -1260161341762");
  }

  @Test
  void sample4WithControlChecksOffKeepsCommasInTextAndJoinsContinuations() throws IOException {
    List<BankStatement> all = Bai2Reader.create().withControlChecks(false)
        .read(new StringReader(Fixtures.text("bai2/moov-io_sample4-continuations-newline-delimited.txt")), "t.bai");
    assertThat(all).hasSize(5);
    StatementLine l = all.get(1).lines().get(0);
    assertThat(l.amount()).isEqualTo(Money.parse("USD 600.00"));
    assertThat(l.bankReference()).contains("SPB2322984714570");
    assertThat(l.references()).containsExactly("1111");
    assertThat(l.remittanceText()).containsExactly("ACH Credit Payment,Entry Description: EXP; -, SEC: CCD, "
        + "Client Ref ID: 1111, GS ID: SPB2322984714570 EREF: 1111 DBNM: TEST INC CACT: ACHCONTROLOUTUSD01");
    assertThat(all.get(2).lines()).hasSize(14);
  }

  @Test
  void sample5KeepsSlashesInsideReferencesAndText() throws IOException {
    List<BankStatement> all = Bai2Reader.create().withControlChecks(false)
        .read(new StringReader(Fixtures.text("bai2/moov-io_sample5-slashes-in-text.txt")), "t.bai");
    StatementLine l = all.get(1).lines().get(2);
    assertThat(l.references()).containsExactly("AB/GS/RPFILERP0001/RPBA0001");
    assertThat(l.remittanceText().get(0)).contains("Client Ref ID: AB/GS/TEST0001/RPBA0001")
        .endsWith("EREF: AB/GS/RPFILERP0001/RPBA0001 DBNM: SAMPLE INC CACT: ACHCONTROLOUTUSD01");
  }

  // ---- one test per format rule: exact type and message ----

  @Test
  void aWrongAccountControlTotalIsRefused() {
    assertThat(malformed(own().replace("49,3550000,8/", "49,3550001,8/"))).hasMessage(
        "t.bai at line 10 (49 record): accountControlTotal must equal the sum of the account's amounts, 3550000: "
            + "3550001");
  }

  @Test
  void aWrongAccountRecordCountIsRefused() {
    assertThat(malformed(own().replace("49,3550000,8/", "49,3550000,7/"))).hasMessage(
        "t.bai at line 10 (49 record): numberOfRecords must equal the account's records, 8: 7");
  }

  @Test
  void aWrongGroupControlTotalIsRefused() {
    assertThat(malformed(own().replace("98,4210000,2,16/", "98,4210100,2,16/"))).hasMessage(
        "t.bai at line 17 (98 record): groupControlTotal must equal the sum of the account control totals, 4210000: "
            + "4210100");
  }

  @Test
  void aWrongAccountCountIsRefused() {
    assertThat(malformed(own().replace("98,4210000,2,16/", "98,4210000,3,16/"))).hasMessage(
        "t.bai at line 17 (98 record): numberOfAccounts must equal the accounts in the group, 2: 3");
  }

  @Test
  void aWrongGroupRecordCountIsRefused() {
    assertThat(malformed(own().replace("98,4210000,2,16/", "98,4210000,2,15/"))).hasMessage(
        "t.bai at line 17 (98 record): numberOfRecords must equal the records in the group, 16: 15");
  }

  @Test
  void aWrongFileControlTotalIsRefused() {
    assertThat(malformed(own().replace("99,5690000,2,22/", "99,-5690000,2,22/"))).hasMessage(
        "t.bai at line 22 (99 record): fileControlTotal must equal the sum of the group control totals, 5690000: "
            + "-5690000");
  }

  @Test
  void aWrongGroupCountIsRefused() {
    assertThat(malformed(own().replace("99,5690000,2,22/", "99,5690000,1,22/"))).hasMessage(
        "t.bai at line 22 (99 record): numberOfGroups must equal the groups in the file, 2: 1");
  }

  @Test
  void aWrongFileRecordCountIsRefused() {
    assertThat(malformed(own().replace("99,5690000,2,22/", "99,5690000,2,21/"))).hasMessage(
        "t.bai at line 22 (99 record): numberOfRecords must equal the records in the file, 22: 21");
  }

  @Test
  void anotherVersionIsRefused() {
    assertThat(malformed(own().replace("80,,2/", "80,,3/"))).hasMessage(
        "t.bai at line 1 (01 record): versionNumber must be 2: 3");
  }

  @Test
  void anInvalidDateIsRefused() {
    assertThat(malformed(own().replace("02,GRIDBILL,021000021,1,240304", "02,GRIDBILL,021000021,1,240231")))
        .hasMessage("t.bai at line 2 (02 record): asOfDate must be a date YYMMDD: 240231");
  }

  @Test
  void anInvalidTimeIsRefused() {
    assertThat(malformed(own().replace("240305,0600,", "240305,0675,"))).hasMessage(
        "t.bai at line 1 (01 record): fileCreationTime must be a time HHMM (0000 to 2400, or 9999): 0675");
  }

  @Test
  void anUnknownCurrencyIsRefused() {
    assertThat(malformed(own().replace("03,0099887766,CAD,", "03,0099887766,CAX,"))).hasMessage(
        "t.bai at line 11 (03 record): currencyCode must be a known ISO 4217 currency code: CAX");
  }

  @Test
  void anUnknownFundsTypeIsRefused() {
    assertThat(malformed(own().replace("16,475,75000,1,", "16,475,75000,X,"))).hasMessage(
        "t.bai at line 9 (16 record): fundsType must be 0, 1, 2, S, V, D or Z: X");
  }

  @Test
  void aDistributionWithoutItsPairsIsRefused() {
    assertThat(malformed(own().replace("16,208,70000,D,2,0,50000,1,20000,,", "16,208,70000,D,2,0,50000,,"))).hasMessage(
        "t.bai at line 13 (16 record): availabilityDays must be digits: ");
  }

  @Test
  void anAmountWithADecimalPointIsRefused() {
    assertThat(malformed(own().replace("16,475,75000,", "16,475,750.00,"))).hasMessage(
        "t.bai at line 9 (16 record): amount must be digits (no sign, no decimal point): 750.00");
  }

  @Test
  void anAmountPastTwoToTheFiftySecondMinorUnitsIsRefused() {
    // 2^52 + 1 minor units; the detail's account and file totals are not reached (the amount is refused first)
    assertThat(malformed(own().replace("16,475,75000,", "16,475,4503599627370497,"))).hasMessage(
        "t.bai at line 9 (16 record): amount must be at most 4503599627370496 minor units (2^52): 4503599627370497");
  }

  @Test
  void aSignedDetailAmountIsRefused() {
    assertThat(malformed(own().replace("16,475,75000,", "16,475,-75000,")).reason())
        .isEqualTo("must be digits (no sign, no decimal point)");
  }

  @Test
  void aSummaryAmountThatIsNotANumberIsRefused() {
    assertThat(malformed(own().replace(",010,500000,", ",010,5OOOOO,"))).hasMessage(
        "t.bai at line 11 (03 record): amount[010] must be digits with an optional sign: 5OOOOO");
  }

  @Test
  void aTypeCodeThatIsNotThreeDigitsIsRefused() {
    assertThat(malformed(own().replace("16,409,10000,Z", "16,49,10000,Z"))).hasMessage(
        "t.bai at line 14 (16 record): typeCode must be three digits: 49");
  }

  @Test
  void aStatusCodeInADetailIsRefused() {
    assertThat(malformed(own().replace("16,409,10000,Z", "16,015,10000,Z"))).hasMessage(
        "t.bai at line 14 (16 record): typeCode must be a detail type code (credit 100-399, 720-759, 920-959; debit "
            + "400-699, 760-799, 960-999; or 890), not a status code: 015");
  }

  @Test
  void aNonMonetaryRecordWithAnAmountIsRefused() {
    assertThat(malformed(own().replace("16,890,,", "16,890,100,"))).hasMessage(
        "t.bai at line 15 (16 record): amount must be defaulted for the non-monetary type code 890: 100");
  }

  @Test
  void aMissingAccountTrailerIsRefused() {
    assertThat(malformed(own().replace("49,660000,6/\n", ""))).hasMessage(
        "t.bai at line 16 (98 record): record must be 49 (account trailer) after the account's details: 98");
  }

  @Test
  void aDetailOutsideAnAccountIsRefused() {
    assertThat(malformed(own().replace("02,GRIDBILL,021000021,3,240305,,,/\n",
        "02,GRIDBILL,021000021,3,240305,,,/\n16,409,10000,Z,,,X/\n"))).hasMessage(
            "t.bai at line 19 (16 record): record must be 98 (group trailer) after the group's accounts: 16");
  }

  @Test
  void aFileWithoutHeaderIsRefused() {
    assertThat(malformed(own().substring(own().indexOf('\n') + 1))).hasMessage(
        "t.bai at line 1 (02 record): record must be 01 (file header) at the start of the file: 02");
  }

  @Test
  void aTruncatedFileIsRefused() {
    assertThat(malformed(own().replace("99,5690000,2,22/\n", ""))).hasMessage(
        "t.bai at line 21 (end of file): record must be followed by a 99 record (file trailer) after the last group: "
            + "end of file");
  }

  @Test
  void recordsAfterTheFileTrailerAreRefused() {
    assertThat(malformed(own() + "01,GRIDBANK,GRIDBILL,240305,0600,0305B,80,,2/\n")).hasMessage(
        "t.bai at line 23 (01 record): record must not follow the 99 file trailer: 01");
  }

  @Test
  void anUnknownRecordCodeIsRefused() {
    assertThat(malformed(own().replace("16,475,", "17,475,"))).hasMessage(
        "t.bai at line 9: record code must be one of 01, 02, 03, 16, 88, 49, 98, 99 followed by a comma: "
            + "17,475,75000,1,CHK9901,1044,CHECK PAID/");
  }

  @Test
  void aContinuationFirstIsRefused() {
    assertThat(malformed("88,1/\n" + own())).hasMessage("t.bai at line 1: 88 must follow a record: 88,1/");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(malformed("\n\n")).hasMessage("t.bai at line 1: file must start with a 01 file header: empty");
  }

  @Test
  void aGroupStatusOutOfRangeIsRefused() {
    assertThat(malformed(own().replace("021000021,3,240305", "021000021,5,240305"))).hasMessage(
        "t.bai at line 18 (02 record): groupStatus must be 1, 2, 3 or 4: 5");
  }

  @Test
  void aMissingAccountNumberIsRefused() {
    assertThat(malformed(own().replace("03,0012345678,,015", "03,,,015"))).hasMessage(
        "t.bai at line 19 (03 record): customerAccountNumber must be present: ");
  }

  @Test
  void aBadTrailerCountIsRefused() {
    assertThat(malformed(own().replace("49,1480000,2/", "49,1480000,two/"))).hasMessage(
        "t.bai at line 20 (49 record): numberOfRecords must be a whole number: two");
  }
}
