package io.github.gridbill.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileJournalStoreTest extends JournalStoreContract {
  @TempDir
  Path dir;

  @Override
  JournalStore newStore() {
    return FileJournalStore.open(dir);
  }

  FileJournalStore fileStore() {
    return (FileJournalStore) store;
  }

  @Test
  void reopenReadsBackEveryRecordAndTheSameCheckpoint() {
    appendSynced(10);
    Checkpoint c = store.checkpoint();
    store.close();
    store = FileJournalStore.open(dir);
    assertThat(fileStore().truncatedBytes()).isZero();
    assertThat(store.lastSequence()).isEqualTo(10);
    assertThat(store.checkpoint()).isEqualTo(c);
    for (long i = 1; i <= 10; i++) {
      assertThat(store.read(i).payloadBytes()).isEqualTo(payload(i));
    }
    appendSynced(1);
    assertThat(store.read(11).payloadBytes()).isEqualTo(payload(11));
  }

  @Test
  void fileLayoutIsMagicThenFrames() throws IOException {
    appendSynced(2);
    byte[] file = Files.readAllBytes(fileStore().file());
    assertThat(new String(file, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GBJRNL01");
    // two frames of 52 bytes overhead plus an 8-byte payload ("record-1")
    assertThat(file).hasSize(8 + 2 * (52 + 8));
    assertThat(java.nio.ByteBuffer.wrap(file, 8, 4).getInt()).isEqualTo(8);
    assertThat(java.nio.ByteBuffer.wrap(file, 16, 8).getLong()).isEqualTo(1);
  }

  @Test
  void closeMakesAppendedRecordsDurable() {
    store.append(1, payload(1));
    store.append(2, payload(2));
    store.close();
    store = FileJournalStore.open(dir);
    assertThat(store.lastSequence()).isEqualTo(2);
  }

  @Test
  void oneSyncWritesEveryQueuedRecordInOneFlush() {
    for (long i = 1; i <= 100; i++) {
      store.append(i, payload(i));
    }
    store.sync(100);
    assertThat(fileStore().flushes()).isEqualTo(1);
    store.sync(50);
    assertThat(fileStore().flushes()).isEqualTo(1);
  }

  @Test
  void aFolderIsOpenInOneStoreOnly() {
    assertThatExceptionOfType(JournalException.class).isThrownBy(() -> FileJournalStore.open(dir))
        .withMessage("journal must not be open in another store: " + dir.resolve("journal.gbj"));
  }

  // more threads than cores: callers wait while others flush, and each flush wakes only the callers it made durable
  // and one to lead the next; a lost wake-up would hang here (hence the timeout)
  @ParameterizedTest
  @CsvSource({"6, 150", "32, 40"})
  @Timeout(120)
  void concurrentAppendersAreAllDurableAndInOrder(long threads, long perThread) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicLong acknowledged = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try {
          start.await();
          for (int k = 0; k < perThread; k++) {
            long seq;
            synchronized (this) {
              seq = store.lastSequence() + 1;
              store.append(seq, payload(seq));
            }
            store.sync(seq);
            acknowledged.incrementAndGet();
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(errors).isEmpty();
    assertThat(acknowledged.get()).isEqualTo(threads * perThread);
    assertThat(fileStore().flushes()).isLessThanOrEqualTo(threads * perThread);
    store.close();
    store = FileJournalStore.open(dir);
    assertThat(store.lastSequence()).isEqualTo(threads * perThread);
    List<Long> seen = new ArrayList<>();
    store.forEach(1, r -> {
      assertThat(r.payloadBytes()).isEqualTo(payload(r.sequence()));
      seen.add(r.sequence());
    });
    assertThat(seen).hasSize((int) (threads * perThread));
    assertThat(store.verify().isIntact()).isTrue();
  }
}
