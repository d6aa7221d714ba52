package io.github.gridbill.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte writer for the hot paths (request digests, entry encoding): ASCII text is written char
 * by char without intermediate strings, anything else through {@link String#getBytes} with UTF-8 (so the bytes are
 * exactly those of {@code getBytes(UTF_8)}). Reused, never shared between threads.
 */
final class ByteSink {
  private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** The value of each ASCII character as a lowercase hex digit, -1 for any other character. */
  private static final byte[] HEX_VALUES = new byte[128];
  /** {@code POWERS[i]} is 10 to the power i, up to the largest that fits a long. */
  private static final long[] POWERS = new long[19];

  static {
    Arrays.fill(HEX_VALUES, (byte) -1);
    for (int i = 0; i < 16; i++) {
      HEX_VALUES[HEX[i]] = (byte) i;
    }
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  byte[] buf;
  int size;

  ByteSink(int capacity) {
    buf = new byte[capacity];
  }

  void reset() {
    size = 0;
  }

  void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void u16(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void i32(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void i64(long v) {
    ensure(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[size++] = (byte) (v >>> s);
    }
  }

  void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  /** Writes a string as UTF-8 (ASCII char by char) and returns the number of bytes written. */
  int utf8(String s) {
    int n = s.length();
    ensure(n);
    int start = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size = start;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        bytes(b);
        return b.length;
      }
      buf[start + i] = (byte) c;
    }
    size = start + n;
    return n;
  }

  /** Writes a u16 byte length and the UTF-8 bytes of a string; the caller has checked it fits. */
  void str(String s) {
    ensure(2);
    int at = size;
    size += 2;
    int n = utf8(s);
    if (n > 0xFFFF) {
      throw new IllegalArgumentException("a string of " + n + " UTF-8 bytes passed validation");
    }
    buf[at] = (byte) (n >>> 8);
    buf[at + 1] = (byte) n;
  }

  /** Writes the decimal text of a number, as {@link Long#toString(long)} does. */
  void decimal(long v) {
    if (v == Long.MIN_VALUE) {
      utf8(Long.toString(v));
      return;
    }
    int n = decimalLength(v);
    ensure(n);
    long x = v;
    if (x < 0) {
      buf[size] = '-';
      x = -x;
    }
    int i = size + n;
    while (x > Integer.MAX_VALUE) {
      buf[--i] = DIGITS[(int) (x % 10)];
      x /= 10;
    }
    int y = (int) x; // int division is cheaper than long division
    do {
      buf[--i] = DIGITS[y % 10];
      y /= 10;
    } while (y != 0);
    size += n;
  }

  /** The length of {@link Long#toString(long)}. */
  static int decimalLength(long v) {
    if (v == Long.MIN_VALUE) {
      return 20;
    }
    long x = Math.abs(v);
    int n = 1;
    while (n < POWERS.length && x >= POWERS[n]) {
      n++;
    }
    return v < 0 ? n + 1 : n;
  }

  /** Writes {@code n} digits of a non-negative number, zero-padded. */
  void digits(int v, int n) {
    ensure(n);
    int x = v;
    for (int i = size + n - 1; i >= size; i--) {
      buf[i] = DIGITS[x % 10];
      x /= 10;
    }
    size += n;
  }

  /** Lowercase hex of bytes, as a string. */
  static String hex(byte[] b) {
    byte[] out = new byte[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[b[i] & 0xF];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Writes the bytes of a string of lowercase hex digits (validated by the caller). */
  void unhex(String s) {
    int n = s.length() / 2;
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) ((nibble(s.charAt(2 * i)) << 4) | nibble(s.charAt(2 * i + 1)));
    }
  }

  private static int nibble(char c) {
    int v = hexValue(c);
    if (v < 0) {
      throw new IllegalArgumentException("not a lowercase hex digit: " + c);
    }
    return v;
  }

  /**
   * The value of a lowercase hex digit, or -1. A table look-up: digests are random hex, so comparing ranges would
   * branch unpredictably on every character (about 4 ns per character on the benchmark machine, against well under 1).
   */
  static int hexValue(char c) {
    return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }
}
