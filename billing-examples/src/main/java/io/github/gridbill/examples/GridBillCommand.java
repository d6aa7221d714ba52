package io.github.gridbill.examples;

import io.github.gridbill.core.BillingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gridbill} command: {@code java -jar billing-examples/target/gridbill.jar <subcommand>}.
 *
 * <p>Bad arguments (an unknown or missing flag, a value that is not allowed, an unreadable file) print a one-line
 * {@code gridbill: ...} error and the usage, and exit with code 2. A typed {@link BillingException} while reading or
 * rating (a malformed file, a period the tariff or the meter data does not cover) prints one line naming the field
 * and location and exits with code 1. {@code gridbill vee} validates and estimates meter data and prints what it found;
 * {@code gridbill ledger} reports from a ledger's journal folder (aging, totals, a statement) or verifies it.
 */
@Command(
    name = "gridbill",
    mixinStandardHelpOptions = true,
    version = "gridbill 0.1.0-SNAPSHOT",
    description = "GridBill: utility and energy-service billing from the command line.",
    subcommands = {DemoCommand.class, RateCommand.class, VeeCommand.class, LedgerCommand.class})
public final class GridBillCommand implements Runnable {

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (try: gridbill demo, gridbill"
        + " rate --help, gridbill vee --help or gridbill ledger --help)");
  }

  /**
   * Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad arguments).
   *
   * @param out where normal output goes, not null
   * @param err where errors go, not null
   * @param args the arguments, not null
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new GridBillCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("gridbill: " + ex.getMessage());
      c.usage(c.getErr());
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof BillingException) {
        c.getErr().println("gridbill: " + RateCommand.oneLine(String.valueOf(ex.getMessage())));
        return 1;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
