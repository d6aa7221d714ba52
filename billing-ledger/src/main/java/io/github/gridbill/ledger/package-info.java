/**
 * The double-entry accounts-receivable ledger: chart of accounts, journal entries, the {@link
 * io.github.gridbill.ledger.Ledger} with its business operations and as-of queries, aging and dunning.
 *
 * <p><b>Accounts and items.</b> A {@link io.github.gridbill.ledger.LedgerAccount} is a kind
 * ({@link io.github.gridbill.ledger.AccountKind}) and a key: customer receivables {@code RECEIVABLE:ACC-1}, a
 * customer's unapplied cash and credits {@code UNAPPLIED_CASH:ACC-1}, {@code UNIDENTIFIED_CASH}, revenue per invoice
 * line kind {@code REVENUE:ENERGY}, tax payable per tax {@code TAX_PAYABLE:CGST}, cash per payment method
 * {@code CASH:CARD}, {@code WRITE_OFF_EXPENSE}, {@code LATE_FEE_INCOME}, {@code REFUNDS_PAYABLE},
 * {@code ADJUSTMENTS} and {@code GENERAL:<name>}. Receivables, unapplied and unidentified cash and refunds payable
 * keep <em>open items</em>: every line on them names an item (an invoice number, a payment id), opens it on the
 * account's normal side and settles it on the other, never below zero. The sum of the open receivable items is
 * therefore always the AR control balance, per currency and as of any day.
 *
 * <p><b>Operations.</b> {@code issueInvoice} (from a core {@link io.github.gridbill.core.invoice.Invoice}),
 * {@code recordPayment}, {@code identifyPayment}, {@code applyPayment} (balance-forward or open-item),
 * {@code issueCreditNote}, {@code adjust}, {@code writeOff}, {@code assessLateFee}, {@code refund},
 * {@code payRefund}, {@code reverse}, {@code reverseInvoice}, {@code cancelAndRebill}, {@code openDispute},
 * {@code resolveDispute}, {@code runDunning}, {@code closePeriod}, {@code openCustomer} and the manual
 * {@code post}. Each posts one {@link io.github.gridbill.ledger.JournalEntry} atomically under a caller's idempotency
 * key; the entry of a retried request is returned with {@link io.github.gridbill.ledger.PostingResult#replayed()}
 * true. Entries balance per currency, never change, and are corrected only by later entries. The double-entry
 * pattern of each operation is listed on its method and in {@code billing-ledger/LEDGER.md}.
 *
 * <p><b>Queries</b> take a day and include the entries effective on or before it: balances
 * ({@code balance}, {@code customerBalance}, {@code arControl}, {@code cashBalances}, {@code trialBalance}), open
 * items ({@code openItems}, {@code openCredits}, {@code unidentifiedPayments}), customer statements, aging
 * ({@link io.github.gridbill.ledger.AgingPolicy}) and the entries of an account.
 *
 * <p><b>Durability and concurrency.</b> Entries are stored, in a canonical binary encoding, in a {@link
 * io.github.gridbill.ledger.journal.JournalStore}; opening a ledger replays its journal. A posting method returns once
 * its entry is durable. Postings are serialized by a write lock while the journal's group commit shares disk flushes
 * among concurrent posters; queries run under a read lock and return immutable values.
 */
@NullMarked
package io.github.gridbill.ledger;

import org.jspecify.annotations.NullMarked;
