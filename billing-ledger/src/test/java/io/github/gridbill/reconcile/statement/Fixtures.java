package io.github.gridbill.reconcile.statement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Loads test fixtures from {@code src/test/resources/fixtures}. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/fixtures/" + path), path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
