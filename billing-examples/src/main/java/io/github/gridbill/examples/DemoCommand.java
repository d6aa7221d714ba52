package io.github.gridbill.examples;

import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.Money;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gridbill demo}: the end-to-end demonstration (for now: the core vocabulary at work). */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the GridBill demonstration and prints what it computes.")
final class DemoCommand implements Runnable {

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("GridBill demo: the core vocabulary");
    Money hundred = Money.parse("USD 100.00");
    List<Money> parts = Monies.split(hundred, 3);
    out.println("  " + hundred + " split in 3 (every cent assigned): " + parts);
    for (String zone : List.of("America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe")) {
      ZoneId z = ZoneId.of(zone);
      BillingPeriod year = BillingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), z);
      int q = IntervalGrid.forPeriod(year, IntervalLength.FIFTEEN_MINUTES).count();
      out.printf("  2024 in %-20s %6d fifteen-minute intervals (%d hours)%n", zone, q, q / 4);
    }
    out.flush();
  }
}
