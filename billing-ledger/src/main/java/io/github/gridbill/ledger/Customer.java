package io.github.gridbill.ledger;

import java.util.ArrayList;
import java.util.List;

/** A customer account's items, in the order they were opened. Guarded by the ledger's lock. */
final class Customer {
  final String id;
  final int index;
  final List<Item> receivables = new ArrayList<>(4);
  final List<Item> credits = new ArrayList<>(2);

  Customer(String id, int index) {
    this.id = id;
    this.index = index;
  }
}
