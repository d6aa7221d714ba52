/**
 * Reconciliation: bank statements in, payments matched to open items and posted through the ledger, billed items
 * checked against their sources, the sub-ledger checked against its control and the bank account against its
 * statements.
 *
 * <ul>
 *   <li>{@link io.github.gridbill.reconcile.statement}: readers for ISO 20022 camt.053, BAI2 and mapped CSV bank
 *       statements into one {@code BankStatement} model; a malformed file is a
 *       {@link io.github.gridbill.core.DataFormatException} and nothing is returned.
 *   <li>{@link io.github.gridbill.reconcile.cash}: cash application, an ordered chain of matching rules (reference,
 *       exact amount, oldest items, combinations, balance-forward) from payments to open items, with an exception list
 *       and one {@code ApplicationInstruction} per accepted match.
 *   <li>{@link io.github.gridbill.reconcile.billing}: billing reconciliation, every billable source record billed
 *       exactly once with the right quantity and amount.
 * </ul>
 *
 * <p>Every result is an immutable report with summary counts and amounts, exportable as CSV ({@link CsvExportable}).
 *
 * <h2>Through the ledger</h2>
 *
 * <p>{@link io.github.gridbill.reconcile.ledger} joins these to the double-entry ledger
 * ({@code io.github.gridbill.ledger}) at three points, through the ledger's public API only:
 *
 * <ol>
 *   <li><b>Open items in.</b> {@code LedgerOpenItems} turns the ledger's open receivable items as of a day into the
 *       cash engine's {@code OpenItem} values (one per item with something open; {@code disputed} from the dispute
 *       flag).
 *   <li><b>Accepted matches out.</b> {@code LedgerCashApplication} records every incoming bank line
 *       ({@code recordPayment}: to the payer, or to unidentified cash for an exception) and applies every accepted
 *       match ({@code applyPayment}) under idempotency keys derived from the bank line
 *       ({@code ApplicationInstruction.idempotencyKeyOf(payment)} plus {@code /record} or {@code /apply}): importing
 *       the same statement twice posts nothing new, and importing a changed line under a key already used is a
 *       {@link io.github.gridbill.core.ConflictException}.
 *   <li><b>Ledger reconciliation.</b> {@code ReceivablesReconciler} compares Σ open items per customer with the
 *       customer's AR balance and Σ of all with the AR control; {@code BankReconciler} compares a ledger cash account
 *       with a statement's opening and closing booked balances, line by line. Both report every difference with the
 *       entries and statement lines involved, in the same immutable, CSV-exportable shape as the reports here.
 * </ol>
 *
 * <p>{@code billing-ledger/LEDGER.md} section 10 walks through the whole flow.
 */
@NullMarked
package io.github.gridbill.reconcile;

import org.jspecify.annotations.NullMarked;
