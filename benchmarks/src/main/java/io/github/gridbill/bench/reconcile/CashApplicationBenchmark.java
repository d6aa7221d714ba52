package io.github.gridbill.bench.reconcile;

import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import io.github.gridbill.reconcile.cash.CashApplicationEngine;
import io.github.gridbill.reconcile.cash.CashApplicationReport;
import io.github.gridbill.reconcile.cash.OpenItem;
import io.github.gridbill.reconcile.cash.OpenItemIndex;
import io.github.gridbill.reconcile.cash.Payment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cash application at the size the reconciliation issue sets: {@code bankLines} payments (100,000) against
 * {@code openItems} open items (1,000,000: 100,000 accounts with 10 items each), one thread. The payments are 80 %
 * by reference (the invoice number in the structured reference or inside free text, half each), 15 % by amount or
 * oldest items (the payer given or named in the text; the amount of one item, or of the two oldest together), 5 %
 * unmatched (no payer, no reference). Inputs are built in {@code @Setup} from a fixed seed.
 *
 * <p>{@link #applyPrebuiltIndex()} is the issue's figure (the index is built once and reused, as a caller matching
 * statement after statement would); {@link #indexAndApply()} includes indexing the million items;
 * {@link #indexOnly()} is the index alone; {@link #bareHashMapLookup()} is the floor: one {@code HashMap} look-up
 * of each payment's first reference and a sum, nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CashApplicationBenchmark {

  /** Open items (10 per account). */
  @Param({"1000000"})
  public int openItems;

  /** Bank lines (payments). */
  @Param({"100000"})
  public int bankLines;

  List<OpenItem> items = List.of();
  List<Payment> payments = List.of();
  OpenItemIndex index = OpenItemIndex.of(List.of());
  Map<String, OpenItem> byInvoice = Map.of();
  final CashApplicationEngine engine = CashApplicationEngine.of(CashApplicationConfig.defaults());

  /** Builds the items, the payments, the index and the bare map, from seed 20240305. */
  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom r = new SplittableRandom(20240305L);
    CurrencyUnit usd = CurrencyUnit.USD;
    int accounts = Math.max(1, openItems / 10);
    LocalDate[] days = new LocalDate[400];
    for (int d = 0; d < days.length; d++) {
      days[d] = LocalDate.of(2024, 1, 1).plusDays(d);
    }
    List<OpenItem> its = new ArrayList<>(openItems);
    for (int i = 0; i < openItems; i++) {
      int a = i % accounts;
      int k = i / accounts;
      int issue = k * 30 + r.nextInt(20);
      // amounts of one account differ in their last digit, so an amount names one item
      long minor = (100 + r.nextInt(4900)) * 10L + k;
      its.add(OpenItem.of(account(a), String.format("INV-%08d", i), days[issue], days[issue + 15],
          Money.ofMinor(usd, minor), false));
    }
    items = its;
    // accounts [0, byAmount) are paid by amount or oldest items; the others' items are paid by reference
    int byAmount = bankLines * 15 / 100;
    int unmatched = bankLines * 5 / 100;
    int byReference = bankLines - byAmount - unmatched;
    List<Payment> ps = new ArrayList<>(bankLines);
    int[] referable = new int[openItems];
    int nRef = 0;
    for (int i = 0; i < openItems; i++) {
      if (i % accounts >= byAmount) {
        referable[nRef++] = i;
      }
    }
    for (int j = 0; j < byReference; j++) {
      int pick = j + r.nextInt(nRef - j);
      int tmp = referable[j];
      referable[j] = referable[pick];
      referable[pick] = tmp;
      OpenItem it = its.get(referable[j]);
      Payment.Builder p = Payment.builder().id("L" + ps.size()).amount(it.openAmount()).valueDate(days[390]);
      if (r.nextBoolean()) {
        p.addReference(it.invoiceNumber());
      } else {
        p.freeText("Payment for " + it.invoiceNumber() + " thank you");
      }
      ps.add(p.build());
    }
    for (int a = 0; a < byAmount; a++) {
      // the account's items oldest first are i = a, a + accounts, a + 2 * accounts, ...
      long amount = r.nextBoolean() ? its.get(a + 3 * accounts).openAmount().getAmountMinorLong()
          : its.get(a).openAmount().getAmountMinorLong() + its.get(a + accounts).openAmount().getAmountMinorLong();
      Payment.Builder p = Payment.builder().id("L" + ps.size()).amount(Money.ofMinor(usd, amount))
          .valueDate(days[390]);
      if (r.nextBoolean()) {
        p.payerAccountId(account(a));
      } else {
        p.freeText("customer " + account(a) + " March");
      }
      ps.add(p.build());
    }
    for (int u = 0; u < unmatched; u++) {
      ps.add(Payment.builder().id("L" + ps.size()).amount(Money.ofMinor(usd, 100 + r.nextInt(100_000)))
          .valueDate(days[390]).freeText("misc deposit " + u).build());
    }
    // interleave the three kinds the way a statement would (fixed shuffle)
    for (int i = ps.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Payment t = ps.get(i);
      ps.set(i, ps.get(j));
      ps.set(j, t);
    }
    payments = ps;
    index = OpenItemIndex.of(items);
    Map<String, OpenItem> m = new HashMap<>(openItems * 2);
    for (OpenItem it : items) {
      m.put(it.invoiceNumber(), it);
    }
    byInvoice = m;
  }

  static String account(int a) {
    return String.format("ACC-%07d", a);
  }

  /**
   * Matches every bank line against the prebuilt index.
   *
   * @return the report
   */
  @Benchmark
  public CashApplicationReport applyPrebuiltIndex() {
    return engine.apply(index, payments);
  }

  /**
   * Indexes the open items, then matches every bank line.
   *
   * @return the report
   */
  @Benchmark
  public CashApplicationReport indexAndApply() {
    return engine.apply(OpenItemIndex.of(items), payments);
  }

  /**
   * Indexes the open items.
   *
   * @return the index
   */
  @Benchmark
  public OpenItemIndex indexOnly() {
    return OpenItemIndex.of(items);
  }

  /**
   * The floor: one HashMap look-up of each line's first reference.
   *
   * @return the sum of the open amounts found, in minor units
   */
  @Benchmark
  public long bareHashMapLookup() {
    long sum = 0;
    for (Payment p : payments) {
      if (!p.references().isEmpty()) {
        OpenItem it = byInvoice.get(p.references().get(0));
        if (it != null) {
          sum += it.openAmount().getAmountMinorLong();
        }
      }
    }
    return sum;
  }
}
