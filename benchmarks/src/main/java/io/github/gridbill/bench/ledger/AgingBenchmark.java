package io.github.gridbill.bench.ledger;

import io.github.gridbill.bench.ledger.LedgerInputs.Month;
import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.OpenItem;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aging of 1,000,000 open items across 100,000 customers: {@code ledger.aging(asOf)} with the standard buckets
 * (Current, 1-30, 31-60, 61-90, 90+), one report per call.
 *
 * <p>The ledger (in memory, built once in {@code @Setup}) holds ten monthly invoices per customer
 * ({@link LedgerInputs}, January to October 2024, due 21 days after issue), so as of 2024-11-20 every bucket has
 * items. 20 % of the customers paid 25 to 95 % of their oldest invoice (a payment applied balance-forward, leaving that
 * item part-paid); 1 % of the customers dispute their latest invoice. Every invoice stays open: 1,000,000 open items.
 *
 * <p>{@link #bareBucketLoop} is the floor: the same items as parallel primitive arrays (customer, due day, open
 * amount, disputed), summed into a {@code long} per customer and bucket; no objects, no report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class AgingBenchmark {
  static final long SEED = 20241203L;
  static final LocalDate AS_OF = LocalDate.of(2024, 11, 20);

  /** Customers (ten invoices each); the smoke test shrinks it. */
  int customers = 100_000;
  int months = 10;

  @Nullable Ledger ledger;
  int[] itemCustomer = new int[0];
  int[] itemDueDay = new int[0];
  long[] itemOpen = new long[0];
  boolean[] itemDisputed = new boolean[0];

  /** Builds the ledger and the arrays from seed 20241203. */
  @Setup(Level.Trial)
  public void build() {
    Ledger l = Ledger.inMemory();
    SplittableRandom r = new SplittableRandom(SEED);
    for (int m = 0; m < months; m++) {
      LedgerInputs.postAll(l, new Month(customers, m, SEED).invoices);
    }
    LocalDate paid = LocalDate.of(2024, 11, 15);
    for (int c = 0; c < customers; c++) {
      if (r.nextInt(5) == 0) {
        long invoice = l.openItems(LedgerInputs.account(c), paid).get(0).openAmount().getAmountMinorLong();
        long amount = Math.max(1, invoice * (25 + r.nextInt(71)) / 100);
        String id = "PAY-PART-" + c;
        l.recordPayment("pay/" + id, Payment.builder().paymentId(id).accountId(LedgerInputs.account(c))
            .amount(Money.ofMinor(LedgerInputs.USD, amount)).method(PaymentMethod.EFT).receivedOn(paid).build());
        l.applyPayment("app/" + id, PaymentApplication.balanceForward(id, paid));
      }
      if (r.nextInt(100) == 0) {
        List<OpenItem> open = l.openItems(LedgerInputs.account(c), paid);
        l.openDispute("dispute/" + c, open.get(open.size() - 1).number(), paid, "meter reading disputed");
      }
    }
    ledger = l;
    List<OpenItem> items = l.openItems(AS_OF);
    Map<String, Integer> index = new HashMap<>();
    int n = items.size();
    itemCustomer = new int[n];
    itemDueDay = new int[n];
    itemOpen = new long[n];
    itemDisputed = new boolean[n];
    for (int i = 0; i < n; i++) {
      OpenItem it = items.get(i);
      itemCustomer[i] = index.computeIfAbsent(it.account().key(), k -> index.size());
      itemDueDay[i] = (int) it.dueDate().toEpochDay();
      itemOpen[i] = it.openAmount().getAmountMinorLong();
      itemDisputed[i] = it.disputed();
    }
  }

  /** Closes the ledger. */
  @TearDown(Level.Trial)
  public void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  /**
   * The aging report as of 2024-11-20.
   *
   * @return the report
   */
  @Benchmark
  public AgingReport aging() {
    return Objects.requireNonNull(ledger).aging(AS_OF);
  }

  /**
   * The floor: bucket sums per customer over primitive arrays.
   *
   * @return the sums
   */
  @Benchmark
  public long[] bareBucketLoop() {
    int[] bounds = {0, 30, 60, 90};
    int slots = bounds.length + 2;
    long[] sums = new long[customers * slots];
    int day = (int) AS_OF.toEpochDay();
    for (int i = 0; i < itemOpen.length; i++) {
      int base = itemCustomer[i] * slots;
      if (itemDisputed[i]) {
        sums[base + slots - 1] += itemOpen[i];
        continue;
      }
      int age = day - itemDueDay[i];
      int b = 0;
      while (b < bounds.length && age > bounds[b]) {
        b++;
      }
      sums[base + b] += itemOpen[i];
    }
    return sums;
  }
}
