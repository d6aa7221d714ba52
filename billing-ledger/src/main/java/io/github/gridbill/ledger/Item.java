package io.github.gridbill.ledger;

import java.util.Arrays;
import org.joda.money.CurrencyUnit;

/**
 * An open item of an item-managed account, with its movements by day for as-of queries.
 *
 * <p>{@code open} is positive on the account's natural side. Movements after the opening are never dated before the
 * item's last movement (the ledger refuses that), so the day lists stay sorted and every as-of open amount lies
 * between zero and the amounts ever opened. Guarded by the ledger's lock.
 */
final class Item {
  final String ref;
  final AccountState account;
  final CurrencyUnit currency;
  final int openedDay;
  final int dueDay;
  final long openedBy;
  final EntryType origin;
  final long original;
  long open;
  int lastMoveDay;
  int dunningLevel;
  private int[] moveDays = NO_DAYS;
  private long[] moveDeltas = NO_DELTAS;
  private int moves;
  private int[] disputeDays = NO_DAYS;
  private int disputeToggles;

  private static final int[] NO_DAYS = new int[0];
  private static final long[] NO_DELTAS = new long[0];

  Item(String ref, AccountState account, CurrencyUnit currency, int openedDay, int dueDay, long openedBy,
      EntryType origin, long original) {
    this.ref = ref;
    this.account = account;
    this.currency = currency;
    this.openedDay = openedDay;
    this.dueDay = dueDay;
    this.openedBy = openedBy;
    this.origin = origin;
    this.original = original;
    this.open = original;
    this.lastMoveDay = openedDay;
  }

  void move(int day, long delta) {
    if (moves == moveDays.length) {
      moveDays = Arrays.copyOf(moveDays, Math.max(2, moves * 2));
      moveDeltas = Arrays.copyOf(moveDeltas, Math.max(2, moves * 2));
    }
    moveDays[moves] = day;
    moveDeltas[moves] = delta;
    moves++;
    open += delta;
    lastMoveDay = Math.max(lastMoveDay, day);
  }

  boolean moved() {
    return moves > 0;
  }

  /** The open amount at the end of a day: 0 before the item was opened. */
  long openAsOf(int day) {
    if (day < openedDay) {
      return 0;
    }
    if (day >= lastMoveDay) {
      return open;
    }
    long o = original;
    for (int i = 0; i < moves && moveDays[i] <= day; i++) {
      o += moveDeltas[i];
    }
    return o;
  }

  void toggleDispute(int day) {
    if (disputeToggles == disputeDays.length) {
      disputeDays = Arrays.copyOf(disputeDays, Math.max(2, disputeToggles * 2));
    }
    disputeDays[disputeToggles++] = day;
  }

  boolean disputed() {
    return (disputeToggles & 1) == 1;
  }

  int lastDisputeDay() {
    return disputeToggles == 0 ? Integer.MIN_VALUE : disputeDays[disputeToggles - 1];
  }

  /** Whether a dispute was open at the end of a day. */
  boolean disputedAsOf(int day) {
    int n = 0;
    while (n < disputeToggles && disputeDays[n] <= day) {
      n++;
    }
    return (n & 1) == 1;
  }
}
