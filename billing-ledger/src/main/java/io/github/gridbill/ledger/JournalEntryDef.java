package io.github.gridbill.ledger;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A posted journal entry: its sequence and idempotency key, what it records, when it takes effect, its lines (or
 * notes, for memo entries) and attributes.
 *
 * <p>Entry #7 with key {@code "pay-2024-0007"}, type {@link EntryType#PAYMENT}, effective 2024-05-03, lines
 * {@code Dr CASH:CARD 50.00 / Cr UNAPPLIED_CASH:ACC-1 50.00 (PAY-7)} and attributes {@code method=CARD,
 * externalReference=AUTH-553}. A financial entry has two or more lines that balance in each currency; a memo entry
 * has none. {@link #contentDigest()} is the SHA-256 of the request that produced the entry, so a retry with the same
 * key can be told apart from a different request reusing it. Posted entries never change; corrections are new
 * entries. {@link #toBytes()} is the canonical binary encoding stored in the journal (format in LEDGER.md).
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class JournalEntryDef {

  /**
   * The entry's sequence in the journal, from 1.
   *
   * @return the sequence
   */
  public abstract long sequence();

  /**
   * The caller's idempotency key, unique in the ledger.
   *
   * @return the key
   */
  public abstract String key();

  /**
   * What the entry records.
   *
   * @return the type
   */
  public abstract EntryType type();

  /**
   * The booking date: as-of queries include the entry from this date on.
   *
   * @return the effective date
   */
  public abstract LocalDate effectiveDate();

  /**
   * When the ledger recorded the entry (its clock), for audit only.
   *
   * @return the instant
   */
  public abstract Instant recordedAt();

  /**
   * A description, for example {@code "Invoice INV-42"}; may be empty.
   *
   * @return the description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The lines, in posting order.
   *
   * @return the lines: two or more for a financial entry, none for a memo entry
   */
  public abstract List<JournalLine> lines();

  /**
   * Statements about items that move no money (disputes, dunning).
   *
   * @return the notes
   */
  public abstract List<ItemNote> notes();

  /**
   * Further facts, sorted by name, for example {@code method=CARD}, {@code reverses=12}. The names each type uses are
   * listed in LEDGER.md.
   *
   * @return the attributes
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> attributes();

  /**
   * The SHA-256, in lowercase hex, of the canonical form of the request that produced this entry.
   *
   * @return the digest, 64 hex digits
   */
  public abstract String contentDigest();

  /**
   * One attribute.
   *
   * @param name the attribute name, not null
   * @return the value, or empty
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes().get(Objects.requireNonNull(name, "name")));
  }

  /**
   * The sequence of the entry this one reverses, for {@link EntryType#REVERSAL} and {@link EntryType#REBILL}.
   *
   * @return the reversed sequence, or empty
   */
  public Optional<Long> reverses() {
    return attribute(LedgerAttributes.REVERSES).map(Long::valueOf);
  }

  /**
   * Whether any line of this entry is on an account.
   *
   * @param account the account, not null
   * @return true if a line is on it
   */
  public boolean affects(LedgerAccount account) {
    Objects.requireNonNull(account, "account");
    for (JournalLine l : lines()) {
      if (l.account().equals(account)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The canonical binary encoding: the same entry always gives the same bytes, and {@link #fromBytes(ByteBuffer)}
   * reads them back to an equal entry.
   *
   * @return a new array, never null
   */
  public byte[] toBytes() {
    return EntryCodec.encode((JournalEntry) this);
  }

  /**
   * Reads an entry from its canonical encoding (a journal record's payload), strictly: any byte out of place fails.
   *
   * @param bytes the encoding, from its position to its limit, not null
   * @return the entry, never null
   * @throws DataFormatException if the bytes are not a canonical entry encoding or the entry breaks a rule
   */
  public static JournalEntry fromBytes(ByteBuffer bytes) {
    return EntryCodec.decode(Objects.requireNonNull(bytes, "bytes"));
  }

  private static boolean isHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (ByteSink.hexValue(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  @Value.Check
  void check() {
    if (sequence() < 1) {
      throw new ValidationException("sequence", sequence(), "must be at least 1");
    }
    Names.name(key(), "key");
    Names.text(description(), "description");
    if (type().isFinancial()) {
      Lines.requireBalanced(lines(), "lines");
    } else if (!lines().isEmpty()) {
      throw new ValidationException("lines", lines().size() + " lines", "must be empty for a " + type()
          + " entry");
    }
    if (!isHex64(contentDigest())) {
      throw new ValidationException("contentDigest", contentDigest(), "must be 64 lowercase hex digits");
    }
    attributes().forEach((name, value) -> {
      Names.name(name, "attributes");
      if (!Names.isPlainText(value)) {
        Names.text(value, "attributes[" + name + "]");
      }
    });
  }
}
