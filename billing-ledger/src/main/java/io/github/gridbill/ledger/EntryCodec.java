package io.github.gridbill.ledger;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.DataFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The canonical binary encoding of a journal entry (big-endian; strings are a u16 byte length and UTF-8).
 *
 * <pre>
 * entry := version u8 (= 1) | sequence i64 | key str | type u8 | effectiveDate i64 (epoch day)
 *          | recordedAt seconds i64 | recordedAt nanos i32 | contentDigest 32 bytes | description str
 *          | lineCount i32 | line* | noteCount i32 | note* | attributeCount i32 | (name str | value str)*
 * line  := account | side u8 (0 debit, 1 credit) | currency str | amount minor i64
 *          | flags u8 (bit 0 item ref, bit 1 due date) | [itemRef str] | [dueDate i64 (epoch day)]
 * note  := account | itemRef str | currency str | amount minor i64 | level i32
 * account := kind u8 | key str
 * </pre>
 *
 * <p>Attributes are written in name order. Decoding is strict: unknown codes, unsorted attributes, invalid UTF-8,
 * unknown currencies and trailing bytes are refused, so that one entry has exactly one encoding.
 */
final class EntryCodec {
  static final int VERSION = 1;
  private static final String SOURCE = "journal entry";
  /** The largest encoding buffer a thread keeps between calls. */
  private static final int MAX_KEPT_BUFFER = 1 << 16;
  /** Each thread's encoding buffer: entries are written into it, then copied out at their exact size. */
  private static final ThreadLocal<ByteSink> SINK = ThreadLocal.withInitial(() -> new ByteSink(1024));

  private EntryCodec() {}

  static byte[] encode(JournalEntry e) {
    ByteSink out = SINK.get();
    out.reset();
    try {
      out.u8(VERSION);
      out.i64(e.sequence());
      out.str(e.key());
      out.u8(e.type().code());
      out.i64(e.effectiveDate().toEpochDay());
      Instant recordedAt = e.recordedAt();
      out.i64(recordedAt.getEpochSecond());
      out.i32(recordedAt.getNano());
      out.unhex(e.contentDigest());
      out.str(e.description());
      List<JournalLine> lines = e.lines();
      out.i32(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        JournalLine l = lines.get(i);
        account(out, l.account());
        out.u8(l.side() == EntrySide.DEBIT ? 0 : 1);
        Money amount = l.amount();
        out.str(amount.getCurrencyUnit().getCode());
        out.i64(amount.getAmountMinorLong());
        Optional<String> itemRef = l.itemRef();
        Optional<LocalDate> dueDate = l.dueDate();
        out.u8((itemRef.isPresent() ? 1 : 0) | (dueDate.isPresent() ? 2 : 0));
        if (itemRef.isPresent()) {
          out.str(itemRef.get());
        }
        if (dueDate.isPresent()) {
          out.i64(dueDate.get().toEpochDay());
        }
      }
      List<ItemNote> notes = e.notes();
      out.i32(notes.size());
      for (int i = 0; i < notes.size(); i++) {
        ItemNote n = notes.get(i);
        account(out, n.account());
        out.str(n.itemRef());
        out.str(n.amount().getCurrencyUnit().getCode());
        out.i64(n.amount().getAmountMinorLong());
        out.i32(n.level());
      }
      out.i32(e.attributes().size());
      e.attributes().forEach((name, value) -> {
        out.str(name);
        out.str(value);
      });
      return out.toArray();
    } finally {
      if (out.buf.length > MAX_KEPT_BUFFER) {
        SINK.remove();
      }
    }
  }

  private static void account(ByteSink out, LedgerAccount a) {
    out.u8(a.kind().code());
    out.str(a.key());
  }

