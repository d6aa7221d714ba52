package io.github.gridbill.ledger;

import io.github.gridbill.core.ValidationException;
import java.util.Objects;

/** Rules for the texts a ledger stores: keys, references, account keys, descriptions. */
final class Names {
  /** The longest key, reference or account key, in characters. */
  static final int MAX_NAME = 200;
  /** The longest free text (descriptions, reasons, attribute values), in UTF-8 bytes. */
  static final int MAX_TEXT_BYTES = 65_535;

  private Names() {}

  /**
   * A key, reference or id: 1 to 200 characters, not blank, no control characters, valid Unicode.
   */
  static String name(String value, String field) {
    Objects.requireNonNull(value, field);
    if (isPlainName(value)) {
      return value; // the common case, in one cheap pass
    }
    int n = value.length();
    if (n > MAX_NAME) {
      throw new ValidationException(field, value, "must be at most " + MAX_NAME + " characters");
    }
    boolean blank = true;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        throw new ValidationException(field, value, "must not contain control characters");
      }
      blank &= Character.isWhitespace(c);
      if (Character.isSurrogate(c)) {
        i = requirePair(value, i, field);
      }
    }
    if (blank) {
      throw new ValidationException(field, "\"" + value + "\"", "must not be blank");
    }
    return value;
  }

  /** Free text: at most 65,535 UTF-8 bytes, valid Unicode. */
  static String text(String value, String field) {
    Objects.requireNonNull(value, field);
    if (isPlainText(value)) {
      return value; // the common case, in one cheap pass
    }
    long bytes = 0;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        i = requirePair(value, i, field);
        bytes += 4;
      } else {
        bytes += 3;
      }
    }
    if (bytes > MAX_TEXT_BYTES) {
      throw new ValidationException(field, bytes + " bytes", "must be at most " + MAX_TEXT_BYTES + " UTF-8 bytes");
    }
    return value;
  }

  /**
   * Whether a value is a printable ASCII name of at most {@value #MAX_NAME} characters that is not blank, which
   * {@link #name} always accepts: a test that needs no field name, so callers build the name only for the values that
   * need the full check.
   */
  static boolean isPlainName(String value) {
    int n = value.length();
    if (n == 0 || n > MAX_NAME) {
      return false;
    }
    boolean blank = true;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
      blank &= c == ' ';
    }
    return !blank;
  }

  /**
   * Whether a value is short ASCII text, which {@link #text} always accepts: a test that needs no field name, so
   * callers build the name only for the values that need the full check.
   */
  static boolean isPlainText(String value) {
    int n = value.length();
    if (n > MAX_TEXT_BYTES) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Requires a high surrogate at {@code i} followed by a low one; returns the index of the low one. */
  private static int requirePair(String value, int i, String field) {
    if (!Character.isHighSurrogate(value.charAt(i)) || i + 1 >= value.length()
        || !Character.isLowSurrogate(value.charAt(i + 1))) {
      throw new ValidationException(field, value, "must be valid Unicode");
    }
    return i + 1;
  }
}
