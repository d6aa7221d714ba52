package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.journal.FileJournalStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridbill ledger} on the journal the README's embedding example writes: invoice INV-000001 of USD 77.56
 * (issued 2024-04-01, due 2024-04-22), cheque CHQ-1042 of USD 40.00 received and applied on 2024-04-20.
 */
class LedgerCommandTest {
  private static final String AGING_HEADER = "account_id,currency,Current,1-30,31-60,61-90,90+,disputed,credits,total";

  @TempDir
  Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTheJournal() {
    PrintStream old = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      EmbeddingExample.run(folder);
    } finally {
      System.setOut(old);
    }
  }

  private int run(String... args) {
    return GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void agingAndTotalsAsOfADay() {
    // USD 37.56 left, due 2024-04-22: 28 days past due on 05-20, not yet due on 04-21
    assertThat(run("ledger", "--journal", folder.toString(), "aging", "--as-of", "2024-05-20")).isZero();
    assertThat(out.toString()).isEqualTo(AGING_HEADER + "\r\nACC-1,USD,0.00,37.56,0.00,0.00,0.00,0.00,0.00,37.56\r\n");
    out.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", folder.toString(), "aging", "--as-of", "2024-04-21")).isZero();
    assertThat(out.toString()).endsWith("\r\nACC-1,USD,37.56,0.00,0.00,0.00,0.00,0.00,0.00,37.56\r\n");
    out.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", folder.toString(), "totals", "--as-of", "2024-05-20")).isZero();
    assertThat(out.toString()).isEqualTo("currency,Current,1-30,31-60,61-90,90+,disputed,total,credits,unidentified,"
        + "ar_control,ties_to_control\r\nUSD,0.00,37.56,0.00,0.00,0.00,0.00,37.56,0.00,0.00,37.56,true\r\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aStatementInTheLedgersOnlyCurrency() {
    assertThat(run("ledger", "--journal", folder.toString(), "statement", "--account", "ACC-1", "--from",
        "2024-04-01", "--to", "2024-05-01")).isZero();
    assertThat(out.toString()).isEqualTo(
        "account_id,currency,date,sequence,type,reference,description,amount,balance\r\n"
            + "ACC-1,USD,2024-04-01,,OPENING_BALANCE,,Opening balance,,0.00\r\n"
            + "ACC-1,USD,2024-04-01,1,INVOICE,INV-000001,Invoice INV-000001,77.56,77.56\r\n"
            + "ACC-1,USD,2024-04-20,2,PAYMENT,CHQ-1042,Payment CHQ-1042,-40.00,37.56\r\n"
            + "ACC-1,USD,2024-04-30,,CLOSING_BALANCE,,Closing balance,,37.56\r\n");
  }

  @Test
  void verifyReportsAnIntactChainAndAnOpenRefusesADamagedOne() throws IOException {
    assertThat(run("ledger", "--journal", folder.toString(), "verify")).isZero();
    assertThat(out.toString()).startsWith(folder + ": intact, 3 entries re-hashed; checkpoint 3:");
    // one byte of the first record's payload flipped: the open refuses the corrupted middle (exit 1, one line)
    Path file = folder.resolve(FileJournalStore.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[40] ^= 0x01;
    Files.write(file, bytes);
    assertThat(run("ledger", "--journal", folder.toString(), "verify")).isEqualTo(1);
    assertThat(err.toString()).startsWith("gridbill: ").doesNotContain("\n\tat ").hasLineCount(1);
  }

  @Test
  void aFolderWithoutAJournalIsRefusedAndLeftEmpty(@TempDir Path empty) throws IOException {
    assertThat(run("ledger", "--journal", empty.toString(), "aging")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: --journal has no GridBill journal (journal.gbj): " + empty)
        .contains("Usage: gridbill ledger");
    try (var files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void badArgumentsAreRefusedWithExitCode2() {
    String j = folder.toString();
    assertThat(run("ledger", "--journal", j, "ageing")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: REPORT must be aging, totals, statement or verify: ageing");
    err.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", j, "statement", "--account", "ACC-1")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: statement needs --account, --from and --to");
    err.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", j, "aging", "--account", "ACC-1")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: --account, --currency, --from and --to apply to statement");
    err.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", j, "verify", "--as-of", "2024-05-20")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: --as-of applies to aging and totals");
    err.getBuffer().setLength(0);
    assertThat(run("ledger", "--journal", j, "statement", "--account", "ACC-1", "--from", "2024-04-01", "--to",
        "2024-05-01", "--currency", "XYZ")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: --currency must be an ISO 4217 code: XYZ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aStatementOfAnUnknownCustomerIsTheLibrarysTypedErrorWithExitCode1() {
    assertThat(run("ledger", "--journal", folder.toString(), "statement", "--account", "ACC-9", "--from",
        "2024-04-01", "--to", "2024-05-01")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("gridbill: accountId must name a customer account of this ledger: ACC-9"
        + System.lineSeparator());
  }
}
