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
 */
@NullMarked
package io.github.gridbill.reconcile.cash;

import org.jspecify.annotations.NullMarked;
