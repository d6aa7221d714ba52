package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import io.github.gridbill.ledger.journal.JournalException;
import io.github.gridbill.ledger.journal.JournalRecord;
import io.github.gridbill.ledger.journal.JournalStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a ledger reads a long journal on a second thread ({@link Replay}): the same state and the same errors as
 * reading it on the calling thread, whatever the chunk boundaries, and no thread left behind.
 */
class ReplayTest {
  static final LocalDate[] DAYS = {d("2024-03-31"), d("2024-04-30"), d("2024-12-31")};
  /** More than a few chunks, and not a multiple of the chunk size. */
  static final int INVOICES = 5 * Replay.CHUNK + 17;

  @TempDir
  Path dir;

  /** Invoices for 40 customers, then a payment and a balance-forward application per customer. */
  static void fill(Ledger ledger) {
    fill(ledger, INVOICES);
  }

  /** An in-memory ledger filled as {@link #fill(Ledger, int)} does. */
  static Ledger filled(int invoices) {
    Ledger ledger = Ledger.open(new InMemoryJournalStore(), Fx.CLOCK);
    fill(ledger, invoices);
    return ledger;
  }

  static void fill(Ledger ledger, int invoices) {
    ledger.batch(() -> {
      for (int i = 0; i < invoices; i++) {
        ledger.issueInvoice("inv/" + i, simple("INV-" + i, "ACC-" + (i % 40), "2024-03-0" + (1 + i % 5),
            "2024-04-0" + (1 + i % 5), Money.ofMinor(USD, 1_000 + 37L * i)));
      }
      for (int c = 0; c < 40; c++) {
        ledger.recordPayment("pay/" + c, Payment.builder().paymentId("PAY-" + c).accountId("ACC-" + c)
            .amount(Money.ofMinor(USD, 20_000 + 500L * c)).method(Fx.METHODS.get(c % Fx.METHODS.size()))
            .receivedOn(d("2024-04-10")).externalReference("ext-" + c).build());
        ledger.applyPayment("apply/" + c, PaymentApplication.balanceForward("PAY-" + c, d("2024-04-10")));
      }
    });
  }

  @Test
  void aLongJournalReadOnASecondThreadRebuildsTheSameStateAsOneRead() {
    Ledger source = filled(INVOICES);
    List<Object> expected = Fx.snapshot(source, DAYS);
    assertThat(source.lastSequence()).as("several chunks").isGreaterThan(4L * Replay.CHUNK);
    assertThat(Fx.snapshot(Ledger.open(source.store(), Fx.CLOCK, Long.MAX_VALUE), DAYS)).isEqualTo(expected);
    for (long from : new long[] {1, source.lastSequence()}) { // pipelined: the count is at least from
      assertThat(Fx.snapshot(Ledger.open(source.store(), Fx.CLOCK, from), DAYS)).as("pipelined from %d", from)
          .isEqualTo(expected);
    }
  }

  @Test
  void onlyTheLibrarysOwnStoresAreReadOnASecondThread() {
    assertThat(Replay.pipelineFrom(new InMemoryJournalStore())).isEqualTo(Replay.DEFAULT_PIPELINE_FROM);
    assertThat(Replay.pipelineFrom(new Watched(new InMemoryJournalStore(), new AtomicReference<>())))
        .isEqualTo(Long.MAX_VALUE);
    // a custom store of a journal long enough to be pipelined in a built-in store is walked on the opening thread
    Ledger source = filled((int) Replay.DEFAULT_PIPELINE_FROM);
    assertThat(source.lastSequence()).isGreaterThanOrEqualTo(Replay.DEFAULT_PIPELINE_FROM);
    AtomicReference<Thread> walker = new AtomicReference<>();
    Ledger.open(new Watched(source.store(), walker), Fx.CLOCK);
    assertThat(walker.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void aFileJournalReadOnASecondThreadRebuildsTheSameState() {
    List<Object> expected;
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      fill(ledger);
      expected = Fx.snapshot(ledger, DAYS);
    }
    try (Ledger reopened = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK, 1)) {
      assertThat(Fx.snapshot(reopened, DAYS)).isEqualTo(expected);
    }
  }

  /** A copy of a journal with record {@code at} replaced (sequences and chain recomputed by the new store). */
  static InMemoryJournalStore withRecord(JournalStore source, long at, byte[] payload) {
    InMemoryJournalStore copy = new InMemoryJournalStore();
    source.forEach(1, r -> copy.append(r.sequence(), r.sequence() == at ? payload : r.payloadBytes()));
    return copy;
  }

  static JournalEntry entryAt(JournalStore store, long sequence) {
    return JournalEntry.fromBytes(store.read(sequence).payload());
  }

