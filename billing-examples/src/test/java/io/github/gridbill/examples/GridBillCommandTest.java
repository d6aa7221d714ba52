package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GridBillCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demoPrintsValuesComputedByCore() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString())
        .contains("[USD 33.34, USD 33.33, USD 33.33]")
        .contains("America/New_York")
        .contains("35136 fifteen-minute intervals (8784 hours)");
  }

  @Test
  void badFlagGivesOneLineErrorUsageAndExitCode2() {
    assertThat(run("demo", "--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gridbill: Unknown option: '--no-such-flag'").contains("Usage: gridbill demo");
  }

  @Test
  void missingSubcommandIsABadArgument() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand");
  }
}
