package io.github.gridbill.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.AgingTotal;
import io.github.gridbill.ledger.EntryType;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.journal.FileJournalStore;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger benchmarks at tiny sizes: each setup and one invocation, doing the work the benchmark claims. */
class LedgerBenchmarksTest {

  @ParameterizedTest
  @ValueSource(strings = {"invoice", "payment", "apply", "manual", "cycle"})
  void postingPostsEveryTimedRequestAfterThePrefill(String op) {
    LedgerPostingBenchmark.Inputs in = new LedgerPostingBenchmark.Inputs();
    in.op = op;
    in.customers = 30;
    in.build();
    assertThat(in.timed).hasSize(30);
    assertThat(in.entries).hasSize(30);
    LedgerPostingBenchmark.Fresh fresh = new LedgerPostingBenchmark.Fresh();
    fresh.open(in);
    Ledger ledger = Objects.requireNonNull(fresh.ledger);
    long before = ledger.lastSequence();
    assertThat(before).isEqualTo(in.prefill.size());
    long last = new LedgerPostingBenchmark().post(fresh, in);
    assertThat(last).isEqualTo(before + 30);
    // the timed entries are the ones the floor encodes
    for (int i = 0; i < 30; i++) {
      JournalEntry posted = ledger.entry(before + 1 + i);
      JournalEntry expected = in.entries.get(i);
      assertThat(posted.key()).isEqualTo(expected.key());
      assertThat(posted.lines()).isEqualTo(expected.lines());
      assertThat(posted.contentDigest()).isEqualTo(expected.contentDigest());
    }
    EntryType type = switch (op) {
      case "invoice" -> EntryType.INVOICE;
      case "payment" -> EntryType.PAYMENT;
      case "apply" -> EntryType.APPLICATION;
      case "manual" -> EntryType.MANUAL;
      default -> EntryType.INVOICE;
    };
    assertThat(ledger.entry(before + 1).type()).isEqualTo(type);
    if (op.equals("invoice")) {
      assertThat(ledger.entry(before + 1).lines()).hasSize(4);
    }
    if (op.equals("cycle")) {
      assertThat(List.of(ledger.entry(before + 2).type(), ledger.entry(before + 3).type()))
          .containsExactly(EntryType.PAYMENT, EntryType.APPLICATION);
    }
    fresh.close();
    assertThat(new LedgerPostingBenchmark().bareEncodeChainAppend(in)).isGreaterThan(30L * 100);
    // the hash-only floor hashes exactly the entries' encodings
    for (int i = 0; i < 30; i++) {
      assertThat(in.payloads[i]).isEqualTo(in.entries.get(i).toBytes());
    }
    MessageDigest sha = LedgerPostingBenchmark.sha256();
    byte[] previous = new byte[32];
    for (int i = 0; i < 30; i++) {
      sha.update(previous);
      sha.update(ByteBuffer.allocate(8).putLong(i + 1L).array());
      sha.update(in.payloads[i]);
      previous = sha.digest();
    }
    assertThat(new LedgerPostingBenchmark().bareChain(in)).isEqualTo((int) previous[0]);
  }

  @Test
  void concurrentCallersPostEveryEntryDurablyAndShareFlushes(@TempDir Path tmp) throws Exception {
    FileJournalBenchmark b = new FileJournalBenchmark();
    FileJournalBenchmark.Concurrent s = new FileJournalBenchmark.Concurrent();
    s.size = 300;
    s.threads = 4;
    s.root = tmp;
    s.inputs();
    assertThat(s.perThread).hasSize(4).allSatisfy(l -> assertThat(l).hasSize(75));
    s.fresh();
    assertThat(b.postConcurrent(s)).isEqualTo(300);
    long flushes = s.store().flushes() - s.flushesBefore;
    assertThat(flushes).isBetween(1L, 300L);
    Ledger l = Objects.requireNonNull(s.ledger);
    // every customer's payment was applied to its invoice: nothing is left open
    assertThat(l.openItems(LocalDate.of(2025, 1, 1))).isEmpty();
    assertThat(l.verify().isIntact()).isTrue();
    s.done();
    s.stop();
  }

