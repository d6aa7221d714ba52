package io.github.gridbill.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately naive model of the ledger's open items: plain lists of documents and movements, every amount
 * recomputed from scratch by summing. Each operation returns the item movements it predicts (keyed
 * {@code "AR:INV-1"}, {@code "UN:PAY-1"}, {@code "UI:PAY-9"}) or empty when the ledger must refuse it; the test commits
 * the prediction only when the ledger accepted.
 */
final class ReferenceLedger {
  /** A document: an invoice, payment or credit. */
  record Doc(String key, String ref, @Nullable String customer, CurrencyUnit currency, int openedDay, int dueDay,
      long seq) {}

  /** A movement of an item on a day. */
  record Move(String key, int day, long delta) {}

  final Map<String, Doc> docs = new LinkedHashMap<>();
  final List<Move> moves = new ArrayList<>();
  final Map<String, List<Integer>> disputes = new HashMap<>();
  final Set<String> customers = new LinkedHashSet<>();
  final Map<Long, List<Move>> movesBySeq = new HashMap<>();
  final Map<Long, EntryType> types = new HashMap<>();
  final Map<Long, Integer> days = new HashMap<>();
  final Map<Long, Long> reversedBy = new HashMap<>();
  long seq;

  long open(String key) {
    long s = 0;
    for (Move m : moves) {
      if (m.key().equals(key)) {
        s += m.delta();
      }
    }
    return s;
  }

  long openAt(String key, int day) {
    long s = 0;
    for (Move m : moves) {
      if (m.key().equals(key) && m.day() <= day) {
        s += m.delta();
      }
    }
    return s;
  }

  int lastMove(String key) {
    int last = Integer.MIN_VALUE;
    for (Move m : moves) {
      if (m.key().equals(key)) {
        last = Math.max(last, m.day());
      }
    }
    return last;
  }

  boolean disputed(String ref) {
    return disputes.getOrDefault(ref, List.of()).size() % 2 == 1;
  }

  boolean disputedAt(String ref, int day) {
    return disputes.getOrDefault(ref, List.of()).stream().filter(d -> d <= day).count() % 2 == 1;
  }

  int lastToggle(String ref) {
    List<Integer> t = disputes.getOrDefault(ref, List.of());
    return t.isEmpty() ? Integer.MIN_VALUE : t.get(t.size() - 1);
  }

  List<Doc> docs(String kind) {
    return docs.values().stream().filter(d -> d.key().startsWith(kind + ":")).toList();
  }

  /** Records an accepted posting: its type, day, movements, and the documents it opened. */
  void commit(EntryType type, int day, List<Move> predicted, List<Doc> opened) {
    seq++;
    types.put(seq, type);
    days.put(seq, day);
    movesBySeq.put(seq, predicted);
    moves.addAll(predicted);
    for (Doc d : opened) {
      docs.putIfAbsent(d.key(), new Doc(d.key(), d.ref(), d.customer(), d.currency(), d.openedDay(), d.dueDay(),
          seq));
      if (d.customer() != null) {
        customers.add(d.customer());
      }
    }
  }

  Optional<List<Move>> issue(String number, long total, int day) {
    String key = (total < 0 ? "UN:" : "AR:") + number;
    return Optional.of(List.of(new Move(key, day, Math.abs(total))));
  }

  Optional<List<Move>> pay(String id, @Nullable String customer, long amount, int day) {
    if (customer != null && !customers.contains(customer)) {
      return Optional.empty();
    }
    return Optional.of(List.of(new Move((customer == null ? "UI:" : "UN:") + id, day, amount)));
  }

  Optional<List<Move>> identify(String id, String customer, int day) {
    String key = "UI:" + id;
    long open = open(key);
    Doc before = docs.get("UN:" + id);
    if (open == 0 || !customers.contains(customer) || day < lastMove(key)
        || (before != null && (!customer.equals(before.customer()) || day < lastMove(before.key())))) {
      return Optional.empty();
    }
    return Optional.of(List.of(new Move(key, day, -open), new Move("UN:" + id, day, open)));
  }

