package io.github.gridbill.bench.ledger;

import io.github.gridbill.bench.ledger.LedgerInputs.Month;
import io.github.gridbill.bench.ledger.LedgerInputs.Request;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.journal.FileJournalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a ledger on a journal file of {@code entries} entries (10,000,000): {@code Ledger.open(FileJournalStore.open
 * (folder))}, which checks every frame and the hash chain, decodes every entry and replays it through the ledger's
 * checks and state transition. Single shot per iteration; a new ledger each time.
 *
 * <p>The journal is generated once (from seed 20241204) and kept between runs in
 * {@code java.io.tmpdir/gridbill-bench/ledger-replay-<entries>} (about 3.3 GB for ten million entries): 100,000
 * customers' monthly cycles ({@link LedgerInputs}: invoice, payment, balance-forward application), month after month,
 * cut at exactly {@code entries} entries. A file is reused only if its marker names the same entry count and seed.
 *
 * <p>Memory: after each iteration the benchmark prints a {@code [heap]} line: the heap retained by the open ledger
 * after a full collection (minus what was retained before opening), per entry, and the peak of the heap pools during
 * the open. {@link #openStoreOnly} is the floor in the same class: the file store's recovery walk alone (read,
 * CRC32C, SHA-256 chain), without decoding or replaying.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class JournalReplayBenchmark {
  static final long SEED = 20241204L;
  static final int CUSTOMERS = 100_000;

  /** Entries in the journal. */
  @Param({"10000000"})
  public int entries = 10_000_000;

  /** Customers (the smoke test shrinks it). */
  int customers = CUSTOMERS;
  /** Where journals are kept (the smoke test uses a temporary folder). */
  Path root = LedgerInputs.benchRoot();

  Path folder = Path.of(".");
  @Nullable Ledger ledger;
  @Nullable FileJournalStore store;
  long retainedBefore;
  /** The heap the last opened ledger retained, in bytes (for the smoke test). */
  long lastRetained;

  /** Generates the journal unless a complete one is there. */
  @Setup(Level.Trial)
  public void journal() {
    folder = root.resolve("ledger-replay-" + entries);
    Path marker = folder.resolve("complete-" + entries + "-" + customers + "-" + SEED);
    if (Files.exists(marker)) {
      return;
    }
    LedgerInputs.deleteTree(folder);
    long start = System.nanoTime();
    try (Ledger l = Ledger.open(FileJournalStore.open(folder))) {
      int left = entries;
      for (int m = 0; left > 0; m++) {
        List<Request> cycle = new Month(customers, m, SEED).cycle();
        List<Request> take = cycle.subList(0, Math.min(left, cycle.size()));
        for (int from = 0; from < take.size(); from += 10_000) {
          List<Request> chunk = take.subList(from, Math.min(take.size(), from + 10_000));
          l.batch(() -> LedgerInputs.postAll(l, chunk));
        }
        left -= take.size();
      }
    }
    try {
      Files.createFile(marker);
      System.out.printf("%n[journal] generated %,d entries in %.1f s: %,d bytes%n", entries,
          (System.nanoTime() - start) / 1e9, Files.size(folder.resolve(FileJournalStore.FILE_NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects garbage and notes the heap in use before the open. */
  @Setup(Level.Iteration)
  public void before() {
    retainedBefore = usedAfterGc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  /** Prints the heap the open ledger retains and the peak, then closes it. */
  @TearDown(Level.Iteration)
  public void after() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    long retained = usedAfterGc() - retainedBefore;
    lastRetained = retained;
    if (ledger != null) {
      System.out.printf("%n[heap] ledger of %,d entries open: %,d MB retained (%d bytes/entry); peak of the heap "
          + "pools during the open %,d MB%n", ledger.lastSequence(), retained >> 20, retained / entries, peak >> 20);
      ledger.close();
      ledger = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Opens the ledger: recovery walk, decode and replay of every entry.
   *
   * @return the last sequence
   */
  @Benchmark
  public long replay() {
    ledger = Ledger.open(FileJournalStore.open(folder));
    return ledger.lastSequence();
  }

  /**
   * The floor: opens the file store only (frames, checksums, chain hash), no decoding or replay.
   *
   * @return the last sequence
   */
  @Benchmark
  public long openStoreOnly() {
    store = FileJournalStore.open(folder);
    return store.lastSequence();
  }
}
