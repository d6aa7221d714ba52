package io.github.gridbill.rating.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InvoiceNumberSequenceTest {

  @Test
  void firstNumberIsOneZeroPadded() {
    InvoiceNumberSequence s = InvoiceNumberSequence.of("INV-2024-", 6);
    assertThat(s.lastIssuedNumber()).isEmpty();
    assertThat(s.next()).isEqualTo("INV-2024-000001");
    assertThat(s.next()).isEqualTo("INV-2024-000002");
    assertThat(s.lastIssued()).isEqualTo(2);
    assertThat(s.lastIssuedNumber()).hasValue("INV-2024-000002");
  }

  @Test
  void resumesAfterTheLastIssuedNumber() {
    InvoiceNumberSequence s = InvoiceNumberSequence.resumeAfter("INV-2024-", 6, "INV-2024-000041");
    assertThat(s.next()).isEqualTo("INV-2024-000042");
    InvoiceNumberSequence t = InvoiceNumberSequence.resumeAfter("INV-2024-", 6, s.lastIssued());
    assertThat(t.next()).isEqualTo("INV-2024-000043");
  }

  @Test
  void formatAndParseRoundTrip() {
    InvoiceNumberSequence s = InvoiceNumberSequence.of("", 4);
    assertThat(s.format(7)).isEqualTo("0007");
    assertThat(s.parse("0007")).isEqualTo(7);
    assertThat(s.format(9999)).isEqualTo("9999");
    assertThat(s.lastIssued()).isZero();
  }

  @Test
  void exhaustedSequenceRefusesWithoutConsuming() {
    InvoiceNumberSequence s = InvoiceNumberSequence.resumeAfter("A", 2, 98);
    assertThat(s.next()).isEqualTo("A99");
    assertThatExceptionOfType(BusinessRuleException.class).isThrownBy(s::next)
        .withMessage("sequence[A].next must fit in 2 digits (the sequence is exhausted; start a new prefix): 100");
    assertThat(s.lastIssued()).isEqualTo(99);
  }

  @Test
  void widthMustBe1To18() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceNumberSequence.of("X", 19))
        .withMessage("width must be 1 to 18: 19");
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceNumberSequence.of("X", 0))
        .withMessage("width must be 1 to 18: 0");
  }

  @Test
  void prefixMustNotContainWhitespace() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> InvoiceNumberSequence.of("INV 24-", 6))
        .withMessage("prefix must not contain whitespace: \"INV 24-\"");
  }

  @Test
  void lastIssuedMustFitTheWidth() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> InvoiceNumberSequence.resumeAfter("X", 3, 1000))
        .withMessage("lastIssued must be 0 to 999: 1000");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> InvoiceNumberSequence.resumeAfter("X", 3, -1))
        .withMessage("lastIssued must be 0 to 999: -1");
  }

  @Test
  void resumedNumberMustHaveThePrefixAndWidth() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> InvoiceNumberSequence.resumeAfter("INV-2024-", 6, "INV-2023-000041"))
        .withMessage("number must be \"INV-2024-\" followed by exactly 6 digits: \"INV-2023-000041\"");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> InvoiceNumberSequence.resumeAfter("INV-2024-", 6, "INV-2024-00041"))
        .withMessage("number must be \"INV-2024-\" followed by exactly 6 digits: \"INV-2024-00041\"");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> InvoiceNumberSequence.resumeAfter("INV-2024-", 6, "INV-2024-00004a"))
        .withMessage("number must be \"INV-2024-\" followed by exactly 6 digits: \"INV-2024-00004a\"");
  }

  @Test
  void formatRefusesCountersOutsideTheWidth() {
    InvoiceNumberSequence s = InvoiceNumberSequence.of("X", 2);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> s.format(100))
        .withMessage("counter must be 0 to 99: 100");
  }

  @Test
  void eightThreadsTake4000NumbersWithoutGapOrRepeat() throws InterruptedException {
    InvoiceNumberSequence s = InvoiceNumberSequence.of("INV-", 6);
    ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 500; i++) {
          taken.add(s.next());
        }
      });
      th.start();
      threads.add(th);
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    Set<Long> counters = new TreeSet<>();
    for (String n : taken) {
      counters.add(s.parse(n));
    }
    assertThat(taken).hasSize(4000);
    assertThat(counters).hasSize(4000).first().isEqualTo(1L);
    assertThat(((TreeSet<Long>) counters).last()).isEqualTo(4000L);
    assertThat(s.lastIssued()).isEqualTo(4000);
  }
}
