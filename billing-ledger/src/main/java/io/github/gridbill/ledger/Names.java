package io.github.gridbill.ledger;

import io.github.gridbill.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Rules for the texts a ledger stores: keys, references, account keys, descriptions. */
final class Names {
  /** The longest key, reference or account key, in characters. */
  static final int MAX_NAME = 200;
  /** The longest free text (descriptions, reasons, attribute values), in UTF-8 bytes. */
  static final int MAX_TEXT_BYTES = 65_535;

  private Names() {}

  /**
   * A key, reference or id: 1 to 200 characters, not blank, no control characters.
   */
  static String name(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field, "\"" + value + "\"", "must not be blank");
    }
    if (value.length() > MAX_NAME) {
      throw new ValidationException(field, value, "must be at most " + MAX_NAME + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValidationException(field, value, "must not contain control characters");
      }
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
      throw new ValidationException(field, value, "must be valid Unicode");
    }
    return value;
  }

  /** Free text: at most 65,535 UTF-8 bytes, valid Unicode. */
  static String text(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
      throw new ValidationException(field, value, "must be valid Unicode");
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEXT_BYTES) {
      throw new ValidationException(field, bytes + " bytes", "must be at most " + MAX_TEXT_BYTES + " UTF-8 bytes");
    }
    return value;
  }
}
