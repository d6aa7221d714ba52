package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.EUR;
import static io.github.gridbill.ledger.Fx.USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.ledger.ReferenceLedger.Doc;
import io.github.gridbill.ledger.ReferenceLedger.Move;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Random operation sequences against the ledger: a differential property against {@link ReferenceLedger}, and the
 * invariants (every entry balances, the trial balance sums to zero, Σ open items = AR control, every balance = Σ its
 * entries, replaying the journal rebuilds identical state, idempotent retries change nothing).
 */
class LedgerProperties {
  static final String[] CUSTOMERS = {"C0", "C1", "C2"};
  static final LocalDate BASE = LocalDate.of(2024, 1, 1);
  static final LocalDate END = LocalDate.of(2025, 6, 30);

  sealed interface Op {
    int day();
  }

  record Issue(int customer, boolean eur, int day, int dueIn, List<Integer> cents, List<Integer> kinds)
      implements Op {}

  record Pay(int customer, boolean eur, int day, int cents, int method) implements Op {}

  record Identify(int pick, int customer, int day) implements Op {}

  record ApplyBf(int pick, int day) implements Op {}

  record ApplyOpen(int pick, List<Integer> invoices, int day) implements Op {}

  record WriteOffOp(int pick, int day) implements Op {}

  record Dispute(int pick, int day) implements Op {}

  record Credit(int pick, int day, int cents) implements Op {}

  record Reverse(int pick, int day) implements Op {}

  record Adjust(int customer, int day, int cents, int pick, boolean onInvoice) implements Op {}

  record LateFee(int customer, int day) implements Op {}

  record RefundOp(int customer, int day, int cents, boolean payOut) implements Op {}

  record Dunning(int day) implements Op {}

  record Rebill(int pick, int day, int cents) implements Op {}

  record ReverseInvoice(int pick, int day) implements Op {}

  record Close(int day) implements Op {}

  /** Mostly the documents still open (so that operations mostly succeed), sometimes all of them. */
  static List<Doc> preferOpen(ReferenceLedger model, List<Doc> docs, int pick) {
    List<Doc> open = docs.stream().filter(d -> model.open(d.key()) > 0).toList();
    return open.isEmpty() || pick % 4 == 0 ? docs : open;
  }

  /** C2 bills in EUR, the others in USD; {@code other} picks the other currency (a rare mismatch). */
  static CurrencyUnit currency(int customer, boolean other) {
    return customer == 2 ^ other ? EUR : USD;
  }

  static Arbitrary<Integer> day() {
    return Arbitraries.integers().between(0, 20);
  }

  static Arbitrary<Integer> pick() {
    return Arbitraries.integers().between(0, 1000);
  }

  static Arbitrary<Integer> customer() {
    return Arbitraries.integers().between(0, CUSTOMERS.length - 1);
  }

