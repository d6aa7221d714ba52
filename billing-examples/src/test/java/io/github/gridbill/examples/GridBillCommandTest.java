package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridBillCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demoRunsEndToEndIntoTheFolderItIsGiven(@TempDir Path folder) throws IOException {
    assertThat(run("demo", "--accounts", "60", "--threads", "2", "--out", folder.toString(), "--no-progress"))
        .isZero();
    assertThat(out.toString()).contains("GridBill demo: 60 accounts").contains("journal verify: OK")
        .contains("Open " + folder.resolve("report.html"));
    assertThat(folder.resolve("invoices.csv")).exists();
    // the reconciliations' working papers, beside their differences, for each book
    for (String book : new String[] {"INR", "USD"}) {
      assertThat(Files.readString(folder.resolve("receivables-customers-" + book + ".csv")))
          .startsWith("account_id,currency,open_item_count,open_items,receivable,");
      assertThat(Files.readString(folder.resolve("receivables-control-" + book + ".csv")))
          .startsWith("currency,open_item_count,open_items,customer_receivables,ar_control,difference,")
          .contains("\n" + book + ",");
      assertThat(Files.readString(folder.resolve("bank-balances-" + book + ".csv")))
          .startsWith("statement_id,bank_account,account,balance,as_of,currency,statement,ledger,difference")
          .contains(",OPENING,").contains(",CLOSING,");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void accountsOutOfRangeIsABadArgument() {
    assertThat(run("demo", "--accounts", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: --accounts must be 1 to 1,000,000: 0")
        .contains("Usage: gridbill demo");
  }

  @Test
  void badFlagGivesOneLineErrorUsageAndExitCode2() {
    assertThat(run("demo", "--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: Unknown option: '--no-such-flag'")
        .contains("Usage: gridbill demo");
  }

  @Test
  void missingSubcommandIsABadArgument() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand");
  }
}