  static JournalEntry decode(ByteBuffer source) {
    // one bulk copy when the bytes are not reachable as an array (a read-only record), so strings copy once
    ByteBuffer in = source.hasArray() ? source.slice() : ByteBuffer.wrap(copyOf(source));
    try {
      int version = in.get() & 0xFF;
      if (version != VERSION) {
        throw fail(0, "version", version, "must be " + VERSION);
      }
      JournalEntry.Builder b = JournalEntry.builder();
      b.sequence(in.getLong());
      b.key(str(in));
      int typeAt = in.position();
      int typeCode = in.get() & 0xFF;
      try {
        b.type(EntryType.ofCode(typeCode));
      } catch (IllegalArgumentException e) {
        throw fail(typeAt, "type", typeCode, "must be a known entry type code");
      }
      b.effectiveDate(date(in));
      long seconds = in.getLong();
      int nanos = in.getInt();
      try {
        b.recordedAt(Instant.ofEpochSecond(seconds, nanos));
      } catch (DateTimeException e) {
        throw fail(in.position(), "recordedAt", seconds + "." + nanos, "must be an instant");
      }
      if (nanos < 0 || nanos > 999_999_999) {
        throw fail(in.position(), "recordedAt", seconds + "." + nanos, "must have nanos 0 to 999999999");
      }
      byte[] digest = new byte[32];
      in.get(digest);
      b.contentDigest(HexFormat.of().formatHex(digest));
      b.description(str(in));
      int lines = count(in, "lines");
      for (int i = 0; i < lines; i++) {
        LedgerAccount account = account(in);
        int sideAt = in.position();
        int side = in.get() & 0xFF;
        if (side > 1) {
          throw fail(sideAt, "side", side, "must be 0 (debit) or 1 (credit)");
        }
        Money amount = money(in);
        int flagsAt = in.position();
        int flags = in.get() & 0xFF;
        if ((flags & ~3) != 0) {
          throw fail(flagsAt, "flags", flags, "must use bits 0 and 1 only");
        }
        JournalLine line = JournalLine.of(account, side == 0 ? EntrySide.DEBIT : EntrySide.CREDIT, amount);
        if ((flags & 1) != 0) {
          line = line.withItemRef(str(in));
        }
        if ((flags & 2) != 0) {
          line = line.withDueDate(date(in));
        }
        b.addLine(line);
      }
      int notes = count(in, "notes");
      for (int i = 0; i < notes; i++) {
        LedgerAccount account = account(in);
        String itemRef = str(in);
        Money amount = money(in);
        b.addNote(ItemNote.of(account, itemRef, amount, in.getInt()));
      }
      int attributes = count(in, "attributes");
      String previous = null;
      for (int i = 0; i < attributes; i++) {
        int at = in.position();
        String name = str(in);
        if (previous != null && previous.compareTo(name) >= 0) {
          throw fail(at, "attributes", name, "must be in strictly ascending name order");
        }
        b.putAttribute(name, str(in));
        previous = name;
      }
      if (in.hasRemaining()) {
        throw fail(in.position(), "entry", in.remaining() + " bytes", "must not have trailing bytes");
      }
      return b.build();
    } catch (BufferUnderflowException e) {
      throw new DataFormatException(SOURCE, "byte " + in.position(), "entry", in.limit() + " bytes",
          "must not end early", e);
    } catch (DataFormatException e) {
      throw e;
    } catch (BillingException e) {
      throw new DataFormatException(SOURCE, "entry", e.field(), e.value(), e.reason(), e);
    }
  }

  private static byte[] copyOf(ByteBuffer source) {
    byte[] bytes = new byte[source.remaining()];
    source.duplicate().get(bytes);
    return bytes;
  }

  private static DataFormatException fail(int at, String field, @Nullable Object value, String reason) {
    return new DataFormatException(SOURCE, "byte " + at, field, value, reason);
  }

  private static int count(ByteBuffer in, String field) {
    int at = in.position();
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw fail(at, field, n, "must be a count of 0 to " + in.remaining());
    }
    return n;
  }

  private static LocalDate date(ByteBuffer in) {
    int at = in.position();
    long day = in.getLong();
    try {
      return LocalDate.ofEpochDay(day);
    } catch (DateTimeException e) {
      throw fail(at, "date", day, "must be an epoch day of a LocalDate");
    }
  }

  private static LedgerAccount account(ByteBuffer in) {
    int at = in.position();
    int code = in.get() & 0xFF;
    AccountKind kind;
    try {
      kind = AccountKind.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw fail(at, "account.kind", code, "must be a known account kind code");
    }
    return LedgerAccount.of(kind, str(in));
  }

  private static Money money(ByteBuffer in) {
    int at = in.position();
    String code = str(in);
    CurrencyUnit currency;
    try {
      currency = CurrencyUnit.of(code);
    } catch (IllegalCurrencyException e) {
      throw fail(at, "currency", code, "must be a known currency");
    }
    return Money.ofMinor(currency, in.getLong());
  }

  /** A length-prefixed UTF-8 string; {@code in} is array-backed ({@link #decode} makes it so). */
  private static String str(ByteBuffer in) {
    int at = in.position();
    int n = in.getShort() & 0xFFFF;
    if (n > in.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] a = in.array();
    int from = in.arrayOffset() + in.position();
    in.position(in.position() + n);
    boolean ascii = true;
    for (int i = from; i < from + n; i++) {
      ascii &= a[i] >= 0;
    }
    if (ascii) {
      return new String(a, from, n, StandardCharsets.ISO_8859_1); // the common case: one copy into the string
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(a, from, n)).toString();
    } catch (CharacterCodingException e) {
      throw fail(at, "string", Arrays.toString(Arrays.copyOfRange(a, from, from + n)), "must be valid UTF-8");
    }
  }
}
