package io.github.gridbill.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void textFormRoundTrips() {
    Checkpoint c = Checkpoint.of(42, HASH);
    assertThat(c.toString()).isEqualTo("42:" + HASH);
    assertThat(Checkpoint.parse(c.toString())).isEqualTo(c);
    assertThat(Checkpoint.genesis().toString()).isEqualTo("0:" + "0".repeat(64));
  }

  @Test
  void parseRefusesMalformedText() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Checkpoint.parse("x:" + HASH))
        .withMessage("checkpoint must be <sequence>:<64 hex digits>: x:" + HASH);
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Checkpoint.parse(HASH))
        .withMessage("checkpoint must be <sequence>:<64 hex digits>: " + HASH);
  }

  @Test
  void hashMustBeLowercaseHex() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Checkpoint.of(1, HASH.toUpperCase(java.util.Locale.ROOT)))
        .withMessage("hash must be 64 lowercase hex digits: " + HASH.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void sequenceMustNotBeNegative() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Checkpoint.of(-1, HASH))
        .withMessage("sequence must not be negative: -1");
  }

  @Test
  void sequenceZeroIsOnlyTheGenesis() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Checkpoint.of(0, HASH))
        .withMessage("hash must be 64 zeros at sequence 0: " + HASH);
  }
}
