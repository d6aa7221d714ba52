package io.github.gridbill.ledger;

import org.jspecify.annotations.Nullable;

/** One account's balances and the sequences of the entries that touched it. Guarded by the ledger's lock. */
final class AccountState {
  final LedgerAccount account;
  final @Nullable Customer customer;
  final Balances balances = new Balances();
  final LongList sequences = new LongList();

  AccountState(LedgerAccount account, @Nullable Customer customer) {
    this.account = account;
    this.customer = customer;
  }
}