  static Arbitrary<Op> issue() {
    Arbitrary<List<Integer>> cents = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
        Tuple.of(20, Arbitraries.integers().between(1, 20_000).withoutEdgeCases())).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(0, 3).list().ofSize(3);
    return Combinators.combine(customer(), Arbitraries.integers().between(0, 9).map(x -> x == 0), day(),
        Arbitraries.integers().between(0, 40), cents, kinds).as(Issue::new);
  }

  static Arbitrary<Op> pay() {
    Arbitrary<Integer> payer = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(-1)), Tuple.of(8, customer()));
    return Combinators.combine(payer,
        Arbitraries.integers().between(0, 9).map(x -> x == 0), day(),
        Arbitraries.integers().between(1, 30_000).withoutEdgeCases(),
        Arbitraries.integers().between(0, PaymentMethod.values().length - 1)).as(Pay::new);
  }

  static Arbitrary<Op> coreOp() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, issue()),
        Tuple.of(5, pay()),
        Tuple.of(1, Combinators.combine(pick(), customer(), day()).as(Identify::new)),
        Tuple.of(6, Combinators.combine(pick(), day()).as(ApplyBf::new)),
        Tuple.of(3, Combinators.combine(pick(), pick().list().ofMinSize(1).ofMaxSize(3), day()).as(ApplyOpen::new)),
        Tuple.of(1, Combinators.combine(pick(), day()).as(WriteOffOp::new)),
        Tuple.of(2, Combinators.combine(pick(), day()).as(Dispute::new)),
        Tuple.of(1, Combinators.combine(pick(), day(), Arbitraries.integers().between(1, 15_000).withoutEdgeCases())
            .as(Credit::new)),
        Tuple.of(2, Combinators.combine(pick(), day()).as(Reverse::new)));
  }

  static Arbitrary<Op> anyOp() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, coreOp()),
        Tuple.of(1, Combinators.combine(customer(), day(), Arbitraries.integers().between(-5_000, 5_000), pick(),
            Arbitraries.of(true, false)).as(Adjust::new)),
        Tuple.of(1, Combinators.combine(customer(), day()).as(LateFee::new)),
        Tuple.of(1, Combinators.combine(customer(), day(), Arbitraries.integers().between(1, 5_000),
            Arbitraries.of(true, false)).as(RefundOp::new)),
        Tuple.of(1, day().map(Dunning::new)),
        Tuple.of(1, Combinators.combine(pick(), day(), Arbitraries.integers().between(0, 20_000)).as(Rebill::new)),
        Tuple.of(1, Combinators.combine(pick(), day()).as(ReverseInvoice::new)),
        Tuple.of(1, Arbitraries.integers().between(0, 3).map(Close::new)));
  }

  @Provide
  Arbitrary<List<Op>> coreOps() {
    return coreOp().list().ofMinSize(10).ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Op>> anyOps() {
    return anyOp().list().ofMinSize(10).ofMaxSize(50);
  }

  /** Op i of n happens around day i·300/n, give or take 10 days: mostly forward in time, sometimes back-dated. */
  static LocalDate date(int i, int n, int jitter) {
    return BASE.plusDays(Math.max(0, (long) i * 300 / n + jitter - 10));
  }

  static Invoice invoice(String number, String customer, CurrencyUnit cur, LocalDate issue, int dueIn,
      List<Integer> cents, List<Integer> kinds) {
    Invoice.Builder b = Invoice.builder().number(number).accountId(customer).currency(cur).issueDate(issue)
        .dueDate(issue.plusDays(dueIn));
    for (int k = 0; k < cents.size(); k++) {
      int kind = kinds.get(k);
      long c = kind == 2 ? -cents.get(k) : cents.get(k);
      Money m = Money.ofMinor(cur, c);
      b.addLine(kind == 3 ? Fx.tax("CGST", m) : Fx.line(kind == 0 ? LineKind.ENERGY : kind == 1 ? LineKind.FIXED
          : LineKind.EXPORT_CREDIT, m));
    }
    return b.build();
  }

  static long total(Invoice inv) {
    long t = 0;
    for (InvoiceLine l : inv.lines()) {
      t += l.amount().getAmountMinorLong();
    }
    return t;
  }

  private static String code(AccountKind kind) {
    switch (kind) {
      case RECEIVABLE:
        return "AR";
      case UNAPPLIED_CASH:
        return "UN";
      case UNIDENTIFIED_CASH:
        return "UI";
      default:
        return "RF";
    }
  }

  /** The item movements of an entry, summed per item key. */
  static Map<String, Long> itemMoves(JournalEntry e) {
    Map<String, Long> out = new TreeMap<>();
    for (JournalLine l : e.lines()) {
      AccountKind k = l.account().kind();
      if (k.isItemManaged()) {
        long a = l.amount().getAmountMinorLong();
        out.merge(code(k) + ":" + l.itemRef().orElseThrow(), l.side() == k.normalSide() ? a : -a, Long::sum);
      }
    }
    return out;
  }

  static Map<String, Long> sum(List<Move> moves) {
    Map<String, Long> out = new TreeMap<>();
    moves.forEach(m -> out.merge(m.key(), m.delta(), Long::sum));
    return out;
  }

  /** A successful posting and how to retry it. */
  record Done(Supplier<Object> retry, Object result) {}

  // ------------------------------------------------------------------------------------------ differential

  @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
  void ledgerAgreesWithTheReferenceModel(@ForAll("coreOps") List<Op> ops) {
    Ledger ledger = Fx.ledger();
    ReferenceLedger model = new ReferenceLedger();
    Map<EntryType, Integer> accepted = new java.util.EnumMap<>(EntryType.class);
    List<Done> done = new ArrayList<>();
    LinkedHashSet<LocalDate> days = new LinkedHashSet<>();
    int n = ops.size();
    for (int i = 0; i < n; i++) {
      Op op = ops.get(i);
      String key = "op-" + i;
      LocalDate date = date(i, n, op.day());
      int day = LedgerState.day(date);
      days.add(date);
      Optional<List<Move>> predicted;
      Supplier<PostingResult> action;
      List<Doc> opened = new ArrayList<>();
      EntryType type;
      String disputeRef = null;
      if (op instanceof Issue o) {
        CurrencyUnit cur = currency(o.customer(), o.eur());
        Invoice inv = invoice("INV-" + i, CUSTOMERS[o.customer()], cur, date, o.dueIn(), o.cents(), o.kinds());
        long t = total(inv);
        predicted = model.issue(inv.number(), t, day);
        String kind = t < 0 ? "UN" : "AR";
        opened.add(new Doc(kind + ":" + inv.number(), inv.number(), inv.accountId(), cur, day,
            t < 0 ? day : LedgerState.day(inv.dueDate()), 0));
        action = () -> ledger.issueInvoice(key, inv);
        type = EntryType.INVOICE;
      } else if (op instanceof Pay o) {
        String customer = o.customer() < 0 ? null : CUSTOMERS[o.customer()];
        CurrencyUnit cur = currency(o.customer(), o.eur());
        Payment p = Payment.builder().paymentId("PAY-" + i).accountId(Optional.ofNullable(customer))
            .amount(Money.ofMinor(cur, o.cents())).method(Fx.METHODS.get(o.method())).receivedOn(date).build();
        predicted = model.pay(p.paymentId(), customer, o.cents(), day);
        opened.add(new Doc((customer == null ? "UI:" : "UN:") + p.paymentId(), p.paymentId(), customer, cur, day, day,
            0));
        action = () -> ledger.recordPayment(key, p);
        type = EntryType.PAYMENT;
      } else if (op instanceof Identify o) {
        List<Doc> ui = model.docs("UI");
        if (ui.isEmpty()) {
          continue;
        }
        Doc d = ui.get(o.pick() % ui.size());
        String customer = CUSTOMERS[o.customer()];
        predicted = model.identify(d.ref(), customer, day);
        opened.add(new Doc("UN:" + d.ref(), d.ref(), customer, d.currency(), day, day, 0));
        action = () -> ledger.identifyPayment(key, d.ref(), customer, date);
        type = EntryType.PAYMENT_IDENTIFIED;
      } else if (op instanceof ApplyBf o) {
        List<Doc> un = preferOpen(model, model.docs("UN"), o.pick());
        if (un.isEmpty()) {
          continue;
        }
        Doc d = un.get(o.pick() % un.size());
        predicted = model.applyBalanceForward(d.ref(), day);
        action = () -> ledger.applyPayment(key, PaymentApplication.balanceForward(d.ref(), date));
        type = EntryType.APPLICATION;
      } else if (op instanceof ApplyOpen o) {
        List<Doc> un = preferOpen(model, model.docs("UN"), o.pick());
        List<Doc> ar = preferOpen(model, model.docs("AR"), o.pick());
        if (un.isEmpty() || ar.isEmpty()) {
          continue;
        }
        Doc d = un.get(o.pick() % un.size());
        List<Doc> own = ar.stream().filter(x -> java.util.Objects.equals(x.customer(), d.customer())).toList();
        List<Doc> from = own.isEmpty() || o.pick() % 5 == 0 ? ar : own;
        List<String> invoices = new ArrayList<>(new LinkedHashSet<>(o.invoices().stream()
            .map(p -> from.get(p % from.size()).ref()).toList()));
        predicted = model.applyOpenItem(d.ref(), invoices, day);
        Allocation[] allocations = invoices.stream().map(Allocation::of).toArray(Allocation[]::new);
        action = () -> ledger.applyPayment(key, PaymentApplication.openItem(d.ref(), date, allocations));
        type = EntryType.APPLICATION;
      } else if (op instanceof WriteOffOp o) {
        List<Doc> ar = model.docs("AR");
        if (ar.isEmpty()) {
          continue;
        }
        Doc d = ar.get(o.pick() % ar.size());
        predicted = model.writeOff(d.ref(), day);
        action = () -> ledger.writeOff(key, WriteOff.builder().invoiceNumber(d.ref()).date(date).build());
        type = EntryType.WRITE_OFF;
      } else if (op instanceof Dispute o) {
        List<Doc> ar = model.docs("AR");
        if (ar.isEmpty()) {
          continue;
        }
        Doc d = ar.get(o.pick() % ar.size());
        predicted = model.toggleDispute(d.ref(), day);
        boolean resolve = model.disputed(d.ref());
        action = () -> resolve ? ledger.resolveDispute(key, d.ref(), date, "resolved")
            : ledger.openDispute(key, d.ref(), date, "disputed");
        type = resolve ? EntryType.DISPUTE_RESOLVED : EntryType.DISPUTE_OPENED;
        disputeRef = d.ref();
      } else if (op instanceof Credit o) {
        List<Doc> ar = model.docs("AR");
        if (ar.isEmpty()) {
          continue;
        }
        Doc d = ar.get(o.pick() % ar.size());
        String number = "CN-" + i;
        Invoice cn = Fx.invoice(number, java.util.Objects.requireNonNull(d.customer()), date.toString(),
            date.toString(),
            Fx.line(LineKind.ENERGY, Money.ofMinor(d.currency(), -o.cents())));
        predicted = model.creditNote(d.ref(), number, o.cents(), day);
        if (predicted.isPresent() && predicted.get().stream().anyMatch(m -> m.key().equals("UN:" + number))) {
          opened.add(new Doc("UN:" + number, number, d.customer(), d.currency(), day, day, 0));
        }
        action = () -> ledger.issueCreditNote(key, cn, d.ref());
        type = EntryType.CREDIT_NOTE;
      } else if (op instanceof Reverse o) {
        if (model.seq == 0) {
          continue;
        }
        long target = 1 + o.pick() % model.seq;
        predicted = model.reverse(target, day);
        action = () -> ledger.reverse(key, target, date, "reversed");
        type = EntryType.REVERSAL;
        if (predicted.isPresent()) {
          model.reversedBy.put(target, model.seq + 1);
        }
      } else {
        throw new IllegalStateException("not a core op: " + op);
      }
      long before = ledger.lastSequence();
      PostingResult r = null;
      BillingException refused = null;
      try {
        r = action.get();
      } catch (BillingException e) {
        refused = e;
      }
      assertThat(r != null).as("op %d %s on %s: ledger %s, model %s", i, op, date,
          refused == null ? "accepted" : "refused with " + refused, predicted.isPresent() ? "accepts" : "refuses")
          .isEqualTo(predicted.isPresent());
      if (r == null) {
        assertThat(ledger.lastSequence()).isEqualTo(before);
        continue;
      }
      assertThat(r.isNew()).isTrue();
      assertThat(r.entry().type()).isEqualTo(type);
      assertThat(itemMoves(r.entry())).as("op %d %s", i, op).isEqualTo(sum(predicted.orElseThrow()));
      accepted.merge(type, 1, Integer::sum);
      model.commit(type, day, predicted.get(), opened);
      if (disputeRef != null) {
        model.commitDispute(disputeRef, day);
      }
      PostingResult original = r;
      done.add(new Done(() -> action.get(), original));
    }
    days.add(END);
    for (EntryType t : List.of(EntryType.APPLICATION, EntryType.REVERSAL, EntryType.DISPUTE_OPENED,
        EntryType.CREDIT_NOTE, EntryType.WRITE_OFF, EntryType.PAYMENT_IDENTIFIED)) {
      Statistics.label(t.name()).collect(accepted.containsKey(t));
    }
    Statistics.label("refused").collect(n - done.size() > 0);
    // the generator must exercise the interesting operations, not only refusals
    Statistics.label("APPLICATION").coverage(c -> c.check(true).percentage(p -> p >= 40));
    Statistics.label("REVERSAL").coverage(c -> c.check(true).percentage(p -> p >= 40));
    Statistics.label("DISPUTE_OPENED").coverage(c -> c.check(true).percentage(p -> p >= 30));
    Statistics.label("CREDIT_NOTE").coverage(c -> c.check(true).percentage(p -> p >= 30));
    Statistics.label("WRITE_OFF").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("PAYMENT_IDENTIFIED").coverage(c -> c.check(true).percentage(p -> p >= 1));
    Statistics.label("refused").coverage(c -> c.check(true).percentage(p -> p >= 50));
    for (LocalDate day : days) {
      compareWithModel(ledger, model, day);
    }
    assertInvariants(ledger, days);
    assertReplayAndRetries(ledger, done, days);
  }

  private static void compareWithModel(Ledger ledger, ReferenceLedger model, LocalDate date) {
    int day = LedgerState.day(date);
    assertThat(view(ledger.openItems(date))).as("open items on %s", date).isEqualTo(modelView(model, "AR", null,
        day));
    assertThat(view(ledger.unidentifiedPayments(date))).as("unidentified on %s", date)
        .isEqualTo(modelView(model, "UI", null, day));
    for (String c : CUSTOMERS) {
      assertThat(view(ledger.openCredits(c, date))).as("credits of %s on %s", c, date)
          .isEqualTo(modelView(model, "UN", c, day));
      assertThat(view(ledger.openItems(c, date))).as("open items of %s on %s", c, date)
          .isEqualTo(modelView(model, "AR", c, day));
    }
  }

  private static Map<String, String> view(List<OpenItem> items) {
    Map<String, String> out = new TreeMap<>();
    items.forEach(i -> out.put(i.number(), i.openAmount() + (i.disputed() ? " disputed" : "") + " due "
        + i.dueDate()));
    return out;
  }

  private static Map<String, String> modelView(ReferenceLedger model, String kind, @Nullable String customer,
      int day) {
    Map<String, String> out = new TreeMap<>();
    for (Doc d : model.docs(kind)) {
      if ((customer != null && !customer.equals(d.customer())) || d.openedDay() > day) {
        continue;
      }
      long open = model.openAt(d.key(), day);
      if (open != 0) {
        boolean disputed = kind.equals("AR") && model.disputedAt(d.ref(), day);
        out.put(d.ref(), Money.ofMinor(d.currency(), open) + (disputed ? " disputed" : "") + " due "
            + LedgerState.date(d.dueDay()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ invariants

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void invariantsHoldOverEveryOperation(@ForAll("anyOps") List<Op> ops) {
    Ledger ledger = Fx.ledger();
    List<String> invoices = new ArrayList<>();
    List<String> payments = new ArrayList<>();
    List<String> unidentified = new ArrayList<>();
    List<Done> done = new ArrayList<>();
    LinkedHashSet<LocalDate> days = new LinkedHashSet<>();
    DunningPolicy dunning = AgingDunningTest.policy();
    LateFeePolicy lateFee = LateFeePolicy.builder().currency(USD).rate(new BigDecimal("0.015"))
        .flatFee(Money.ofMinor(USD, 500)).graceDays(3).build();
    int n = ops.size();
    for (int i = 0; i < n; i++) {
      Op op = ops.get(i);
      String key = "op-" + i;
      LocalDate date = date(i, n, op.day());
      days.add(date);
      String number = "DOC-" + i;
      Supplier<Object> action;
      Runnable onSuccess = () -> { };
      if (op instanceof Issue o) {
        Invoice inv = invoice(number, CUSTOMERS[o.customer()], currency(o.customer(), o.eur()), date, o.dueIn(),
            o.cents(), o.kinds());
        action = () -> ledger.issueInvoice(key, inv);
        onSuccess = () -> (total(inv) < 0 ? payments : invoices).add(number);
      } else if (op instanceof Pay o) {
        String customer = o.customer() < 0 ? null : CUSTOMERS[o.customer()];
        Payment p = Payment.builder().paymentId(number).accountId(Optional.ofNullable(customer))
            .amount(Money.ofMinor(currency(Math.max(0, o.customer()), o.eur()), o.cents()))
            .method(Fx.METHODS.get(o.method()))
            .receivedOn(date).build();
        action = () -> ledger.recordPayment(key, p);
        onSuccess = () -> (customer == null ? unidentified : payments).add(number);
      } else if (op instanceof Identify o) {
        if (unidentified.isEmpty()) {
          continue;
        }
        String id = unidentified.get(o.pick() % unidentified.size());
        action = () -> ledger.identifyPayment(key, id, CUSTOMERS[o.customer()], date);
        onSuccess = () -> payments.add(id);
      } else if (op instanceof ApplyBf o) {
        if (payments.isEmpty()) {
          continue;
        }
        String id = payments.get(o.pick() % payments.size());
        action = () -> ledger.applyPayment(key, PaymentApplication.balanceForward(id, date));
      } else if (op instanceof ApplyOpen o) {
        if (payments.isEmpty() || invoices.isEmpty()) {
          continue;
        }
        String id = payments.get(o.pick() % payments.size());
        Allocation[] a = new LinkedHashSet<>(o.invoices().stream().map(p -> invoices.get(p % invoices.size()))
            .toList()).stream().map(Allocation::of).toArray(Allocation[]::new);
        action = () -> ledger.applyPayment(key, PaymentApplication.openItem(id, date, a));
      } else if (op instanceof WriteOffOp o) {
        if (invoices.isEmpty()) {
          continue;
        }
        String inv = invoices.get(o.pick() % invoices.size());
        action = () -> ledger.writeOff(key, WriteOff.builder().invoiceNumber(inv).date(date).build());
      } else if (op instanceof Dispute o) {
        if (invoices.isEmpty()) {
          continue;
        }
        String inv = invoices.get(o.pick() % invoices.size());
        boolean resolve = ledger.item(inv).map(OpenItem::disputed).orElse(false);
        action = () -> resolve ? ledger.resolveDispute(key, inv, date, "r") : ledger.openDispute(key, inv, date,
            "d");
      } else if (op instanceof Credit o) {
        if (invoices.isEmpty()) {
          continue;
        }
        String inv = invoices.get(o.pick() % invoices.size());
        OpenItem item = ledger.item(inv).orElseThrow();
        Invoice cn = Fx.invoice(number, item.accountId().orElseThrow(), date.toString(), date.toString(),
            Fx.line(LineKind.ENERGY, Money.ofMinor(item.currency(), -o.cents())));
        action = () -> ledger.issueCreditNote(key, cn, inv);
        onSuccess = () -> payments.add(number);
      } else if (op instanceof Reverse o) {
        long last = ledger.lastSequence();
        if (last == 0) {
          continue;
        }
        action = () -> ledger.reverse(key, 1 + o.pick() % last, date, "r");
      } else if (op instanceof Adjust o) {
        String customer = CUSTOMERS[o.customer()];
        if (o.cents() == 0) {
          continue;
        }
        Adjustment.Builder b = Adjustment.builder().documentNumber(number).accountId(customer)
            .amount(Money.ofMinor(USD, o.cents())).date(date);
        if (o.cents() < 0 && o.onInvoice() && !invoices.isEmpty()) {
          b.invoiceNumber(invoices.get(o.pick() % invoices.size()));
        }
        Adjustment adj = b.build();
        action = () -> ledger.adjust(key, adj);
        onSuccess = () -> {
          if (adj.amount().isPositive()) {
            invoices.add(number);
          } else if (adj.invoiceNumber().isEmpty()) {
            payments.add(number);
          }
        };
      } else if (op instanceof LateFee o) {
        action = () -> ledger.assessLateFee(key, CUSTOMERS[o.customer()], date, lateFee)
            .orElseThrow(() -> new io.github.gridbill.core.BusinessRuleException("fee", null, "none due"));
        onSuccess = () -> invoices.add(key);
      } else if (op instanceof RefundOp o) {
        Refund rf = Refund.builder().refundId(number).accountId(CUSTOMERS[o.customer()])
            .amount(Money.ofMinor(USD, o.cents())).date(date).build();
        String bankRef = "B-" + i;
        action = () -> {
          PostingResult r = ledger.refund(key, rf);
          return o.payOut() ? ledger.payRefund(key + "/paid", number, PaymentMethod.EFT, date, bankRef) : r;
        };
      } else if (op instanceof Dunning) {
        action = () -> ledger.runDunning(key, date, dunning);
      } else if (op instanceof Rebill o) {
        if (invoices.isEmpty()) {
          continue;
        }
        String inv = invoices.get(o.pick() % invoices.size());
        OpenItem item = ledger.item(inv).orElseThrow();
        Invoice replacement = Fx.invoice(number, item.accountId().orElseThrow(), date.toString(),
            date.plusDays(20).toString(), Fx.line(LineKind.ENERGY, Money.ofMinor(item.currency(), o.cents())));
        action = () -> ledger.cancelAndRebill(key, inv, replacement, "rebill");
        onSuccess = () -> invoices.add(number);
      } else if (op instanceof ReverseInvoice o) {
        if (invoices.isEmpty()) {
          continue;
        }
        String inv = invoices.get(o.pick() % invoices.size());
        action = () -> ledger.reverseInvoice(key, inv, date, "cancel");
      } else if (op instanceof Close o) {
        action = () -> ledger.closePeriod(key, BASE.plusDays(o.day() * 10L));
      } else {
        throw new IllegalStateException("unknown op " + op);
      }
      long before = ledger.lastSequence();
      List<Object> snapshot = before < 8 ? Fx.snapshot(ledger, END) : List.of();
      try {
        Object result = action.get();
        onSuccess.run();
        done.add(new Done(action, result));
      } catch (BillingException e) {
        if (op instanceof RefundOp && ledger.lastSequence() == before + 1) {
          throw new AssertionError("a refund posted but its payout failed", e);
        }
        assertThat(ledger.lastSequence()).as("refused %s changed the ledger: %s", op, e).isEqualTo(before);
        if (!snapshot.isEmpty()) {
          assertThat(Fx.snapshot(ledger, END)).isEqualTo(snapshot);
        }
      }
    }
    java.util.Set<EntryType> types = java.util.EnumSet.noneOf(EntryType.class);
    for (long s = 1; s <= ledger.lastSequence(); s++) {
      types.add(ledger.entry(s).type());
    }
    boolean notices = done.stream().anyMatch(d -> d.result() instanceof DunningRun r && !r.notices().isEmpty());
    Statistics.label("notices").collect(notices);
    for (EntryType t : List.of(EntryType.ADJUSTMENT, EntryType.LATE_FEE, EntryType.REFUND, EntryType.REFUND_PAID,
        EntryType.REBILL, EntryType.PERIOD_CLOSED, EntryType.APPLICATION)) {
      Statistics.label(t.name()).collect(types.contains(t));
    }
    Statistics.label("notices").coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("LATE_FEE").coverage(c -> c.check(true).percentage(p -> p >= 3));
    Statistics.label("REBILL").coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("REFUND").coverage(c -> c.check(true).percentage(p -> p >= 2));
    Statistics.label("ADJUSTMENT").coverage(c -> c.check(true).percentage(p -> p >= 5));
    days.add(END);
    assertInvariants(ledger, days);
    assertReplayAndRetries(ledger, done, days);
  }

  // ------------------------------------------------------------------------------------------ shared checks

  static void assertInvariants(Ledger ledger, Iterable<LocalDate> days) {
    List<JournalEntry> entries = new ArrayList<>();
    for (long s = 1; s <= ledger.lastSequence(); s++) {
      JournalEntry e = ledger.entry(s);
      entries.add(e);
      Map<CurrencyUnit, Long> sums = new HashMap<>();
      e.lines().forEach(l -> sums.merge(l.amount().getCurrencyUnit(), l.signedMinor(), Long::sum));
      assertThat(sums.values()).as("entry #%d balances", s).allMatch(v -> v == 0);
      assertThat(e.lines().size()).as("entry #%d lines", s).isIn(e.type().isFinancial() ? List.of(2, 3, 4, 5, 6, 7, 8,
          9, 10, 11, 12) : List.of(0));
    }
    for (LocalDate day : days) {
      Fx.assertBooksBalance(ledger, day);
      Map<CurrencyUnit, Money> open = new HashMap<>();
      ledger.openItems(day).forEach(i -> open.merge(i.currency(), i.openAmount(), Money::plus));
      for (CurrencyUnit cur : List.of(USD, EUR)) {
        assertThat(open.getOrDefault(cur, Money.zero(cur))).as("Σ open items = AR control in %s on %s", cur, day)
            .isEqualTo(ledger.arControl(cur, day));
      }
      ledger.aging(day).totals().forEach(t -> assertThat(t.tiesToControl()).isTrue());
      assertAgingAsReference(ledger, entries, day);
      // every account's balance is the sum of its entries' lines up to the day
      Map<String, Long> fromEntries = new HashMap<>();
      for (JournalEntry e : entries) {
        if (!e.effectiveDate().isAfter(day)) {
          e.lines().forEach(l -> fromEntries.merge(l.account() + " " + l.amount().getCurrencyUnit(), l.signedMinor(),
              Long::sum));
        }
      }
      for (LedgerAccount a : ledger.accounts()) {
        for (CurrencyUnit cur : List.of(USD, EUR)) {
          assertThat(ledger.balance(a, cur, day).getAmountMinorLong()).as("%s %s on %s", a, cur, day)
              .isEqualTo(fromEntries.getOrDefault(a + " " + cur, 0L));
        }
      }
      for (String c : ledger.customers()) {
        for (CurrencyUnit cur : List.of(USD, EUR)) {
          long expected = fromEntries.getOrDefault(LedgerAccount.receivable(c) + " " + cur, 0L)
              + fromEntries.getOrDefault(LedgerAccount.unappliedCash(c) + " " + cur, 0L);
          assertThat(ledger.customerBalance(c, cur, day).getAmountMinorLong()).isEqualTo(expected);
        }
      }
    }
    for (String c : ledger.customers()) {
      CustomerStatement s = ledger.statement(c, USD, BASE.plusDays(60), END);
      Money sum = s.openingBalance();
      for (StatementLine l : s.lines()) {
        sum = sum.plus(l.amount());
        assertThat(l.balance()).isEqualTo(sum);
      }
      assertThat(sum).isEqualTo(s.closingBalance());
    }
  }

  /** The aging reports equal those of the original per-customer algorithm, for both bases and two bucket sets. */
  static void assertAgingAsReference(Ledger ledger, List<JournalEntry> entries, LocalDate day) {
    LedgerState state = new LedgerState();
    entries.forEach(state::apply);
    int d = LedgerState.day(day);
    for (AgingPolicy p : List.of(AgingPolicy.standard(), AgingPolicy.of(AgingBasis.INVOICE_DATE, List.of(10, 20)),
        AgingPolicy.of(AgingBasis.DUE_DATE, List.of(5)))) {
      AgingReport expected = ReferenceAging.report(state, day, d, p);
      assertThat(Aging.report(state, day, d, p)).as("aging on %s by %s", day, p).isEqualTo(expected);
      assertThat(ledger.aging(day, p)).isEqualTo(expected);
    }
  }

  static void assertReplayAndRetries(Ledger ledger, List<Done> done, Iterable<LocalDate> days) {
    List<LocalDate> all = new ArrayList<>();
    days.forEach(all::add);
    LocalDate[] sample = all.stream().limit(4).toArray(LocalDate[]::new);
    List<Object> before = Fx.snapshot(ledger, sample);
    Ledger replayed = Ledger.open(ledger.store(), Fx.CLOCK, Long.MAX_VALUE);
    assertThat(Fx.snapshot(replayed, sample)).as("replaying the journal rebuilds identical state").isEqualTo(before);
    Ledger pipelined = Ledger.open(ledger.store(), Fx.CLOCK, 1);
    assertThat(Fx.snapshot(pipelined, sample)).as("decoding on a second thread rebuilds the same state")
        .isEqualTo(before);
    for (Done d : done) {
      Object again = d.retry().get();
      if (again instanceof PostingResult r) {
        assertThat(r.replayed()).isTrue();
        assertThat(r.entry()).isEqualTo(((PostingResult) d.result()).entry());
      } else if (again instanceof DunningRun run) {
        assertThat(run.posting().replayed()).isTrue();
        assertThat(run.notices()).isEqualTo(((DunningRun) d.result()).notices());
      }
    }
    assertThat(Fx.snapshot(ledger, sample)).as("idempotent retries change nothing").isEqualTo(before);
  }
}
