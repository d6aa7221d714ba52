package io.github.gridbill.ledger;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import io.github.gridbill.ledger.journal.JournalRecord;
import io.github.gridbill.ledger.journal.JournalStore;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a journal back into a ledger on open: every record decoded into its entry, in sequence order, handed to the
 * ledger's replay step (its checks and state transition).
 *
 * <p>A long journal in one of the library's own stores ({@link #pipelineFrom}) is read and decoded on a second thread
 * while the calling thread replays, the two joined by a bounded queue of chunks ({@value #CHUNK} entries, at most
 * {@value #CHUNKS_IN_FLIGHT} chunks ahead). Decoding is about half of a one-thread open's work; with it beside the
 * replay, ten million entries opened in 43 s instead of 54 s on a 2-core machine (BENCHMARKS.md), the replay step
 * being the part left on the calling thread. The outcome is the one of a sequential read, including which error is
 * reported when several records are bad: entries reach the replay step in order, and a read or decode error travels
 * through the queue behind the entries before it. When the replay step fails, the reader stops at its next record
 * and is joined before the error propagates, so a failed open leaves no thread behind and the store is not read after
 * {@code open} gives it up.
 */
final class Replay {
  /** Journals with at least this many records are read on a second thread. */
  static final long DEFAULT_PIPELINE_FROM = 8_192;
  static final int CHUNK = 256;
  static final int CHUNKS_IN_FLIGHT = 32;
  private static final Object END = new Object();

  private final JournalStore store;
  private final Consumer<JournalEntry> step;

  private Replay(JournalStore store, Consumer<JournalEntry> step) {
    this.store = store;
    this.step = step;
  }

  /**
   * From how many records a store is read on a second thread: the library's own stores from
   * {@value #DEFAULT_PIPELINE_FROM}; another implementation never (it may tie its reads to the opening thread, a
   * connection or a transaction held by it).
   *
   * @param store the journal
   * @return the record count, {@link Long#MAX_VALUE} for never
   */
  static long pipelineFrom(JournalStore store) {
    return store instanceof FileJournalStore || store instanceof InMemoryJournalStore ? DEFAULT_PIPELINE_FROM
        : Long.MAX_VALUE;
  }

  /**
   * Replays every record of a store.
   *
   * @param store the journal
   * @param pipelineFrom the record count from which a second thread reads and decodes
   * @param step the ledger's checks and state transition for one entry, in sequence order
   * @throws DataFormatException if a record is not an entry of its sequence, or the step refuses one
   * @throws io.github.gridbill.ledger.journal.JournalCorruptedException if a record is damaged
   */
  static void run(JournalStore store, long pipelineFrom, Consumer<JournalEntry> step) {
    Replay r = new Replay(store, step);
    if (store.lastSequence() >= pipelineFrom) {
      r.pipelined();
    } else {
      store.forEach(1, record -> step.accept(r.decode(record)));
    }
  }

  /** Decodes a record and checks it carries the entry of its sequence. */
  private JournalEntry decode(JournalRecord record) {
    long seq = record.sequence();
    JournalEntry e;
    try {
      e = JournalEntry.fromBytes(record.payload());
    } catch (DataFormatException x) {
      throw new DataFormatException(store.name(), "record #" + seq, x.field(), x.value(), x.reason(), x);
    }
    if (e.sequence() != seq) {
      throw new DataFormatException(store.name(), "record #" + seq, "sequence", e.sequence(),
          "must equal the record's sequence " + seq);
    }
    return e;
  }

  /** Thrown inside the reader's walk to end it once the replay step has failed. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  private void pipelined() {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    Reader reader = new Reader(queue);
    Thread thread = new Thread(reader, "gridbill-replay-" + store.name());
    thread.setDaemon(true);
    thread.start();
    boolean finished = false;
    boolean interrupted = false;
    try {
      while (true) {
        Object next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          interrupted = true; // like a sequential open, not interruptible; the flag is restored below
          continue;
        }
        if (next == END) {
          finished = true;
          return;
        }
        if (next instanceof RuntimeException e) {
          throw e;
        }
        if (next instanceof Error e) {
          throw e;
        }
        for (JournalEntry e : (JournalEntry[]) next) {
          step.accept(e);
        }
      }
    } finally {
      if (!finished) {
        reader.stop = true;
      }
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The second thread: walks the store, decodes, and queues full chunks, then the end or the error. */
  private final class Reader implements Runnable {
    private final BlockingQueue<Object> queue;
    volatile boolean stop;
    private JournalEntry[] chunk = new JournalEntry[CHUNK];
    private int size;

    Reader(BlockingQueue<Object> queue) {
      this.queue = queue;
    }

    @Override
    public void run() {
      Object last = END;
      try {
        store.forEach(1, record -> {
          if (stop) {
            throw new Stopped();
          }
          JournalEntry e = decode(record); // before taking a slot: a record that fails must not leave one empty
          chunk[size++] = e;
          if (size == CHUNK) {
            handOver(chunk);
            chunk = new JournalEntry[CHUNK];
            size = 0;
          }
        });
      } catch (Stopped e) {
        return;
      } catch (RuntimeException | Error e) {
        last = e;
      }
      try {
        if (size > 0) {
          handOver(Arrays.copyOf(chunk, size)); // the entries before an error replay before it is reported
        }
        handOver(last);
      } catch (Stopped e) {
        // the replay step failed first; its error is the one reported
      }
    }

    /** Queues an item, waiting while the queue is full unless the replay has stopped. */
    private void handOver(Object item) {
      try {
        while (!queue.offer(item, 10, TimeUnit.MILLISECONDS)) {
          if (stop) {
            throw new Stopped();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
    }
  }
}