  /** Balance-forward: open undisputed items of the customer in the currency, not moved after the day, oldest due. */
  Optional<List<Move>> applyBalanceForward(String source, int day) {
    Doc src = docs.get("UN:" + source);
    long left = src == null ? 0 : open(src.key());
    if (src == null || left == 0 || day < lastMove(src.key())) {
      return Optional.empty();
    }
    List<Doc> candidates = new ArrayList<>();
    for (Doc d : docs("AR")) {
      if (Objects.equals(src.customer(), d.customer()) && d.currency().equals(src.currency()) && open(d.key()) > 0
          && !disputed(d.ref()) && lastMove(d.key()) <= day) {
        candidates.add(d);
      }
    }
    candidates.sort(Comparator.comparingInt(Doc::dueDay).thenComparingInt(Doc::openedDay)
        .thenComparingLong(Doc::seq));
    List<Move> out = new ArrayList<>();
    long applied = 0;
    for (Doc d : candidates) {
      if (left == 0) {
        break;
      }
      long x = Math.min(left, open(d.key()));
      out.add(new Move(d.key(), day, -x));
      left -= x;
      applied += x;
    }
    if (out.isEmpty()) {
      return Optional.empty();
    }
    out.add(0, new Move(src.key(), day, -applied));
    return Optional.of(out);
  }

  /** Open-item without amounts: each named invoice gets the lesser of its open amount and what is left. */
  Optional<List<Move>> applyOpenItem(String source, List<String> invoices, int day) {
    Doc src = docs.get("UN:" + source);
    long available = src == null ? 0 : open(src.key());
    if (src == null || available == 0) {
      return Optional.empty();
    }
    List<Move> out = new ArrayList<>();
    long total = 0;
    for (String n : invoices) {
      Doc d = docs.get("AR:" + n);
      if (d == null || !Objects.equals(src.customer(), d.customer()) || !d.currency().equals(src.currency())
          || open(d.key()) == 0) {
        return Optional.empty();
      }
      long x = Math.min(open(d.key()), Math.max(0, available - total));
      total += x;
      if (x > 0) {
        if (day < lastMove(d.key())) {
          return Optional.empty();
        }
        out.add(new Move(d.key(), day, -x));
      }
    }
    if (out.isEmpty() || day < lastMove(src.key())) {
      return Optional.empty();
    }
    out.add(0, new Move(src.key(), day, -total));
    return Optional.of(out);
  }

  Optional<List<Move>> writeOff(String invoice, int day) {
    String key = "AR:" + invoice;
    long open = open(key);
    if (open == 0 || day < lastMove(key)) {
      return Optional.empty();
    }
    return Optional.of(List.of(new Move(key, day, -open)));
  }

  /** Opens a dispute, or resolves the one open. */
  Optional<List<Move>> toggleDispute(String invoice, int day) {
    Doc d = docs.get("AR:" + invoice);
    if (d == null || day < lastToggle(invoice)) {
      return Optional.empty();
    }
    if (!disputed(invoice) && (open(d.key()) == 0 || day < d.openedDay())) {
      return Optional.empty();
    }
    return Optional.of(List.of());
  }

  void commitDispute(String invoice, int day) {
    disputes.computeIfAbsent(invoice, k -> new ArrayList<>()).add(day);
  }

  Optional<List<Move>> creditNote(String invoice, String number, long credit, int day) {
    String key = "AR:" + invoice;
    long applied = Math.min(credit, open(key));
    if (applied > 0 && day < lastMove(key)) {
      return Optional.empty();
    }
    List<Move> out = new ArrayList<>();
    if (applied > 0) {
      out.add(new Move(key, day, -applied));
    }
    if (credit > applied) {
      out.add(new Move("UN:" + number, day, credit - applied));
    }
    return Optional.of(out);
  }

  /** The mirror of an entry's movements, checked line by line against running open amounts. */
  Optional<List<Move>> reverse(long target, int day) {
    EntryType t = types.get(target);
    if (t == null || !t.isFinancial() || t == EntryType.REVERSAL || reversedBy.containsKey(target)
        || day < Objects.requireNonNull(days.get(target))) {
      return Optional.empty();
    }
    Map<String, Long> running = new HashMap<>();
    List<Move> out = new ArrayList<>();
    for (Move m : Objects.requireNonNull(movesBySeq.get(target))) {
      if (!running.containsKey(m.key())) {
        if (day < lastMove(m.key())) {
          return Optional.empty();
        }
        running.put(m.key(), open(m.key()));
      }
      long now = running.get(m.key());
      if (-m.delta() < 0 && m.delta() > now) {
        return Optional.empty();
      }
      running.put(m.key(), now - m.delta());
      out.add(new Move(m.key(), day, -m.delta()));
    }
    return Optional.of(out);
  }
}
