/**
 * GridBill ledger: a double-entry accounts-receivable ledger on a hash-chained durable journal, with aging, dunning
 * and the reconciliation API.
 */
module io.github.gridbill.ledger {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive io.github.gridbill.core;
  requires org.slf4j;
  requires java.xml;

  exports io.github.gridbill.ledger;
  exports io.github.gridbill.reconcile;
  exports io.github.gridbill.reconcile.statement;
  exports io.github.gridbill.reconcile.cash;
  exports io.github.gridbill.reconcile.billing;
}
