/**
 * Cash application: payments matched to open items by an ordered chain of rules, with an exception list and one
 * ledger instruction per accepted match.
 *
 * <p>Inputs are {@link io.github.gridbill.reconcile.cash.OpenItem}s (indexed once in an
 * {@link io.github.gridbill.reconcile.cash.OpenItemIndex}) and {@link io.github.gridbill.reconcile.cash.Payment}s
 * (for example from bank statements via {@link io.github.gridbill.reconcile.cash.StatementPayments});
 * {@link io.github.gridbill.reconcile.cash.CashApplicationEngine} produces a
 * {@link io.github.gridbill.reconcile.cash.CashApplicationReport}. Posting the
 * {@link io.github.gridbill.reconcile.cash.ApplicationInstruction}s through the ledger is the ledger adapter's job
 * (see {@code ApplicationInstruction} for how, idempotently).
 *
 * <p>Amounts: a payment, an open item and an absolute tolerance are at most 2^52 minor units of their currency
 * (USD 45,035,996,273,704.96; a larger one is a {@code ValidationException} naming the field), and the sums over a
 * payer's items stop growing at 2^62 minor units instead of wrapping, so the engine's long arithmetic never
 * overflows and a payer whose items total more than a long holds is still owed more than any payment.
 */
@NullMarked
package io.github.gridbill.reconcile.cash;

import org.jspecify.annotations.NullMarked;
