package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.ledger.journal.CheckpointStatus;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import io.github.gridbill.ledger.journal.JournalCorruptedException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger on a journal folder: reopening replays it, re-running posts nothing twice, damage is refused. */
class DurableLedgerTest {
  static final LocalDate END = d("2024-12-31");

  @TempDir
  Path dir;

  /** A small billing month: 60 invoices for 12 customers, payments of every method, applications, dunning. */
  static List<PostingResult> run(Ledger ledger) {
    List<PostingResult> results = new ArrayList<>();
    ledger.batch(() -> {
      for (int i = 0; i < 60; i++) {
        String customer = "ACC-" + (i % 12);
        results.add(ledger.issueInvoice("inv/" + i, simple("INV-" + i, customer, "2024-03-0" + (1 + i % 5),
            "2024-04-0" + (1 + i % 5), Money.ofMinor(USD, 1_000 + 37L * i))));
      }
      for (int c = 0; c < 12; c++) {
        Payment p = Payment.builder().paymentId("PAY-" + c).accountId("ACC-" + c)
            .amount(Money.ofMinor(USD, 2_000 + 500L * c)).method(Fx.METHODS.get(c % Fx.METHODS.size()))
            .receivedOn(d("2024-04-10")).externalReference("ext-" + c).build();
        results.add(ledger.recordPayment("pay/" + c, p));
        results.add(ledger.applyPayment("apply/" + c, PaymentApplication.balanceForward("PAY-" + c,
            d("2024-04-10"))));
      }
      results.add(ledger.recordPayment("pay/unknown", Payment.builder().paymentId("PAY-X").amount(usd("12.34"))
          .method(PaymentMethod.WIRE).receivedOn(d("2024-04-11")).build()));
      results.add(ledger.openDispute("dispute/INV-7", "INV-7", d("2024-04-12"), "estimated read"));
    });
    results.add(ledger.runDunning("dunning/2024-05-15", d("2024-05-15"), AgingDunningTest.policy()).posting());
    return results;
  }

