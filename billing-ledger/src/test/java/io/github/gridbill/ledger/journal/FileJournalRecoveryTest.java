package io.github.gridbill.ledger.journal;

import static io.github.gridbill.ledger.journal.JournalStoreContract.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery, corruption and tamper detection of the file journal. */
class FileJournalRecoveryTest {
  @TempDir
  Path tmp;

  private int dirs;

  private Path freshDir() {
    return tmp.resolve("j" + dirs++);
  }

  /** A journal of records 1..n, closed; returns its bytes. */
  private byte[] journal(int n) throws IOException {
    Path dir = freshDir();
    try (FileJournalStore s = FileJournalStore.open(dir)) {
      for (long i = 1; i <= n; i++) {
        s.append(i, payload(i));
      }
      s.sync(n);
    }
    return Files.readAllBytes(dir.resolve(FileJournalStore.FILE_NAME));
  }

  /** End offsets of frames: ends[k] is the byte after record k (ends[0] = 8, the magic). */
  private static long[] frameEnds(int n) {
    long[] ends = new long[n + 1];
    ends[0] = 8;
    for (int k = 1; k <= n; k++) {
      ends[k] = ends[k - 1] + 52 + payload(k).length;
    }
    return ends;
  }

  private Path write(byte[] bytes) throws IOException {
    Path dir = freshDir();
    Files.createDirectories(dir);
    Files.write(dir.resolve(FileJournalStore.FILE_NAME), bytes);
    return dir;
  }

  private static void assertRecords(JournalStore s, long count) {
    assertThat(s.lastSequence()).isEqualTo(count);
    List<Long> seen = new ArrayList<>();
    s.forEach(1, r -> {
      assertThat(r.payloadBytes()).isEqualTo(payload(r.sequence()));
      seen.add(r.sequence());
    });
    assertThat(seen).hasSize((int) count);
  }

  @Test
  void tornTailAtEveryByteOffsetOfTheLastRecordsIsTruncated() throws IOException {
    int n = 6;
    byte[] full = journal(n);
    long[] ends = frameEnds(n);
    assertThat(full).hasSize((int) ends[n]);
    for (int cut = (int) ends[n - 3]; cut <= full.length; cut++) {
      int complete = 0;
      while (complete < n && ends[complete + 1] <= cut) {
        complete++;
      }
      Path dir = write(Arrays.copyOf(full, cut));
      try (FileJournalStore s = FileJournalStore.open(dir)) {
        assertThat(s.truncatedBytes()).as("cut at %d", cut).isEqualTo(cut - ends[complete]);
        assertRecords(s, complete);
        assertThat(s.verify().isIntact()).isTrue();
        s.append(complete + 1, payload(complete + 1));
        s.sync(complete + 1);
      }
      assertThat(Files.size(dir.resolve(FileJournalStore.FILE_NAME)))
          .isEqualTo(ends[complete] + 52 + payload(complete + 1).length);
      try (FileJournalStore s = FileJournalStore.open(dir)) {
        assertRecords(s, complete + 1);
      }
    }
  }

  @Test
  void zeroBytesAfterTheLastFrameAreATornTail() throws IOException {
    int n = 3;
    byte[] full = journal(n);
    for (int zeros : new int[] {1, 7, 8, 60, 4096}) {
      byte[] padded = Arrays.copyOf(full, full.length + zeros);
      try (FileJournalStore s = FileJournalStore.open(write(padded))) {
        assertThat(s.truncatedBytes()).isEqualTo(zeros);
        assertRecords(s, n);
      }
    }
  }

