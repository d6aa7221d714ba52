package io.github.gridbill.bench.ledger;

import io.github.gridbill.bench.ledger.LedgerInputs.Month;
import io.github.gridbill.bench.ledger.LedgerInputs.Request;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * In-memory postings, one writer: {@value #ENTRIES} entries posted to a ledger on an {@code InMemoryJournalStore}
 * that already holds a month of {@value #ENTRIES} customers (invoice, payment and application each: 300,000 entries).
 * Each iteration starts a fresh ledger and posts the prefill untimed; the timed invocation posts the next
 * {@value #ENTRIES} requests, so the score (ns/op) is the time per entry and entries/s = 1e9 / score.
 *
 * <p>An <b>entry</b> is one posting call with its own idempotency key, each producing one journal entry
 * ({@link LedgerInputs}): {@code op=invoice} {@code issueInvoice} of a 3-line invoice (4 journal lines),
 * {@code payment} {@code recordPayment} (2 lines), {@code apply} a balance-forward {@code applyPayment} (2 lines),
 * {@code manual} {@code post} of a 2-line bank fee, {@code cycle} each customer's invoice, payment and application in
 * turn. Every posting does the full work: request digest, key look-up, validation, canonical encoding, chain hash,
 * store append and state update.
 *
 * <p>{@link #bareEncodeChainAppend} is the floor in the same class: the same entries, prebuilt, only encoded,
 * SHA-256-chained and appended to a list, with no request digest, key index, validation or state. {@link #bareChain}
 * is the hash alone: the SHA-256 chain over the same entries' encodings, made before the invocation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5)
@Measurement(iterations = 15)
public class LedgerPostingBenchmark {
  /** Timed entries per invocation, and customers. */
  static final int ENTRIES = 100_000;
  static final long SEED = 20241201L;

  /** The requests: a prefill and the timed ones, and the entries they post (for the floor). */
  @State(Scope.Benchmark)
  public static class Inputs {
    /** What is posted: invoice, payment, apply, manual or cycle. */
    @Param({"invoice", "payment", "apply", "manual", "cycle"})
    public String op = "invoice";

    /** Customers, and timed entries per invocation (the smoke test shrinks it). */
    int customers = ENTRIES;

    List<Request> prefill = List.of();
    List<Request> timed = List.of();
    List<JournalEntry> entries = List.of();
    /** The timed entries' encodings, for the hash-only floor. */
    byte[][] payloads = new byte[0][];

    /** Builds the requests from seed 20241201. */
    @Setup(Level.Trial)
    public void build() {
      Month first = new Month(customers, 0, SEED);
      Month second = new Month(customers, 1, SEED);
      List<Request> pre = new ArrayList<>(first.cycle());
      switch (op) {
        case "invoice" -> timed = second.invoices;
        case "payment" -> {
          pre.addAll(second.invoices);
          timed = second.payments;
        }
        case "apply" -> {
          pre.addAll(second.invoices);
          pre.addAll(second.payments);
          timed = second.applications;
        }
        case "manual" -> timed = LedgerInputs.bankFees(customers, SEED);
        case "cycle" -> {
          List<Request> c = new ArrayList<>(customers);
          for (int i = 0; c.size() < customers; i++) {
            c.add(second.invoices.get(i));
            c.add(second.payments.get(i));
            c.add(second.applications.get(i));
          }
          timed = c.subList(0, customers);
        }
        default -> throw new IllegalArgumentException("unknown op " + op);
      }
      prefill = pre;
      entries = LedgerInputs.entriesOf(prefill, timed);
      payloads = new byte[entries.size()][];
      for (int i = 0; i < payloads.length; i++) {
        payloads[i] = entries.get(i).toBytes();
      }
    }
  }

  /** A fresh ledger per iteration, holding the prefill. */
  @State(Scope.Benchmark)
  public static class Fresh {
    @Nullable Ledger ledger;

    /** Opens an in-memory ledger and posts the prefill (untimed). */
    @Setup(Level.Iteration)
    public void open(Inputs in) {
      ledger = Ledger.inMemory();
      LedgerInputs.postAll(ledger, in.prefill);
    }

    /** Drops the ledger. */
    @TearDown(Level.Iteration)
    public void close() {
      if (ledger != null) {
        ledger.close();
        ledger = null;
      }
    }
  }

  /**
   * Posts the timed requests.
   *
   * @param fresh the ledger
   * @param in the requests
   * @return the last sequence
   */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public long post(Fresh fresh, Inputs in) {
    Ledger l = java.util.Objects.requireNonNull(fresh.ledger);
    return LedgerInputs.postAll(l, in.timed);
  }

  /**
   * The floor: encodes each prebuilt entry, chains it with SHA-256 and appends the bytes to a list.
   *
   * @param in the entries
   * @return the bytes appended plus the last hash's first byte
   */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public long bareEncodeChainAppend(Inputs in) {
    return encodeChainAppend(in.entries);
  }

  /**
   * The hash alone: chains the prebuilt encodings with SHA-256, as the journal does (previous hash, sequence,
   * payload).
   *
   * @param in the encodings
   * @return the last hash's first byte
   */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public int bareChain(Inputs in) {
    MessageDigest sha = sha256();
    byte[] previous = new byte[32];
    byte[][] payloads = in.payloads;
    for (int i = 0; i < payloads.length; i++) {
      previous = chain(sha, previous, i + 1L, payloads[i]);
    }
    return previous[0];
  }

  static long encodeChainAppend(List<JournalEntry> entries) {
    MessageDigest sha = sha256();
    List<byte[]> log = new ArrayList<>(entries.size());
    byte[] previous = new byte[32];
    long bytes = 0;
    for (int i = 0; i < entries.size(); i++) {
      byte[] payload = entries.get(i).toBytes();
      previous = chain(sha, previous, i + 1L, payload);
      log.add(payload);
      bytes += payload.length;
    }
    return bytes + previous[0] + log.size();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] chain(MessageDigest sha, byte[] previous, long sequence, byte[] payload) {
    sha.update(previous);
    for (int s = 56; s >= 0; s -= 8) {
      sha.update((byte) (sequence >>> s));
    }
    sha.update(payload);
    return sha.digest();
  }
}
