package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.simple;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.journal.FileJournalStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent posters, retriers and readers on one ledger over a file journal. */
class ConcurrencyTest {
  static final LocalDate END = d("2024-12-31");

  @TempDir
  Path dir;

  @Test
  void concurrentCallersSeeConsistentStateAndEveryPostingLandsOnce() throws Exception {
    int writers = 4;
    int perWriter = 40;
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Object> before;
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        // each writer posts for its own customers; a twin thread retries the same keys at the same time
        for (int twin = 0; twin < 2; twin++) {
          threads.add(new Thread(() -> {
            try {
              start.await();
              for (int k = 0; k < perWriter; k++) {
                String customer = "W" + writer + "-" + (k % 4);
                String n = writer + "-" + k;
                ledger.issueInvoice("inv/" + n, simple("INV-" + n, customer, "2024-03-01", "2024-04-01",
                    Money.ofMinor(USD, 1_000 + k)));
                if (k % 2 == 1) {
                  ledger.recordPayment("pay/" + n, Fx.payment("PAY-" + n, customer, Money.ofMinor(USD, 1_500),
                      Fx.METHODS.get(k % Fx.METHODS.size()), "2024-04-02"));
                  ledger.applyPayment("apply/" + n, PaymentApplication.balanceForward("PAY-" + n,
                      d("2024-04-02")));
                }
              }
            } catch (Throwable e) {
              errors.add(e);
            }
          }));
        }
      }
      threads.add(new Thread(() -> {
        try {
          start.await();
          while (!done.get()) {
            Money sum = Money.zero(USD);
            for (TrialBalanceLine l : ledger.trialBalance(END)) {
              sum = sum.plus(l.balance());
            }
            assertThat(sum.isZero()).as("a trial balance read during postings sums to zero").isTrue();
            assertThat(ledger.aging(END).totals()).allMatch(AgingTotal::tiesToControl);
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }));
      threads.forEach(Thread::start);
      start.countDown();
      for (Thread t : threads.subList(0, threads.size() - 1)) {
        t.join();
      }
      done.set(true);
      threads.get(threads.size() - 1).join();
      assertThat(errors).isEmpty();
      long perWriterEntries = perWriter + 2L * (perWriter / 2);
      assertThat(ledger.lastSequence()).isEqualTo(writers * perWriterEntries);
      for (int w = 0; w < writers; w++) {
        for (int k = 0; k < perWriter; k++) {
          assertThat(ledger.entry("inv/" + w + "-" + k)).isPresent();
        }
      }
      Fx.assertBooksBalance(ledger, END);
      Money open = ledger.openItems(END).stream().map(OpenItem::openAmount).reduce(Money.zero(USD), Money::plus);
      assertThat(open).isEqualTo(ledger.arControl(USD, END));
      before = Fx.snapshot(ledger, END);
    }
    try (Ledger reopened = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      assertThat(Fx.snapshot(reopened, END)).isEqualTo(before);
    }
  }

  @Test
  void racingRetriesOfOneKeyPostItOnce() throws Exception {
    try (Ledger ledger = Ledger.open(FileJournalStore.open(dir), Fx.CLOCK)) {
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      List<PostingResult> results = new CopyOnWriteArrayList<>();
      List<Thread> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        all.add(new Thread(() -> {
          try {
            start.await();
            results.add(ledger.issueInvoice("same", simple("INV-1", "ACC-1", "2024-03-01", "2024-04-01",
                Money.of(CurrencyUnit.USD, 10))));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
      }
      all.forEach(Thread::start);
      start.countDown();
      for (Thread t : all) {
        t.join();
      }
      assertThat(results).hasSize(threads);
      assertThat(results).filteredOn(PostingResult::isNew).hasSize(1);
      assertThat(results).extracting(PostingResult::entry).containsOnly(results.get(0).entry());
      assertThat(ledger.lastSequence()).isEqualTo(1);
    }
  }
}