  @Test
  void aTornCreationStartsAnEmptyJournal() throws IOException {
    Path dir = write("GBJ".getBytes(StandardCharsets.US_ASCII));
    try (FileJournalStore s = FileJournalStore.open(dir)) {
      assertThat(s.lastSequence()).isZero();
    }
    assertThat(Files.readAllBytes(dir.resolve(FileJournalStore.FILE_NAME)))
        .isEqualTo("GBJRNL01".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aForeignFileIsRefused() throws IOException {
    Path dir = write("XXXXXXXXYYYY".getBytes(StandardCharsets.US_ASCII));
    JournalCorruptedException e = catchThrowableOfType(JournalCorruptedException.class,
        () -> FileJournalStore.open(dir));
    assertThat(e).hasMessage(dir.resolve(FileJournalStore.FILE_NAME)
        + " at byte offset 0: journal must start with the magic GBJRNL01: 5858585858585858");
    assertThat(e.offset()).isZero();
    assertThat(Files.size(dir.resolve(FileJournalStore.FILE_NAME))).isEqualTo(12);
  }

  @Test
  void aFlippedByteAnywhereIsRefusedWithTheOffsetOfItsFrame() throws IOException {
    int n = 4;
    byte[] full = journal(n);
    long[] ends = frameEnds(n);
    for (int i = 0; i < full.length; i++) {
      byte[] bad = full.clone();
      bad[i] ^= (byte) 0xFF;
      long frame = 0;
      for (int k = 0; k < n; k++) {
        if (i >= ends[k]) {
          frame = ends[k];
        }
      }
      Path dir = write(bad);
      JournalCorruptedException e = catchThrowableOfType(JournalCorruptedException.class,
          () -> FileJournalStore.open(dir).close());
      assertThat(e).as("flip at byte %d", i).isNotNull();
      assertThat(e.offset()).as("flip at byte %d", i).isEqualTo(frame);
      assertThat(Files.readAllBytes(dir.resolve(FileJournalStore.FILE_NAME))).as("nothing changed").isEqualTo(bad);
    }
  }

  @Test
  void aFlippedPayloadByteNamesRecordAndOffset() throws IOException {
    byte[] bad = journal(3);
    bad[8 + 60 + 20] ^= 1;
    Path dir = write(bad);
    JournalCorruptedException e = catchThrowableOfType(JournalCorruptedException.class,
        () -> FileJournalStore.open(dir));
    assertThat(e).hasMessage(dir.resolve(FileJournalStore.FILE_NAME)
        + " at byte offset 68: record must pass its frame checksum: #2");
    assertThat(e.sequence()).isEqualTo(2);
    assertThat(e.location()).isEqualTo("byte offset 68");
  }

  @Test
  void verifyFindsAByteChangedAfterOpenAndReadRefusesIt() throws IOException {
    Path dir = freshDir();
    try (FileJournalStore s = FileJournalStore.open(dir);
        RandomAccessFile raw = new RandomAccessFile(dir.resolve(FileJournalStore.FILE_NAME).toFile(), "rw")) {
      for (long i = 1; i <= 4; i++) {
        s.append(i, payload(i));
      }
      s.sync(4);
      long[] ends = frameEnds(4);
      for (int k = 3; k <= 4; k++) {
        for (long at = ends[k - 1]; at < ends[k]; at++) {
          raw.seek(at);
          int b = raw.read();
          raw.seek(at);
          raw.write(b ^ 0x10);
          VerificationReport report = s.verify();
          BrokenLink link = report.firstBroken().orElseThrow();
          assertThat(link.sequence()).isEqualTo(k);
          assertThat(link.offset()).isEqualTo(ends[k - 1]);
          assertThat(report.recordsChecked()).isEqualTo(k - 1);
          if (at >= ends[k - 1] + 16) {
            long seq = k;
            assertThatExceptionOfType(JournalCorruptedException.class).isThrownBy(() -> s.read(seq))
                .withMessageEndingWith("at byte offset " + ends[k - 1] + ": record must pass its frame checksum: #"
                    + k);
          }
          raw.seek(at);
          raw.write(b);
          assertThat(s.verify().isIntact()).isTrue();
        }
      }
    }
  }

  /** Rebuilds a journal with one payload replaced, recomputing every CRC and chain hash after it. */
  private static byte[] forge(int n, long replaced, byte[] forgedPayload) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(Frames.MAGIC);
    byte[] h = Frames.GENESIS;
    for (long i = 1; i <= n; i++) {
      byte[] p = i == replaced ? forgedPayload : payload(i);
      h = Frames.chain(Frames.sha256(), h, i, p);
      out.writeBytes(Frames.frame(i, p, h));
    }
    return out.toByteArray();
  }

  @Test
  void aConsistentRewriteIsCaughtByAKeptCheckpoint() throws IOException {
    Path dir = freshDir();
    Checkpoint at2;
    Checkpoint at5;
    try (FileJournalStore s = FileJournalStore.open(dir)) {
      for (long i = 1; i <= 5; i++) {
        s.append(i, payload(i));
      }
      s.sync(5);
      at2 = s.read(2).checkpoint();
      at5 = s.checkpoint();
      // rewritten while open: the chain in the file is self-consistent, but not the one this store wrote
      Files.write(s.file(), forge(5, 3, "RECORD-3".getBytes(StandardCharsets.UTF_8)));
      VerificationReport report = s.verify();
      assertThat(report.firstBroken()).contains(BrokenLink.of(5, frameEnds(5)[4],
          "record must carry the chain hash this store held since writing it (the file was rewritten)"));
      assertThat(s.compare(at5)).isEqualTo(CheckpointStatus.DIFFERS);
    }
    try (FileJournalStore s = FileJournalStore.open(dir)) {
      assertThat(s.verify().isIntact()).as("a consistent forgery opens").isTrue();
      assertThat(s.compare(at2)).isEqualTo(CheckpointStatus.MATCHES);
      assertThat(s.compare(at5)).isEqualTo(CheckpointStatus.DIFFERS);
      assertThat(s.compare(Checkpoint.of(9, at5.hash()))).isEqualTo(CheckpointStatus.NOT_REACHED);
    }
  }

  @Test
  void crashesDuringGroupCommitLoseNoAcknowledgedRecord() throws Exception {
    Path dir = freshDir();
    Path file = dir.resolve(FileJournalStore.FILE_NAME);
    AtomicLong acknowledged = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<Object[]> snapshots = new CopyOnWriteArrayList<>();
    try (FileJournalStore s = FileJournalStore.open(dir)) {
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread w = new Thread(() -> {
          try {
            for (int k = 0; k < 120; k++) {
              long seq;
              synchronized (s) {
                seq = s.lastSequence() + 1;
                s.append(seq, payload(seq));
              }
              s.sync(seq);
              acknowledged.accumulateAndGet(seq, Math::max);
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        });
        w.start();
        writers.add(w);
      }
      Thread crasher = new Thread(() -> {
        try {
          while (!done.get()) {
            long acked = acknowledged.get();
            snapshots.add(new Object[] {acked, Files.readAllBytes(file)});
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      crasher.start();
      for (Thread w : writers) {
        w.join();
      }
      done.set(true);
      crasher.join();
    }
    assertThat(errors).isEmpty();
    assertThat(snapshots).isNotEmpty();
    int step = Math.max(1, snapshots.size() / 60);
    for (int i = 0; i < snapshots.size(); i += step) {
      long acked = (Long) snapshots.get(i)[0];
      byte[] bytes = (byte[]) snapshots.get(i)[1];
      try (FileJournalStore s = FileJournalStore.open(write(bytes))) {
        assertThat(s.lastSequence()).as("snapshot %d", i).isGreaterThanOrEqualTo(acked);
        assertRecords(s, s.lastSequence());
      }
    }
  }
}
