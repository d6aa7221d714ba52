package io.github.gridbill.examples;

import io.github.gridbill.examples.demo.Demo;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridbill demo}: the end-to-end demonstration, a solar and utility billing company with an INR and a USD
 * book, billed for a month and followed to the report date (see {@link Demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a month of a solar and utility billing company end to end: generated 15-minute data, a "
        + "parallel bill run, invoices posted to durable ledgers, payments of every method through a camt.053 bank "
        + "statement and cash application, late fees, dunning, aging, reconciliation, one account watched live; "
        + "prints the results and writes them as CSV files and one HTML report.",
        "Running it again over the same folder posts nothing twice."},
    footer = {"", "Example: gridbill demo --accounts 2000 --out /tmp/gridbill-demo",
        "Exit codes: 0 done, 1 the library refused an input, 2 bad arguments."})
final class DemoCommand implements Runnable {

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "10000",
      description = "How many accounts (1 to 1,000,000; default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20250301",
      description = "The seed: the same seed makes the same company (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Rating threads (default: one per processor).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "gridbill-demo",
      description = "The folder for the ledgers, statements and reports (default ./${DEFAULT-VALUE}).")
  Path out = Path.of("gridbill-demo");

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    if (accounts < 1 || accounts > 1_000_000) {
      throw new CommandLine.ParameterException(cl, "--accounts must be 1 to 1,000,000: " + accounts);
    }
    if (threads < 1 || threads > 256) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 to 256: " + threads);
    }
    PrintWriter w = cl.getOut();
    Demo.run(accounts, seed, threads, out, w, !noProgress && terminal());
    w.flush();
  }

  /**
   * Whether the demo writes to a terminal (where a progress bar is redrawn in place). Up to JDK 21 a console exists
   * only on a terminal; from JDK 22 on {@code System.console()} returns one for redirected output too, and
   * {@code Console.isTerminal()} (JDK 22, called reflectively: the baseline is 17) tells them apart.
   */
  @SuppressWarnings("SystemConsoleNull") // both cases are handled: null up to JDK 21, isTerminal() from JDK 22
  static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(java.io.Console.class.getMethod("isTerminal").invoke(console));
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