  /** An entry that decodes but breaks a ledger rule: it settles an invoice that does not exist. */
  static byte[] forged(long sequence) {
    return JournalEntry.builder().sequence(sequence).key("forged/" + sequence).type(EntryType.MANUAL)
        .effectiveDate(d("2024-05-01")).recordedAt(Fx.CLOCK.instant()).contentDigest("00".repeat(32))
        .addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("10.00")))
        .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("10.00")).withItemRef("INV-NONE"))
        .build().toBytes();
  }

  /** Opens a fresh copy of a bad journal each way (a failed open closes its store); both must fail alike. */
  static Throwable openBothWays(Supplier<JournalStore> journal) {
    Throwable one = catchThrowable(() -> Ledger.open(journal.get(), Fx.CLOCK, Long.MAX_VALUE));
    Throwable two = catchThrowable(() -> Ledger.open(journal.get(), Fx.CLOCK, 1));
    assertThat(one).isNotNull();
    assertThat(two).hasSameClassAs(one).hasMessage(one.getMessage());
    return two;
  }

  @Test
  void aRecordThatIsNotAnEntryMidwayIsReportedAsWhenReadOnOneThread() {
    Ledger source = filled(INVOICES);
    long at = 3L * Replay.CHUNK + 5;
    Throwable t = openBothWays(() -> withRecord(source.store(), at, new byte[] {(byte) 0xFF, 1, 2}));
    assertThat(t).isInstanceOf(DataFormatException.class)
        .hasMessage("memory at record #" + at + ": version must be 1: 255");
  }

  @Test
  void anEntryThatBreaksALedgerRuleMidwayIsReportedAsWhenReadOnOneThread() {
    Ledger source = filled(INVOICES);
    long at = 2L * Replay.CHUNK; // the last entry of a chunk
    Throwable t = openBothWays(() -> withRecord(source.store(), at, forged(at)));
    assertThat(t).isInstanceOf(DataFormatException.class)
        .hasMessage("memory at record #" + at + ": lines[1].itemRef must name an item of RECEIVABLE:ACC-1: INV-NONE");
  }

  @Test
  void theFirstBadRecordIsReportedWhicheverKindComesFirst() {
    Ledger source = filled(INVOICES);
    long early = Replay.CHUNK + 3;
    long late = 4L * Replay.CHUNK + 1;
    // a rule broken early, an undecodable record late: the rule is reported
    Supplier<JournalStore> ruleFirst = () -> withRecord(withRecord(source.store(), early, forged(early)), late,
        new byte[] {(byte) 0xFF});
    assertThat(openBothWays(ruleFirst)).hasMessageStartingWith("memory at record #" + early + ": lines[1].itemRef");
    // an undecodable record early, a rule broken late: the record is reported
    Supplier<JournalStore> decodeFirst = () -> withRecord(withRecord(source.store(), early,
        new byte[] {(byte) 0xFF}), late, forged(late));
    assertThat(openBothWays(decodeFirst)).hasMessageStartingWith("memory at record #" + early + ": version");
  }

  @Test
  void anEntryUnderAnotherSequenceAndARepeatedKeyAreReportedAsWhenReadOnOneThread() {
    Ledger source = filled(INVOICES);
    long at = 700;
    JournalEntry original = entryAt(source.store(), at);
    byte[] shifted = JournalEntry.builder().from(original).sequence(at + 1).build().toBytes();
    assertThat(openBothWays(() -> withRecord(source.store(), at, shifted)))
        .hasMessage("memory at record #" + at + ": sequence must equal the record's sequence " + at + ": " + (at + 1));
    JournalEntry earlier = entryAt(source.store(), 10);
    byte[] repeated = JournalEntry.builder().from(original).key(earlier.key()).build().toBytes();
    assertThat(openBothWays(() -> withRecord(source.store(), at, repeated)))
        .hasMessage("memory at record #" + at + ": key must be unique in the journal: " + earlier.key());
  }

  @Test
  void aFailedOpenLeavesNoReaderThreadAndClosesTheStore() throws Exception {
    Ledger source = filled(INVOICES);
    AtomicReference<Thread> reader = new AtomicReference<>();
    // the step fails on the first chunk while the reader still has most of the journal ahead of it
    InMemoryJournalStore bad = withRecord(source.store(), 2, forged(2));
    Watched watched = new Watched(bad, reader);
    assertThat(catchThrowable(() -> Ledger.open(watched, Fx.CLOCK, 1))).isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("memory at record #2:");
    Thread t = reader.get();
    assertThat(t).isNotNull();
    assertThat(t).isNotSameAs(Thread.currentThread());
    assertThat(t.getName()).isEqualTo("gridbill-replay-memory");
    assertThat(t.isAlive()).as("the reader is joined before open fails").isFalse();
    assertThat(catchThrowable(watched::checkpoint)).as("a failed open closes the store")
        .isInstanceOf(JournalException.class);
  }

  /** A store that notes which thread walks it and otherwise does what its inner store does. */
  static final class Watched extends ForwardingStore {
    final AtomicReference<Thread> walker;

    Watched(JournalStore inner, AtomicReference<Thread> walker) {
      super(inner);
      this.walker = walker;
    }

    @Override
    public void forEach(long fromSequence, Consumer<? super JournalRecord> action) {
      walker.set(Thread.currentThread());
      super.forEach(fromSequence, action);
    }
  }
}
