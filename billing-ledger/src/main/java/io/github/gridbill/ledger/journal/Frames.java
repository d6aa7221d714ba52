package io.github.gridbill.ledger.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;

/**
 * The record frame format and the chain hash (see LEDGER.md, "Journal file format").
 *
 * <pre>
 * file   := magic "GBJRNL01" (8 bytes), frame*
 * frame  := length u32 | crc32c(length) u32 | sequence u64 | payload (length bytes) | chain hash (32 bytes)
 *           | crc32c(everything before it in the frame) u32          (all integers big-endian)
 * hash_n := SHA-256(hash_(n-1) | sequence_n as u64 | payload_n), hash_0 = 32 zero bytes
 * </pre>
 */
final class Frames {
  static final byte[] MAGIC = "GBJRNL01".getBytes(StandardCharsets.US_ASCII);
  static final int FILE_HEADER_BYTES = MAGIC.length;
  static final int HASH_BYTES = 32;
  /** Bytes of a frame besides the payload: length, header CRC, sequence, hash, frame CRC. */
  static final int OVERHEAD = 4 + 4 + 8 + HASH_BYTES + 4;
  static final byte[] GENESIS = new byte[HASH_BYTES];

  private Frames() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static byte[] chain(MessageDigest sha, byte[] previous, long sequence, byte[] payload) {
    sha.reset();
    int n = previous.length;
    byte[] head = new byte[n + 8];
    System.arraycopy(previous, 0, head, 0, n);
    for (int i = 0; i < 8; i++) {
      head[n + i] = (byte) (sequence >>> (56 - 8 * i));
    }
    sha.update(head);
    sha.update(payload);
    return sha.digest();
  }

  static int lengthCrc(int length) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(4).putInt(0, length));
    return (int) crc.getValue();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  static byte[] frame(long sequence, byte[] payload, byte[] hash) {
    byte[] frame = new byte[OVERHEAD + payload.length];
    ByteBuffer b = ByteBuffer.wrap(frame);
    b.putInt(payload.length).putInt(lengthCrc(payload.length)).putLong(sequence).put(payload).put(hash);
    b.putInt(crc(frame, 0, frame.length - 4));
    return frame;
  }

  static long frameSize(int payloadLength) {
    return OVERHEAD + (long) payloadLength;
  }
}
