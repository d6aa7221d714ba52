package io.github.gridbill.examples.demo;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.BillingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * The demo's parameters: how many accounts, the seed, the month billed, how many rating threads. Everything the demo
 * generates follows from these, so the same parameters give the same company, the same bills and the same invoice
 * numbers on every run.
 */
final class DemoScenario {
  /** The default number of accounts. */
  static final int DEFAULT_ACCOUNTS = 10_000;
  /** The default seed. */
  static final long DEFAULT_SEED = 20250301L;
  /** The month billed: March 2025 (in New York the clocks go forward on the 9th: a 23-hour day). */
  static final YearMonth DEFAULT_MONTH = YearMonth.of(2025, 3);

  private final int accounts;
  private final long seed;
  private final YearMonth month;
  private final int threads;

  private DemoScenario(int accounts, long seed, YearMonth month, int threads) {
    this.accounts = accounts;
    this.seed = seed;
    this.month = month;
    this.threads = threads;
  }

  /**
   * A scenario.
   *
   * @param accounts the number of accounts, 1 to 1,000,000
   * @param seed the seed
   * @param threads rating threads, 1 to 256
   * @return the scenario
   * @throws ValidationException if a number is out of range
   */
  static DemoScenario of(int accounts, long seed, int threads) {
    if (accounts < 1 || accounts > 1_000_000) {
      throw new ValidationException("accounts", accounts, "must be 1 to 1,000,000");
    }
    if (threads < 1 || threads > 256) {
      throw new ValidationException("threads", threads, "must be 1 to 256");
    }
    return new DemoScenario(accounts, seed, DEFAULT_MONTH, threads);
  }

  int accounts() {
    return accounts;
  }

  long seed() {
    return seed;
  }

  YearMonth month() {
    return month;
  }

  int threads() {
    return threads;
  }

  /** The billing period of a book: the calendar month in the book's zone. */
  BillingPeriod period(DemoBook book) {
    return BillingPeriod.ofMonth(month, book.zone());
  }

  /** The day invoices are issued: the first day after the period. */
  LocalDate issueDate() {
    return month.plusMonths(1).atDay(1);
  }

  /**
   * The day the reports are drawn up: aging, dunning and the statements are as of this date, six weeks after the
   * invoices went out, so that some are paid, some are late and some are old.
   */
  LocalDate asOf() {
    return issueDate().plusDays(42);
  }

  /** The demand-response event of the US book: the 20th, 14:00 to 18:00 New York time. */
  LocalDateTime drEventLocalStart() {
    return month.atDay(20).atTime(14, 0);
  }

  /** The event's end (exclusive). */
  LocalDateTime drEventLocalEnd() {
    return month.atDay(20).atTime(18, 0);
  }

  Instant drEventStart() {
    return drEventLocalStart().atZone(DemoBook.USD.zone()).toInstant();
  }

  Instant drEventEnd() {
    return drEventLocalEnd().atZone(DemoBook.USD.zone()).toInstant();
  }

  @Override
  public String toString() {
    return accounts + " accounts, seed " + seed + ", " + month;
  }
}
