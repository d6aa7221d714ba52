package io.github.gridbill.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The entry encoder as first written (a fresh buffer per entry, {@code getBytes} per string, {@code HexFormat} for the
 * digest): the reference whose bytes the faster {@link EntryCodec#encode} must reproduce exactly.
 */
final class ReferenceEntryCodec {
  private ReferenceEntryCodec() {}

  static byte[] encode(JournalEntry e) {
    Out out = new Out(256);
    out.u8(EntryCodec.VERSION);
    out.i64(e.sequence());
    out.str(e.key());
    out.u8(e.type().code());
    out.i64(e.effectiveDate().toEpochDay());
    Instant recordedAt = e.recordedAt();
    out.i64(recordedAt.getEpochSecond());
    out.i32(recordedAt.getNano());
    out.bytes(HexFormat.of().parseHex(e.contentDigest()));
    out.str(e.description());
    out.i32(e.lines().size());
    for (JournalLine l : e.lines()) {
      account(out, l.account());
      out.u8(l.side() == EntrySide.DEBIT ? 0 : 1);
      out.str(l.amount().getCurrencyUnit().getCode());
      out.i64(l.amount().getAmountMinorLong());
      out.u8((l.itemRef().isPresent() ? 1 : 0) | (l.dueDate().isPresent() ? 2 : 0));
      if (l.itemRef().isPresent()) {
        out.str(l.itemRef().get());
      }
      if (l.dueDate().isPresent()) {
        out.i64(l.dueDate().get().toEpochDay());
      }
    }
    out.i32(e.notes().size());
    for (ItemNote n : e.notes()) {
      account(out, n.account());
      out.str(n.itemRef());
      out.str(n.amount().getCurrencyUnit().getCode());
      out.i64(n.amount().getAmountMinorLong());
      out.i32(n.level());
    }
    out.i32(e.attributes().size());
    e.attributes().forEach((k, v) -> {
      out.str(k);
      out.str(v);
    });
    return out.toArray();
  }

  private static void account(Out out, LedgerAccount a) {
    out.u8(a.kind().code());
    out.str(a.key());
  }

  /** A growable big-endian byte writer. */
  private static final class Out {
    private byte[] buf;
    private int size;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    void u8(int v) {
      ensure(1);
      buf[size++] = (byte) v;
    }

    void i32(int v) {
      ensure(4);
      for (int s = 24; s >= 0; s -= 8) {
        buf[size++] = (byte) (v >>> s);
      }
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

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xFFFF) {
        throw new IllegalArgumentException("a string of " + b.length + " UTF-8 bytes passed validation");
      }
      ensure(2 + b.length);
      buf[size++] = (byte) (b.length >>> 8);
      buf[size++] = (byte) b.length;
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
