package io.github.gridbill.rating.invoice;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gap-free sequence of invoice numbers: a fixed prefix and a zero-padded counter, for example
 * {@code "INV-2024-000042"} (prefix {@code "INV-2024-"}, width 6, number 42).
 *
 * <p>{@link #next()} hands out 1, 2, 3, ... with no gap and no repeat, from any number of threads at once (one atomic
 * compare-and-set per number). A number is taken only by {@link #next()}; {@link InvoiceAssembler} validates an invoice
 * completely before it calls it, so an assembly that fails consumes no number. A restarted system continues where it
 * stopped with {@link #resumeAfter(String, int, String)}, given the last number it issued (persist it with the invoice,
 * in the same transaction). When the counter would no longer fit in {@code width} digits the sequence is exhausted and
 * {@link #next()} refuses, without consuming anything; start a new sequence with a new prefix (a new year, say).
 *
 * <p>This is the one mutable type of the package; it is thread-safe. Share one instance per numbering series.
 */
public final class InvoiceNumberSequence {
  private static final int MAX_WIDTH = 18;

  private final String prefix;
  private final int width;
  private final long max;
  private final AtomicLong last;

  private InvoiceNumberSequence(String prefix, int width, long lastIssued) {
    this.prefix = prefix;
    this.width = width;
    long m = 1;
    for (int i = 0; i < width; i++) {
      m *= 10;
    }
    this.max = m - 1;
    this.last = new AtomicLong(lastIssued);
  }

  /**
   * A new sequence whose first number is 1: {@code of("INV-2024-", 6).next()} is {@code "INV-2024-000001"}.
   *
   * @param prefix the text before the counter, not null, may be empty, no whitespace
   * @param width the number of digits of the counter, 1 to 18
   * @return the sequence, never null
   * @throws ValidationException if the prefix has whitespace or the width is not 1 to 18
   */
  public static InvoiceNumberSequence of(String prefix, int width) {
    return resumeAfter(prefix, width, 0);
  }

  /**
   * A sequence that continues after a counter value: {@code resumeAfter("INV-2024-", 6, 41).next()} is
   * {@code "INV-2024-000042"}.
   *
   * @param prefix the text before the counter, not null, may be empty, no whitespace
   * @param width the number of digits of the counter, 1 to 18
   * @param lastIssued the counter of the last number issued, 0 when none was
   * @return the sequence, never null
   * @throws ValidationException if the prefix has whitespace, the width is not 1 to 18, or {@code lastIssued} is
   *     negative or does not fit in {@code width} digits
   */
  public static InvoiceNumberSequence resumeAfter(String prefix, int width, long lastIssued) {
    Objects.requireNonNull(prefix, "prefix");
    checkPrefix(prefix);
    if (width < 1 || width > MAX_WIDTH) {
      throw new ValidationException("width", width, "must be 1 to " + MAX_WIDTH);
    }
    InvoiceNumberSequence s = new InvoiceNumberSequence(prefix, width, 0);
    if (lastIssued < 0 || lastIssued > s.max) {
      throw new ValidationException("lastIssued", lastIssued, "must be 0 to " + s.max);
    }
    s.last.set(lastIssued);
    return s;
  }

  /**
   * A sequence that continues after the last number issued: {@code resumeAfter("INV-2024-", 6, "INV-2024-000041")}
   * next issues {@code "INV-2024-000042"}.
   *
   * @param prefix the text before the counter, not null, may be empty, no whitespace
   * @param width the number of digits of the counter, 1 to 18
   * @param lastIssuedNumber the last number issued, not null, the prefix followed by exactly {@code width} digits
   * @return the sequence, never null
   * @throws ValidationException if the prefix or width is invalid or the number is not of this sequence's form
   */
  public static InvoiceNumberSequence resumeAfter(String prefix, int width, String lastIssuedNumber) {
    Objects.requireNonNull(lastIssuedNumber, "lastIssuedNumber");
    InvoiceNumberSequence s = of(prefix, width);
    s.last.set(s.parse(lastIssuedNumber));
    return s;
  }

  private static void checkPrefix(String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.isWhitespace(prefix.charAt(i))) {
        throw new ValidationException("prefix", "\"" + prefix + "\"", "must not contain whitespace");
      }
    }
  }

  /**
   * The text before the counter, for example {@code "INV-2024-"}.
   *
   * @return the prefix, never null
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The number of digits of the counter, for example 6.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Takes the next number. Each call returns a different number, and the counters handed out are exactly 1 to n with
   * no gap, however many threads call at once.
   *
   * @return the number, for example {@code "INV-2024-000042"}, never null
   * @throws BusinessRuleException if the sequence is exhausted (nothing is consumed)
   */
  public String next() {
    while (true) {
      long cur = last.get();
      if (cur >= max) {
        throw new BusinessRuleException("sequence[" + prefix + "].next", cur + 1,
            "must fit in " + width + " digits (the sequence is exhausted; start a new prefix)");
      }
      if (last.compareAndSet(cur, cur + 1)) {
        return format(cur + 1);
      }
    }
  }

  /**
   * The counter of the last number issued, 0 when none was; {@code resumeAfter(prefix, width, lastIssued())} continues
   * the sequence.
   *
   * @return the counter
   */
  public long lastIssued() {
    return last.get();
  }

  /**
   * The last number issued, for example {@code "INV-2024-000041"}.
   *
   * @return the number, or empty when none was issued
   */
  public Optional<String> lastIssuedNumber() {
    long n = last.get();
    return n == 0 ? Optional.empty() : Optional.of(format(n));
  }

  /**
   * Formats a counter value as a number of this sequence: {@code format(42)} is {@code "INV-2024-000042"}. Takes
   * nothing.
   *
   * @param counter the counter, 0 to {@code 10^width − 1}
   * @return the number, never null
   * @throws ValidationException if the counter is negative or too wide
   */
  public String format(long counter) {
    if (counter < 0 || counter > max) {
      throw new ValidationException("counter", counter, "must be 0 to " + max);
    }
    String digits = Long.toString(counter);
    StringBuilder sb = new StringBuilder(prefix.length() + width).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /**
   * Reads the counter of a number of this sequence: {@code parse("INV-2024-000042")} is 42.
   *
   * @param number the number, not null
   * @return the counter
   * @throws ValidationException if the number is not this prefix followed by exactly {@code width} digits
   */
  public long parse(String number) {
    Objects.requireNonNull(number, "number");
    boolean ok = number.length() == prefix.length() + width && number.startsWith(prefix);
    for (int i = prefix.length(); ok && i < number.length(); i++) {
      char c = number.charAt(i);
      ok = c >= '0' && c <= '9';
    }
    if (!ok) {
      throw new ValidationException("number", "\"" + number + "\"",
          "must be \"" + prefix + "\" followed by exactly " + width + " digits");
    }
    return Long.parseLong(number.substring(prefix.length()));
  }

  @Override
  public String toString() {
    return "InvoiceNumberSequence[" + prefix + ", width " + width + ", last issued " + last.get() + "]";
  }
}
