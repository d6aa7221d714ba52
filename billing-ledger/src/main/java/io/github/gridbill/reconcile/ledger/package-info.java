/**
 * Reconciliation with the ledger: cash application posted through the ledger's payment operations, idempotently,
 * and the ledger reconciled with its sub-ledger and with bank statements.
 *
 * <ul>
 *   <li>{@link io.github.gridbill.reconcile.ledger.LedgerOpenItems}: the cash-application engine's open items from
 *       the ledger as of a day (disputed items flagged).
 *   <li>{@link io.github.gridbill.reconcile.ledger.LedgerCashApplication}: bank statements in, matched against the
 *       ledger's open items, validated as a batch ({@link io.github.gridbill.reconcile.ledger.CashPostingPlan}) and
 *       posted ({@link io.github.gridbill.reconcile.ledger.CashPostingResult}): {@code recordPayment} for every line
 *       (identified, or as unidentified cash for an exception) and {@code applyPayment} for every accepted match,
 *       under keys derived from the bank line, so that a statement imported twice posts nothing new; later
 *       identification of an exception ({@code identify}: {@code identifyPayment} and an application).
 *   <li>{@link io.github.gridbill.reconcile.ledger.ReceivablesReconciler}: open items per customer against the
 *       customer's AR balance, all against the AR control (and another book's control), per currency as of a day.
 *   <li>{@link io.github.gridbill.reconcile.ledger.BankReconciler}: a ledger cash account against a statement's
 *       booked balances, line by line.
 * </ul>
 *
 * <p>Both reconciliations report every difference ({@link io.github.gridbill.reconcile.ledger.LedgerDifference})
 * with the ledger entries involved, in immutable reports with summary counts and amounts, exportable as CSV: the
 * differences ({@code toCsv()}), and the rest of the working paper (the receivables report's
 * {@code customersCsv()} and {@code controlCsv()}, the bank report's {@code balancesCsv()}).
 *
 * <pre>{@code
 * List<BankStatement> statements = Camt053Reader.create().read(Path.of("statement.xml"));
 * CashPostingResult posted = LedgerCashApplication.of(ledger).importStatements(statements);  // again: isReplay()
 * ReceivablesReconciliationReport ar = ReceivablesReconciler.of(ledger).reconcile(LocalDate.parse("2024-04-05"));
 * BankReconciliationReport bank = BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(statements.get(0));
 * Files.writeString(Path.of("bank-differences.csv"), bank.toCsv());
 * Files.writeString(Path.of("bank-balances.csv"), bank.balancesCsv());
 * Files.writeString(Path.of("receivables-customers.csv"), ar.customersCsv());
 * }</pre>
 *
 * <p>See {@code billing-ledger/LEDGER.md} section 10 for a worked example.
 */
@NullMarked
package io.github.gridbill.reconcile.ledger;

import org.jspecify.annotations.NullMarked;