  @Test
  void reopeningReplaysAndReRunningPostsNothingTwice() {
    List<Object> before;
    io.github.gridbill.ledger.journal.Checkpoint checkpoint;
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      List<PostingResult> first = run(ledger);
      assertThat(first).allMatch(PostingResult::isNew);
      before = Fx.snapshot(ledger, d("2024-04-10"), END);
      checkpoint = ledger.checkpoint();
      Fx.assertBooksBalance(ledger, END);
      assertThat(ledger.aging(END).totals()).allMatch(AgingTotal::tiesToControl);
    }
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      assertThat(Fx.snapshot(ledger, d("2024-04-10"), END)).isEqualTo(before);
      List<PostingResult> again = run(ledger);
      assertThat(again).allMatch(PostingResult::replayed);
      assertThat(ledger.lastSequence()).isEqualTo(60 + 24 + 3);
      assertThat(Fx.snapshot(ledger, d("2024-04-10"), END)).isEqualTo(before);
      assertThat(ledger.store().compare(checkpoint)).isEqualTo(CheckpointStatus.MATCHES);
      assertThat(ledger.verify().isIntact()).isTrue();
    }
  }

  @Test
  void aTornLastEntryIsLostAndPostedAgainOnTheNextRun() throws Exception {
    long size;
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      run(ledger);
      size = Files.size(dir.resolve(FileJournalStore.FILE_NAME));
    }
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve(FileJournalStore.FILE_NAME).toFile(), "rw")) {
      f.setLength(size - 10);
    }
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      assertThat(ledger.lastSequence()).isEqualTo(86);
      assertThat(ledger.entry("dunning/2024-05-15")).isEmpty();
      List<PostingResult> again = run(ledger);
      assertThat(again.subList(0, again.size() - 1)).allMatch(PostingResult::replayed);
      assertThat(again.get(again.size() - 1).isNew()).isTrue();
      assertThat(ledger.lastSequence()).isEqualTo(87);
    }
  }

  @Test
  void aDamagedJournalIsRefused() throws Exception {
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      run(ledger);
    }
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve(FileJournalStore.FILE_NAME).toFile(), "rw")) {
      f.seek(1000);
      int b = f.read();
      f.seek(1000);
      f.write(b ^ 1);
    }
    JournalCorruptedException e = catchThrowableOfType(JournalCorruptedException.class,
        () -> Ledger.open(FileJournalStore.open(dir), Fx.CLOCK));
    assertThat(e.offset()).isLessThanOrEqualTo(1000);
    assertThat(e.getMessage()).startsWith(dir.resolve(FileJournalStore.FILE_NAME) + " at byte offset "
        + e.offset() + ": record");
  }

  @Test
  void anEntryThatBreaksALedgerRuleIsRefusedOnReplay() {
    InMemoryJournalStore store = new InMemoryJournalStore();
    Ledger source = Ledger.open(store, Fx.CLOCK);
    source.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("10.00")));
    JournalEntry forged = JournalEntry.builder().sequence(2).key("forged").type(EntryType.MANUAL)
        .effectiveDate(d("2024-05-01")).recordedAt(Fx.CLOCK.instant()).contentDigest("00".repeat(32))
        .addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("10.00")))
        .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("10.00")).withItemRef("INV-9")).build();
    store.append(2, forged.toBytes());
    Expect.thrown(DataFormatException.class,
        "memory at record #2: lines[1].itemRef must name an item of RECEIVABLE:ACC-1: INV-9",
        () -> Ledger.open(store, Fx.CLOCK));
  }

  @Test
  void aRecordThatIsNotAnEntryIsRefusedOnReplay() {
    InMemoryJournalStore store = new InMemoryJournalStore();
    store.append(1, new byte[] {(byte) 0xFF, 1, 2});
    Expect.thrown(DataFormatException.class, "memory at record #1: version must be 1: 255",
        () -> Ledger.open(store, Fx.CLOCK));
  }

  @Test
  void anEntryUnderTheWrongSequenceIsRefusedOnReplay() {
    InMemoryJournalStore store = new InMemoryJournalStore();
    JournalEntry e = Fx.ledger().openCustomer("k", "ACC-1", d("2024-01-01")).entry();
    store.append(1, JournalEntry.builder().from(e).sequence(5).build().toBytes());
    Expect.thrown(DataFormatException.class, "memory at record #1: sequence must equal the record's sequence 1: 5",
        () -> Ledger.open(store, Fx.CLOCK));
  }

  @Test
  void aKeyUsedTwiceInTheJournalIsRefusedOnReplay() {
    InMemoryJournalStore store = new InMemoryJournalStore();
    JournalEntry e = Fx.ledger().openCustomer("k", "ACC-1", d("2024-01-01")).entry();
    store.append(1, e.toBytes());
    store.append(2, JournalEntry.builder().from(e).sequence(2).putAttribute("accountId", "ACC-2").build().toBytes());
    Expect.thrown(DataFormatException.class, "memory at record #2: key must be unique in the journal: k",
        () -> Ledger.open(store, Fx.CLOCK));
  }

  @Test
  void aFailedReplayReleasesTheFolder() {
    try (FileJournalStore store = FileJournalStore.open(dir)) {
      JournalEntry forged = JournalEntry.builder().sequence(1).key("forged").type(EntryType.MANUAL)
          .effectiveDate(d("2024-05-01")).recordedAt(Fx.CLOCK.instant()).contentDigest("00".repeat(32))
          .addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("10.00")))
          .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("10.00")).withItemRef("INV-9")).build();
      store.append(1, forged.toBytes());
      store.sync(1);
    }
    String message = dir.resolve(FileJournalStore.FILE_NAME)
        + " at record #1: lines[1].account must belong to a known customer account: RECEIVABLE:ACC-1";
    Expect.thrown(DataFormatException.class, message, () -> Ledger.open(FileJournalStore.open(dir), Fx.CLOCK));
    Expect.thrown(DataFormatException.class, message, () -> Ledger.open(FileJournalStore.open(dir), Fx.CLOCK));
  }

  /** A store whose sync fails on demand, as a disk would. */
  static final class FailingStore extends ForwardingStore {
    boolean fail;

    FailingStore() {
      super(new InMemoryJournalStore());
    }

    @Override
    public void sync(long sequence) {
      if (fail) {
        throw new io.github.gridbill.ledger.journal.JournalException("journal", name(), "could not be written", null);
      }
      super.sync(sequence);
    }

    @Override
    public String name() {
      return "failing";
    }
  }

  @Test
  void afterAFailedJournalWriteTheLedgerRefusesPostings() {
    FailingStore store = new FailingStore();
    Ledger ledger = Ledger.open(store, Fx.CLOCK);
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("10.00")));
    store.fail = true;
    Expect.thrown(io.github.gridbill.ledger.journal.JournalException.class, "journal could not be written: failing",
        () -> ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-04-01", "2024-05-01", usd("10.00"))));
    store.fail = false;
    Expect.thrown(io.github.gridbill.ledger.journal.JournalException.class,
        "ledger must be reopened after a failed journal write: failing",
        () -> ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-04-01", "2024-05-01", usd("10.00"))));
    assertThat(ledger.arControl(USD, END)).as("queries still answer").isEqualTo(usd("20.00"));
  }
}
