/**
 * GridBill ledger: a double-entry accounts-receivable ledger on a hash-chained durable journal, with aging, dunning
 * and the reconciliation API.
 *
 * <p>{@code io.github.gridbill.ledger} holds the chart of accounts, journal entries, the {@code Ledger} with its
 * business operations and as-of queries, aging and dunning; {@code io.github.gridbill.ledger.journal} holds the
 * {@code JournalStore} interface with its in-memory and durable file implementations, verification and checkpoints.
 */
module io.github.gridbill.ledger {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive io.github.gridbill.core;
  requires org.slf4j;

  exports io.github.gridbill.ledger;
  exports io.github.gridbill.ledger.journal;
}
