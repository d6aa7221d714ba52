package io.github.gridbill.bench.ledger;

import io.github.gridbill.bench.ledger.LedgerInputs.Month;
import io.github.gridbill.bench.ledger.LedgerInputs.Request;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.journal.FileJournalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file journal with group commit: postings to a ledger on a {@link FileJournalStore} in a fresh folder under
 * {@code java.io.tmpdir} (/tmp), made durable ({@code FileChannel.force}) once per batch of {@code batch} entries
 * through {@code ledger.batch(...)}, the documented way to batch from one thread.
 *
 * <p>The requests are the first month of {@link LedgerInputs}: per customer its invoice, payment and application, in
 * turn. {@link #postBatched} posts {@value #BATCHED_ENTRIES} entries (50,000 customers) in batches of 100 or 1,000;
 * {@link #postEach} posts {@value #EACH_ENTRIES} entries with a flush after each (batch 1, the durability of a single
 * posting call). Each iteration starts with an empty journal. Score: ns per entry; entries/s = 1e9 / score.
 *
 * <p>The floors, in the same class: {@link #bareBatched} and {@link #bareEach} write the same entries (prebuilt) as
 * the same frames — encoding, SHA-256 chain hash, CRC32C — with one {@code write} and one {@code force(false)} per
 * batch, and nothing else. {@link #rawBatched} and {@link #rawEach} are the disk alone: the same frame bytes, built
 * before the invocation, written and forced per batch (what the device allows for records of this size).
 *
 * <p>{@link #postConcurrent} is group commit as a server sees it: {@code threads} callers post
 * {@value #CONCURRENT_ENTRIES} entries (each thread its own customers' invoice, payment and application in turn), every
 * call returning only once its entry is on disk; the store's leader flushes whatever all callers queued meanwhile.
 * After each iteration it prints a {@code [group commit]} line: flushes and entries per flush (the batch size that
 * emerged).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class FileJournalBenchmark {
  static final int BATCHED_ENTRIES = 150_000;
  static final int EACH_ENTRIES = 3_000;
  static final int CONCURRENT_ENTRIES = 60_000;
  static final long SEED = 20241202L;

  /** The requests and, for the floor, the entries they post. */
  abstract static class Inputs {
    List<Request> requests = List.of();
    List<JournalEntry> entries = List.of();
    /** The entries' frames, as the store writes them (for the raw floor). */
    byte[][] frames = new byte[0][];
    @Nullable Ledger ledger;
    @Nullable Path folder;
    /** Where the journal folder goes (the smoke test uses a temporary folder). */
    Path root = LedgerInputs.benchRoot();

    abstract int entriesPerInvocation();

    abstract String name();

    void build() {
      Month m = new Month(entriesPerInvocation() / 3, 0, SEED);
      requests = m.cycle();
      entries = LedgerInputs.entriesOf(List.of(), requests);
      frames = frames(entries);
    }

    void open() {
      folder = LedgerInputs.freshFolder(root.resolve(name()));
      ledger = Ledger.open(FileJournalStore.open(folder));
    }

    void close() {
      if (ledger != null) {
        ledger.close();
        ledger = null;
      }
      if (folder != null) {
        LedgerInputs.deleteTree(folder);
        folder = null;
      }
    }
  }

  /** Batches of 100 or 1,000. */
  @State(Scope.Benchmark)
  public static class Batched extends Inputs {
    /** Entries per flush. */
    @Param({"100", "1000"})
    public int batch = 100;

    int size = BATCHED_ENTRIES;

    @Override
    int entriesPerInvocation() {
      return size;
    }

    @Override
    String name() {
      return "file-batched";
    }

    /** Builds the requests from seed 20241202. */
    @Setup(Level.Trial)
    public void inputs() {
      build();
    }

    /** An empty journal per iteration. */
    @Setup(Level.Iteration)
    public void fresh() {
      open();
    }

    /** Closes and deletes the journal. */
    @TearDown(Level.Iteration)
    public void done() {
      close();
    }
  }

  /** Batch 1: a flush per entry. */
  @State(Scope.Benchmark)
  public static class Each extends Inputs {
    int size = EACH_ENTRIES;

    @Override
    int entriesPerInvocation() {
      return size;
    }

    @Override
    String name() {
      return "file-each";
    }

    /** Builds the requests from seed 20241202. */
    @Setup(Level.Trial)
    public void inputs() {
      build();
    }

    /** An empty journal per iteration. */
    @Setup(Level.Iteration)
    public void fresh() {
      open();
    }

    /** Closes and deletes the journal. */
    @TearDown(Level.Iteration)
    public void done() {
      close();
    }
  }

  /** Concurrent callers, each posting its own customers' requests and waiting for each entry to be durable. */
  @State(Scope.Benchmark)
  public static class Concurrent extends Inputs {
    /** Posting threads. */
    @Param({"8", "64"})
    public int threads = 8;

    int size = CONCURRENT_ENTRIES;
    /** Each thread's requests: for its customers, invoice, payment and application in turn. */
    List<List<Request>> perThread = List.of();
    @Nullable ExecutorService pool;
    long flushesBefore;

    @Override
    int entriesPerInvocation() {
      return size;
    }

    @Override
    String name() {
      return "file-concurrent";
    }

    /** Splits the requests by customer over the threads (seed 20241202) and starts the threads. */
    @Setup(Level.Trial)
    public void inputs() {
      Month m = new Month(size / 3, 0, SEED);
      List<List<Request>> lists = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        lists.add(new ArrayList<>());
      }
      for (int c = 0; c < m.invoices.size(); c++) {
        List<Request> mine = lists.get(c % threads);
        mine.add(m.invoices.get(c));
        mine.add(m.payments.get(c));
        mine.add(m.applications.get(c));
      }
      perThread = lists;
      pool = Executors.newFixedThreadPool(threads);
    }

    /** An empty journal per iteration. */
    @Setup(Level.Iteration)
    public void fresh() {
      open();
      flushesBefore = store().flushes();
    }

    FileJournalStore store() {
      return (FileJournalStore) Objects.requireNonNull(ledger).store();
    }

    /** Prints the flushes of the iteration, then closes and deletes the journal. */
    @TearDown(Level.Iteration)
    public void done() {
      long flushes = store().flushes() - flushesBefore;
      long entries = store().lastSequence();
      System.out.printf("%n[group commit] %d threads: %,d entries in %,d flushes, %.1f entries per flush%n", threads,
          entries, flushes, flushes == 0 ? 0.0 : entries / (double) flushes);
      close();
    }

    /** Stops the threads. */
    @TearDown(Level.Trial)
    public void stop() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Posts the requests in batches, one flush per batch.
   *
   * @param s the state
   * @return the last sequence
   */
  @Benchmark
  @OperationsPerInvocation(BATCHED_ENTRIES)
  public long postBatched(Batched s) {
    Ledger l = Objects.requireNonNull(s.ledger);
    List<Request> requests = s.requests;
    for (int from = 0; from < requests.size(); from += s.batch) {
      List<Request> chunk = requests.subList(from, Math.min(requests.size(), from + s.batch));
      l.batch(() -> LedgerInputs.postAll(l, chunk));
    }
    return l.lastSequence();
  }

  /**
   * Posts the requests one by one; each call returns once its entry is on disk.
   *
   * @param s the state
   * @return the last sequence
   */
  @Benchmark
  @OperationsPerInvocation(EACH_ENTRIES)
  public long postEach(Each s) {
    return LedgerInputs.postAll(Objects.requireNonNull(s.ledger), s.requests);
  }

  /**
   * Posts from {@code threads} threads at once, each call durable on return; group commit shares the flushes.
   *
   * @param s the state
   * @return the last sequence
   * @throws Exception if a posting fails
   */
  @Benchmark
  @OperationsPerInvocation(CONCURRENT_ENTRIES)
  public long postConcurrent(Concurrent s) throws Exception {
    Ledger l = Objects.requireNonNull(s.ledger);
    ExecutorService pool = Objects.requireNonNull(s.pool);
    List<Future<Long>> done = new ArrayList<>(s.threads);
    for (List<Request> mine : s.perThread) {
      done.add(pool.submit(() -> LedgerInputs.postAll(l, mine)));
    }
    for (Future<Long> f : done) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a posting thread failed", e.getCause());
      }
    }
    return l.lastSequence();
  }

  /**
   * The floor for batches: frames (encoding, chain hash, CRC32C), one write and one force per batch.
   *
   * @param s the state (its ledger is unused; the floor writes its own file in the same folder)
   * @return bytes written
   */
  @Benchmark
  @OperationsPerInvocation(BATCHED_ENTRIES)
  public long bareBatched(Batched s) {
    return writeFrames(Objects.requireNonNull(s.folder).resolve("bare.gbj"), s.entries, s.batch);
  }

  /**
   * The floor for batch 1.
   *
   * @param s the state
   * @return bytes written
   */
  @Benchmark
  @OperationsPerInvocation(EACH_ENTRIES)
  public long bareEach(Each s) {
    return writeFrames(Objects.requireNonNull(s.folder).resolve("bare.gbj"), s.entries, 1);
  }

  /**
   * The disk alone for batches: the prebuilt frames, one write and one force per batch.
   *
   * @param s the state
   * @return bytes written
   */
  @Benchmark
  @OperationsPerInvocation(BATCHED_ENTRIES)
  public long rawBatched(Batched s) {
    return writeRaw(Objects.requireNonNull(s.folder).resolve("raw.gbj"), s.frames, s.batch);
  }

  /**
   * The disk alone for batch 1.
   *
   * @param s the state
   * @return bytes written
   */
  @Benchmark
  @OperationsPerInvocation(EACH_ENTRIES)
  public long rawEach(Each s) {
    return writeRaw(Objects.requireNonNull(s.folder).resolve("raw.gbj"), s.frames, 1);
  }

  /** Writes the entries as journal frames, forcing after every {@code batch} entries. */
  static long writeFrames(Path file, List<JournalEntry> entries, int batch) {
    MessageDigest sha = LedgerPostingBenchmark.sha256();
    CRC32C crc = new CRC32C();
    ByteBuffer out = ByteBuffer.allocateDirect(1 << 20);
    byte[] previous = new byte[32];
    long written = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.put("GBJRNL01".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < entries.size(); i++) {
        byte[] payload = entries.get(i).toBytes();
        long sequence = i + 1L;
        previous = LedgerPostingBenchmark.chain(sha, previous, sequence, payload);
        if (out.remaining() < payload.length + 52) {
          written += drain(ch, out);
        }
        frame(out, crc, sequence, payload, previous);
        if ((i + 1) % batch == 0 || i + 1 == entries.size()) {
          written += drain(ch, out);
          ch.force(false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /** One frame: length, its CRC32C, sequence, payload, chain hash, CRC32C of all before it. */
  private static void frame(ByteBuffer out, CRC32C crc, long sequence, byte[] payload, byte[] hash) {
    int start = out.position();
    out.putInt(payload.length);
    crc.reset();
    crc.update(out.duplicate().position(start).limit(start + 4));
    out.putInt((int) crc.getValue());
    out.putLong(sequence).put(payload).put(hash);
    crc.reset();
    crc.update(out.duplicate().position(start).limit(out.position()));
    out.putInt((int) crc.getValue());
  }

  /** The frames of the entries, chained from the genesis hash, each as its own array. */
  static byte[][] frames(List<JournalEntry> entries) {
    MessageDigest sha = LedgerPostingBenchmark.sha256();
    CRC32C crc = new CRC32C();
    byte[] previous = new byte[32];
    byte[][] out = new byte[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      byte[] payload = entries.get(i).toBytes();
      previous = LedgerPostingBenchmark.chain(sha, previous, i + 1L, payload);
      ByteBuffer b = ByteBuffer.allocate(payload.length + 52);
      frame(b, crc, i + 1L, payload, previous);
      out[i] = b.array();
    }
    return out;
  }

  /** Writes prebuilt frames after the file header, forcing after every {@code batch} frames. */
  static long writeRaw(Path file, byte[][] frames, int batch) {
    ByteBuffer out = ByteBuffer.allocateDirect(1 << 20);
    long written = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.put("GBJRNL01".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < frames.length; i++) {
        if (out.remaining() < frames[i].length) {
          written += drain(ch, out);
        }
        out.put(frames[i]);
        if ((i + 1) % batch == 0 || i + 1 == frames.length) {
          written += drain(ch, out);
          ch.force(false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static long drain(FileChannel ch, ByteBuffer out) throws IOException {
    out.flip();
    long n = 0;
    while (out.hasRemaining()) {
      n += ch.write(out);
    }
    out.clear();
    return n;
  }
}
