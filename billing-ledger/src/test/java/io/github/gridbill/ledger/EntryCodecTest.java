package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.eur;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.invoice.LineKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The canonical binary encoding of entries: round trips, layout, strict decoding. */
class EntryCodecTest {
  static final String DIGEST = "ab".repeat(32);

  static JournalEntry full() {
    return JournalEntry.builder().sequence(7).key("pay-7").type(EntryType.PAYMENT).effectiveDate(d("2024-05-03"))
        .recordedAt(Instant.parse("2024-05-03T10:15:30.123456789Z")).description("Paiement reçu €")
        .addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.CHEQUE), usd("50.00")))
        .addLine(JournalLine.credit(LedgerAccount.unappliedCash("ACC-1"), usd("50.00")).withItemRef("PAY-7"))
        .addLine(JournalLine.debit(LedgerAccount.receivable("ACC-1"), eur("1.00")).withItemRef("INV-1")
            .withDueDate(d("2024-06-01")))
        .addLine(JournalLine.credit(LedgerAccount.revenue(LineKind.FIXED), eur("1.00")))
        .addNote(ItemNote.of(LedgerAccount.receivable("ACC-1"), "INV-1", eur("1.00"), 2))
        .putAttribute("method", "CHEQUE").putAttribute("externalReference", "CHQ 000123").contentDigest(DIGEST)
        .build();
  }

  @Test
  void roundTripsToAnEqualEntryAndTheSameBytes() {
    JournalEntry e = full();
    byte[] bytes = e.toBytes();
    JournalEntry back = JournalEntry.fromBytes(ByteBuffer.wrap(bytes));
    assertThat(back).isEqualTo(e);
    assertThat(back.toBytes()).isEqualTo(bytes);
  }

  @Test
  void layoutStartsWithVersionSequenceAndKey() {
    ByteBuffer b = ByteBuffer.wrap(full().toBytes());
    assertThat(b.get()).isEqualTo((byte) 1);
    assertThat(b.getLong()).isEqualTo(7);
    assertThat(b.getShort()).isEqualTo((short) 5);
    byte[] key = new byte[5];
    b.get(key);
    assertThat(new String(key, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("pay-7");
    assertThat(b.get()).as("type code of PAYMENT").isEqualTo((byte) 4);
    assertThat(b.getLong()).isEqualTo(d("2024-05-03").toEpochDay());
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] bytes = Arrays.copyOf(full().toBytes(), full().toBytes().length + 1);
    Expect.thrown(DataFormatException.class, "journal entry at byte " + (bytes.length - 1)
        + ": entry must not have trailing bytes: 1 bytes", () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  @Test
  void aTruncatedEntryIsRefused() {
    byte[] bytes = Arrays.copyOf(full().toBytes(), 20);
    Expect.thrown(DataFormatException.class, "journal entry at byte 17: entry must not end early: 20 bytes",
        () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  @Test
  void anUnknownVersionIsRefused() {
    byte[] bytes = full().toBytes();
    bytes[0] = 2;
    Expect.thrown(DataFormatException.class, "journal entry at byte 0: version must be 1: 2",
        () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  @Test
  void anUnknownTypeCodeIsRefused() {
    byte[] bytes = full().toBytes();
    bytes[1 + 8 + 2 + 5] = 99;
    Expect.thrown(DataFormatException.class, "journal entry at byte 16: type must be a known entry type code: 99",
        () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  @Test
  void unsortedAttributesAreRefused() {
    JournalEntry e = JournalEntry.builder().from(full()).attributes(java.util.Map.of("a", "1", "b", "2")).build();
    byte[] bytes = e.toBytes();
    // the attributes are the last 2 × (2 + 1 + 2 + 1) bytes: swap the names "a" and "b"
    int a = bytes.length - 12 + 2;
    int b = bytes.length - 6 + 2;
    bytes[a] = 'b';
    bytes[b] = 'a';
    Expect.thrown(DataFormatException.class, "journal entry at byte " + (b - 2)
        + ": attributes must be in strictly ascending name order: a", () -> JournalEntry.fromBytes(
            ByteBuffer.wrap(bytes)));
  }

  @Test
  void invalidUtf8IsRefused() {
    JournalEntry e = JournalEntry.builder().from(full()).description("x").build();
    byte[] bytes = e.toBytes();
    int at = 1 + 8 + 2 + 5 + 1 + 8 + 8 + 4 + 32;
    bytes[at + 2] = (byte) 0xFF;
    Expect.thrown(DataFormatException.class, "journal entry at byte " + at + ": string must be valid UTF-8: [-1]",
        () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  @Test
  void anEntryBreakingARuleIsRefused() {
    JournalEntry e = full();
    byte[] bytes = e.toBytes();
    // the first line's amount: USD 50.00 → 50.01 makes the entry unbalanced
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int at = indexOf(bytes, ByteBuffer.allocate(8).putLong(5000).array());
    b.putLong(at, 5001);
    Expect.thrown(DataFormatException.class, "journal entry at entry: lines must balance in each currency: "
        + "USD debits 50.01, credits 50.00", () -> JournalEntry.fromBytes(ByteBuffer.wrap(bytes)));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Provide
  Arbitrary<JournalEntry> entries() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').withChars("éü€中").ofMinLength(1)
        .ofMaxLength(12);
    Arbitrary<Money> money = Arbitraries.longs().between(0, 10_000_000).flatMap(m -> Arbitraries.of(
        Money.ofMinor(Fx.USD, m), Money.ofMinor(Fx.EUR, m), Money.ofMinor(org.joda.money.CurrencyUnit.JPY, m)));
    Arbitrary<LedgerAccount> plain = Arbitraries.of(LedgerAccount.writeOffExpense(), LedgerAccount.adjustments(),
        LedgerAccount.cash(PaymentMethod.ACH), LedgerAccount.revenue(LineKind.ENERGY));
    Arbitrary<List<JournalLine>> pair = Combinators.combine(plain, plain, money, names, Arbitraries.of(true, false))
        .as((a, b, m, ref, item) -> item ? List.of(JournalLine.debit(LedgerAccount.receivable(ref), m)
            .withItemRef(ref).withDueDate(d("2024-01-01").plusDays(m.getAmountMinorLong() % 1000)),
            JournalLine.credit(b, m)) : List.of(JournalLine.debit(a, m), JournalLine.credit(b, m)));
    Arbitrary<List<JournalLine>> lines = pair.list().ofMinSize(1).ofMaxSize(4).map(l -> l.stream()
        .flatMap(List::stream).toList());
    return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), names, lines,
        Arbitraries.maps(names, Arbitraries.strings().ofMaxLength(30).filter(s -> s.chars()
            .noneMatch(c -> Character.isSurrogate((char) c)))).ofMaxSize(4),
        Arbitraries.longs().between(-50_000, 50_000),
        Arbitraries.strings().ofMaxLength(40).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))))
        .as((seq, key, ls, attrs, day, description) -> JournalEntry.builder().sequence(seq).key(key)
            .type(EntryType.MANUAL).effectiveDate(java.time.LocalDate.ofEpochDay(day))
            .recordedAt(Instant.ofEpochSecond(day * 86_400, Math.abs(day) % 1_000_000_000)).description(description)
            .lines(ls).attributes(attrs).contentDigest(DIGEST).build());
  }

  /** Entries of every type, with notes, any Unicode text (including 4-byte UTF-8) and random digests. */
  @Provide
  Arbitrary<JournalEntry> anyEntries() {
    Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20).filter(EntryCodecTest::pairedSurrogates),
        Arbitraries.of("Énergie 電気 \uD83D\uDE00", "\uD83D\uDCA1 kWh"));
    Arbitrary<String> names = texts.filter(t -> !t.isBlank() && t.chars().allMatch(c -> c >= 0x20
        && (c < 0x7F || c > 0x9F)) && t.length() <= Names.MAX_NAME);
    Arbitrary<Money> money = Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE / 4),
        Arbitraries.of(Fx.USD, Fx.EUR, org.joda.money.CurrencyUnit.JPY, org.joda.money.CurrencyUnit.of("BHD")))
        .as((m, c) -> Money.ofMinor(c, m));
    Arbitrary<LedgerAccount> accounts = Arbitraries.of(AccountKind.class).flatMap(k -> switch (k) {
      case REVENUE -> Arbitraries.of(LineKind.class).filter(x -> x != LineKind.TAX).map(LedgerAccount::revenue);
      case CASH -> Arbitraries.of(PaymentMethod.class).map(LedgerAccount::cash);
      default -> k.isKeyed() ? names.map(key -> LedgerAccount.of(k, key)) : Arbitraries.just(LedgerAccount.of(k, ""));
    });
    Arbitrary<List<JournalLine>> pair = Combinators.combine(accounts, accounts, money, names.optional(),
        Arbitraries.longs().between(-1_000_000, 2_900_000).optional())
        .as((a, b, m, ref, due) -> {
          JournalLine.Builder debit = JournalLine.builder().account(a).side(EntrySide.DEBIT).amount(m);
          ref.ifPresent(r -> {
            debit.itemRef(r);
            due.ifPresent(x -> debit.dueDate(java.time.LocalDate.ofEpochDay(x)));
          });
          return List.of(debit.build(), JournalLine.credit(b, m));
        });
    Arbitrary<List<JournalLine>> lines = pair.list().ofMinSize(1).ofMaxSize(4).map(l -> l.stream()
        .flatMap(List::stream).toList());
    Arbitrary<List<ItemNote>> notes = Combinators.combine(accounts, names, money, Arbitraries.integers()
        .between(0, Integer.MAX_VALUE)).as(ItemNote::of).list().ofMaxSize(3);
    Arbitrary<String> digests = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<java.util.Map<String, String>> attributes = Arbitraries.maps(names, texts).ofMaxSize(4);
    Arbitrary<JournalEntry.Builder> head = Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), names,
        Arbitraries.longs().between(-700_000, 2_900_000), Arbitraries.longs().between(-10_000_000_000L,
            10_000_000_000L), Arbitraries.integers().between(0, 999_999_999), texts, digests)
        .as((seq, key, day, seconds, nanos, description, digest) -> JournalEntry.builder().sequence(seq).key(key)
            .effectiveDate(java.time.LocalDate.ofEpochDay(day)).recordedAt(Instant.ofEpochSecond(seconds, nanos))
            .description(description).contentDigest(digest));
    return Combinators.combine(head, Arbitraries.of(EntryType.class), lines, notes, attributes)
        .as((b, type, ls, ns, attrs) -> b.type(type).lines(type.isFinancial() ? ls : List.of()).notes(ns)
            .attributes(attrs).build());
  }

  private static boolean pairedSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 400)
  void encodesTheBytesOfTheReferenceEncoder(@ForAll("anyEntries") JournalEntry e) {
    byte[] bytes = e.toBytes();
    assertThat(bytes).isEqualTo(ReferenceEntryCodec.encode(e));
    assertThat(JournalEntry.fromBytes(ByteBuffer.wrap(bytes))).isEqualTo(e);
  }

  @Property(tries = 300)
  void everyEntryRoundTrips(@ForAll("entries") JournalEntry e) {
    byte[] bytes = e.toBytes();
    JournalEntry back = JournalEntry.fromBytes(ByteBuffer.wrap(bytes));
    assertThat(back).isEqualTo(e);
    assertThat(back.toBytes()).isEqualTo(bytes);
  }

  @Property(tries = 300)
  void whateverDecodesIsCanonical(@ForAll("entries") JournalEntry e, @ForAll int position, @ForAll byte value) {
    byte[] bytes = e.toBytes();
    bytes[Math.floorMod(position, bytes.length)] = value;
    try {
      JournalEntry back = JournalEntry.fromBytes(ByteBuffer.wrap(bytes));
      assertThat(back.toBytes()).as("a decoded entry re-encodes to the same bytes").isEqualTo(bytes);
    } catch (DataFormatException expected) {
      assertThat(expected.source()).isEqualTo("journal entry");
    }
  }
}
