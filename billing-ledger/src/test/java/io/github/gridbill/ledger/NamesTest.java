package io.github.gridbill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * {@link Names} against a reference of its rules (the plain loops it had before its fast paths for printable ASCII):
 * the same values accepted, and the same message for each value refused.
 */
class NamesTest {

  @Provide
  Arbitrary<String> mixed() {
    // printable ASCII, blanks, control characters (C0, DEL, C1), other whitespace, non-ASCII, and surrogates alone
    // or paired; lengths around the 200-character limit too
    Arbitrary<Character> chars = Arbitraries.of('a', 'Z', '0', '~', ' ', '\t', '\n', '\u001F', '\u007F', '\u0085',
        '\u009F', '\u00A0', '\u2003', '\u3000', 'é', '電', '\uD83D', '\uDE00');
    return Arbitraries.oneOf(chars.list().ofMaxSize(12), chars.list().ofMinSize(195).ofMaxSize(205))
        .map(l -> {
          StringBuilder b = new StringBuilder();
          l.forEach(b::append);
          return b.toString();
        });
  }

  @Property(tries = 2000)
  void nameAcceptsAndRefusesExactlyAsItsRulesSay(@ForAll("mixed") String value) {
    assertThat(outcome(() -> Names.name(value, "f"))).isEqualTo(outcome(() -> referenceName(value, "f")));
  }

  @Property(tries = 2000)
  void textAcceptsAndRefusesExactlyAsItsRulesSay(@ForAll("mixed") String value) {
    assertThat(outcome(() -> Names.text(value, "f"))).isEqualTo(outcome(() -> referenceText(value, "f")));
  }

  /** "ok", or the refusal's type and message. */
  private static String outcome(Runnable call) {
    @Nullable Throwable t = catchThrowable(call::run);
    return t == null ? "ok" : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void referenceName(String value, String field) {
    if (value.length() > Names.MAX_NAME) {
      throw new ValidationException(field, value, "must be at most " + Names.MAX_NAME + " characters");
    }
    boolean blank = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        throw new ValidationException(field, value, "must not contain control characters");
      }
      blank &= Character.isWhitespace(c);
      if (Character.isSurrogate(c)) {
        i = referencePair(value, i, field);
      }
    }
    if (blank) {
      throw new ValidationException(field, "\"" + value + "\"", "must not be blank");
    }
  }

  private static void referenceText(String value, String field) {
    long bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        i = referencePair(value, i, field);
        bytes += 4;
      } else {
        bytes += 3;
      }
    }
    if (bytes > Names.MAX_TEXT_BYTES) {
      throw new ValidationException(field, bytes + " bytes", "must be at most " + Names.MAX_TEXT_BYTES
          + " UTF-8 bytes");
    }
  }

  private static int referencePair(String value, int i, String field) {
    if (!Character.isHighSurrogate(value.charAt(i)) || i + 1 >= value.length()
        || !Character.isLowSurrogate(value.charAt(i + 1))) {
      throw new ValidationException(field, value, "must be valid Unicode");
    }
    return i + 1;
  }
}
