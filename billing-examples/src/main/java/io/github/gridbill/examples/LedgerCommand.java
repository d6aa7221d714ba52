package io.github.gridbill.examples;

import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.TrialBalanceLine;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gridbill ledger}: reports from a durable ledger's journal folder (the demo writes two), as CSV on standard
 * output, or the journal's verification.
 *
 * <p>{@code gridbill ledger --journal gridbill-demo/ledger-USD aging --as-of 2025-05-13}. Opening the folder replays
 * its journal (and, like any open, cuts a torn tail left by a crash); a folder without a journal is refused, nothing
 * is created.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reports from a ledger's journal folder, as CSV: aging by customer, aging totals against the AR "
        + "control account, one customer's statement; or verify the journal's hash chain."},
    footer = {"", "Examples (after gridbill demo):",
        "  gridbill ledger --journal gridbill-demo/ledger-USD aging --as-of 2025-05-13",
        "  gridbill ledger --journal gridbill-demo/ledger-USD statement --account GBU-000002 --from 2025-03-01"
            + " --to 2025-06-01",
        "  gridbill ledger --journal gridbill-demo/ledger-INR verify",
        "Exit codes: 0 done (verify: intact), 1 the library refused an input or the chain is broken, 2 bad arguments."})
final class LedgerCommand implements Callable<Integer> {

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--journal", paramLabel = "FOLDER", required = true,
      description = "The ledger's folder, holding " + FileJournalStore.FILE_NAME + ".")
  @SuppressWarnings("NullAway.Init")
  Path journal;

  @Parameters(index = "0", paramLabel = "REPORT", description = "aging (by customer and currency), totals (aging"
      + " totals per currency with the AR control account), statement (one customer) or verify.")
  @SuppressWarnings("NullAway.Init")
  String report;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "aging, totals: the day the report is as of (default: today, UTC).")
  @Nullable LocalDate asOf;

  @Option(names = "--account", paramLabel = "ID", description = "statement: the customer account.")
  @Nullable String account;

  @Option(names = "--currency", paramLabel = "CODE",
      description = "statement: the currency (default: the ledger's only one, when it has one).")
  @Nullable String currency;

  @Option(names = "--from", paramLabel = "DATE", description = "statement: the first day.")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "statement: the day after the last day.")
  @Nullable LocalDate to;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (!List.of("aging", "totals", "statement", "verify").contains(report)) {
      throw new CommandLine.ParameterException(cl, "REPORT must be aging, totals, statement or verify: " + report);
    }
    boolean statement = report.equals("statement");
    if (!statement && (account != null || currency != null || from != null || to != null)) {
      throw new CommandLine.ParameterException(cl, "--account, --currency, --from and --to apply to statement");
    }
    if (!report.equals("aging") && !report.equals("totals") && asOf != null) {
      throw new CommandLine.ParameterException(cl, "--as-of applies to aging and totals");
    }
    String id = account;
    LocalDate first = from;
    LocalDate end = to;
    if (statement && (id == null || first == null || end == null)) {
      throw new CommandLine.ParameterException(cl, "statement needs --account, --from and --to");
    }
    if (!Files.isRegularFile(journal.resolve(FileJournalStore.FILE_NAME))) {
      throw new CommandLine.ParameterException(cl, "--journal has no GridBill journal (" + FileJournalStore.FILE_NAME
          + "): " + journal);
    }
    PrintWriter out = cl.getOut();
    int code = 0;
    try (Ledger ledger = Ledger.open(FileJournalStore.open(journal))) {
      switch (report) {
        case "aging" -> out.print(aging(ledger).toCsv());
        case "totals" -> out.print(aging(ledger).totalsCsv());
        case "statement" -> out.print(ledger.statement(Objects.requireNonNull(id), statementCurrency(cl, ledger, end),
            Objects.requireNonNull(first), Objects.requireNonNull(end)).toCsv());
        default -> {
          VerificationReport v = ledger.verify();
          out.println(journal + ": " + (v.isIntact() ? "intact" : "BROKEN at " + v.firstBroken().orElseThrow())
              + ", " + v.recordsChecked() + " entries re-hashed; checkpoint " + v.tip());
          code = v.isIntact() ? 0 : 1;
        }
      }
    }
    out.flush();
    return code;
  }

  private AgingReport aging(Ledger ledger) {
    return ledger.aging(asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
  }

  /** The --currency given, or the only currency the ledger's accounts have moved in up to the statement's end. */
  private CurrencyUnit statementCurrency(CommandLine cl, Ledger ledger, @Nullable LocalDate end) {
    if (currency != null) {
      try {
        return CurrencyUnit.of(currency.toUpperCase(Locale.ROOT));
      } catch (IllegalCurrencyException e) {
        throw new CommandLine.ParameterException(cl, "--currency must be an ISO 4217 code: " + currency);
      }
    }
    Set<CurrencyUnit> currencies = new TreeSet<>();
    for (TrialBalanceLine l : ledger.trialBalance(Objects.requireNonNull(end))) {
      currencies.add(l.balance().getCurrencyUnit());
    }
    if (currencies.size() != 1) {
      throw new CommandLine.ParameterException(cl, "--currency is needed: the ledger holds " + currencies);
    }
    return currencies.iterator().next();
  }
}
