package io.github.gridbill.ledger.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link ProcessKillTest}: appends and syncs records from three threads forever, printing
 * {@code ACK <sequence>} after each sync returns, until it is killed.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  /**
   * Runs the writer.
   *
   * @param args the journal folder
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    FileJournalStore store = FileJournalStore.open(Path.of(args[0]));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread w = new Thread(() -> {
        while (true) {
          long seq;
          synchronized (store) {
            seq = store.lastSequence() + 1;
            store.append(seq, JournalStoreContract.payload(seq));
          }
          store.sync(seq);
          synchronized (System.out) {
            System.out.println("ACK " + seq);
            System.out.flush();
          }
        }
      });
      w.start();
      threads.add(w);
    }
    for (Thread w : threads) {
      w.join();
    }
  }
}
