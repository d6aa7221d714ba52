/**
 * Reconciliation: bank statements in, payments matched to open items, billed items checked against their sources.
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
 * <h2>Seams for the ledger (not in this package yet)</h2>
 *
 * <p>The double-entry ledger ({@code io.github.gridbill.ledger}) is built separately; reconciliation meets it at three
 * points, all of which take plain values defined here so that neither side depends on the other's internals:
 *
 * <ol>
 *   <li><b>Open items in.</b> The cash engine matches against {@code OpenItem} values. A ledger adapter will produce
 *       them from the AR sub-ledger (one per invoice with a non-zero open amount; {@code disputed} from the dispute
 *       flag), so the engine does not change when the ledger lands.
 *   <li><b>Accepted matches out.</b> Each match yields an {@code ApplicationInstruction}: the payment id, the
 *       invoices and amounts to apply, the amount left unapplied (a credit on the payer's account) and an idempotency
 *       key derived deterministically from the bank line ({@code ApplicationInstruction.idempotencyKeyOf(payment)}). A
 *       ledger adapter posts each instruction through the ledger's payment operation (debit cash, credit AR per
 *       invoice, credit unapplied cash for the rest) with that key as the entry's idempotency key: posting the same
 *       instruction twice is a no-op, and posting a different instruction under a key already used is a
 *       {@link io.github.gridbill.core.ConflictException}. Re-importing the same statement therefore never applies a
 *       bank line twice.
 *   <li><b>Ledger reconciliation.</b> Sub-ledger to control (Σ open items per customer against the customer's AR
 *       balance; Σ of all against the AR control account) and bank account to statement (the ledger's cash account
 *       balance at the statement date against {@code BankStatement.closingBalance()}, each difference listed with the
 *       entries and statement lines involved) need ledger balances and entries; they will take the ledger's read API
 *       and report in the same immutable, CSV-exportable shape as the reports here.
 * </ol>
 */
@NullMarked
package io.github.gridbill.reconcile;

import org.jspecify.annotations.NullMarked;
