/**
 * GridBill ledger: a double-entry accounts-receivable ledger on a hash-chained durable journal, with aging, dunning
 * and the reconciliation API.
 *
 * <p>{@code io.github.gridbill.ledger} holds the chart of accounts, journal entries, the {@code Ledger} with its
 * business operations and as-of queries, aging and dunning; {@code io.github.gridbill.ledger.journal} holds the
 * {@code JournalStore} interface with its in-memory and durable file implementations, verification and checkpoints;
 * {@code io.github.gridbill.reconcile} and its sub-packages hold the reconciliation API: bank statements in
 * ({@code .statement}), cash application ({@code .cash}), billing reconciliation ({@code .billing}), and cash
 * application posted through the ledger with receivables and bank reconciliation ({@code .ledger}).
 */
module io.github.gridbill.ledger {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive io.github.gridbill.core;
  requires org.slf4j;
  requires java.xml;

  exports io.github.gridbill.ledger;
  exports io.github.gridbill.ledger.journal;
  exports io.github.gridbill.reconcile;
  exports io.github.gridbill.reconcile.statement;
  exports io.github.gridbill.reconcile.cash;
  exports io.github.gridbill.reconcile.billing;
  exports io.github.gridbill.reconcile.ledger;
}