  @Test
  void fileBatchesPostAndMakeDurableEveryEntry(@TempDir Path tmp) {
    FileJournalBenchmark b = new FileJournalBenchmark();
    FileJournalBenchmark.Batched s = new FileJournalBenchmark.Batched();
    s.size = 300;
    s.batch = 100;
    s.root = tmp;
    s.inputs();
    assertThat(s.requests).hasSize(300);
    s.fresh();
    Path folder = Objects.requireNonNull(s.folder);
    assertThat(b.postBatched(s)).isEqualTo(300);
    long bare = b.bareBatched(s);
    assertThat(bare).isEqualTo(sizeOf(folder.resolve("bare.gbj")));
    // the raw floor writes exactly the bytes the bare one does
    assertThat(b.rawBatched(s)).isEqualTo(bare);
    assertThat(readAll(folder.resolve("raw.gbj"))).isEqualTo(readAll(folder.resolve("bare.gbj")));
    s.done();
    assertThat(folder).doesNotExist();
    // what was acknowledged is in the file: reopen it
    s.fresh();
    assertThat(b.postBatched(s)).isEqualTo(300);
    Objects.requireNonNull(s.ledger).close();
    s.ledger = null;
    try (Ledger again = Ledger.open(FileJournalStore.open(Objects.requireNonNull(s.folder)))) {
      assertThat(again.lastSequence()).isEqualTo(300);
      assertThat(again.verify().isIntact()).isTrue();
      // the floor wrote frames of the same sizes as the store
      assertThat(bare).isEqualTo(sizeOf(Objects.requireNonNull(s.folder).resolve(FileJournalStore.FILE_NAME)));
    }
    s.done();
  }

  @Test
  void fileBatchOneFlushesEachEntry(@TempDir Path tmp) {
    FileJournalBenchmark b = new FileJournalBenchmark();
    FileJournalBenchmark.Each s = new FileJournalBenchmark.Each();
    s.size = 30;
    s.root = tmp;
    s.inputs();
    s.fresh();
    assertThat(b.postEach(s)).isEqualTo(30);
    assertThat(b.bareEach(s)).isPositive();
    assertThat(b.rawEach(s)).isEqualTo(sizeOf(Objects.requireNonNull(s.folder).resolve("bare.gbj")));
    s.done();
  }

  @Test
  void agingCoversEveryOpenItemAndTiesToControl() {
    AgingBenchmark b = new AgingBenchmark();
    b.customers = 200;
    b.build();
    assertThat(b.itemOpen).hasSize(2000);
    AgingReport r = b.aging();
    assertThat(r.rows()).hasSize(200);
    AgingTotal t = r.totals().get(0);
    assertThat(t.tiesToControl()).isTrue();
    assertThat(t.buckets()).allSatisfy(m -> assertThat(m.isPositive()).isTrue());
    long sum = 0;
    for (long x : b.bareBucketLoop()) {
      sum += x;
    }
    assertThat(Money.ofMinor(LedgerInputs.USD, sum)).isEqualTo(t.total());
    b.close();
  }

  @Test
  void replayOpensTheGeneratedJournal(@TempDir Path tmp) {
    JournalReplayBenchmark b = new JournalReplayBenchmark();
    b.entries = 1000;
    b.customers = 100;
    b.root = tmp;
    b.journal();
    assertThat(b.folder.resolve("complete-1000-100-" + JournalReplayBenchmark.SEED)).exists();
    b.before();
    assertThat(b.replay()).isEqualTo(1000);
    Ledger l = Objects.requireNonNull(b.ledger);
    assertThat(l.customers()).hasSize(100);
    // three whole months (paid and applied) and the fourth month's first 100 entries: its invoices, all open
    assertThat(l.openItems(LocalDate.of(2030, 1, 1))).hasSize(100);
    b.after();
    assertThat(b.lastRetained).isPositive();
    b.before();
    assertThat(b.openStoreOnly()).isEqualTo(1000);
    b.after();
    // a second trial reuses the complete journal
    b.journal();
    assertThat(b.folder.resolve(FileJournalStore.FILE_NAME)).exists();
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
