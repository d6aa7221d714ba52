package io.github.gridbill.reconcile.cash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** SHA-256 in hex, written independently of the code under test. */
final class Sha {
  private Sha() {}

  static String first16Hex(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(Arrays.copyOf(d, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
