package io.github.gridbill.ledger;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The canonical text of a request, hashed into {@link JournalEntry#contentDigest()} (request digest format 1).
 *
 * <p>The text is the operation's name followed by its fields in a fixed order per operation, each written as
 * {@code <length>:<value>;} where the length counts the value's UTF-16 chars. Money is written
 * {@code <currency> <minor units>} ({@code "USD 10733"}), dates as ISO text, absent optional values as empty, anything
 * else as its {@code toString()}; the whole text is hashed as UTF-8 (an unpaired surrogate becoming {@code '?'}, as
 * {@link String#getBytes} writes it). The field names passed to {@link #add} document the order for readers and are
 * not part of the text. Changing this format changes the digests of requests already in journals, so retries after
 * the change would be refused as conflicts: treat it as part of the journal format.
 *
 * <p>The text is written straight into a reused byte buffer (ASCII char by char; dates, money and numbers without
 * intermediate strings), and hashed with a reused SHA-256: one instance per thread, taken by {@link #of} and given
 * back by {@link #digest}. The bytes are exactly the UTF-8 of the text described above ({@code CanonTest} checks this
 * against a plain {@code StringBuilder} implementation).
 */
final class Canon {
  private static final ThreadLocal<Canon> LOCAL = ThreadLocal.withInitial(Canon::new);

  private final ByteSink out = new ByteSink(512);
  private final MessageDigest sha;
  private boolean busy;
  /** The plain text of the last few decimals written (rates repeat from invoice to invoice), by identity. */
  private final @Nullable BigDecimal[] decimals = new BigDecimal[4];
  private final String[] decimalTexts = {"", "", "", ""};
  private int nextDecimal;

  private Canon() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Starts the canonical text of an operation, on this thread's instance (a new one if it is in use).
   *
   * @param operation the operation's name, the first field
   * @return the canon, to be finished with {@link #digest()}
   */
  static Canon of(String operation) {
    Canon c = LOCAL.get();
    if (c.busy) {
      c = new Canon();
      LOCAL.set(c);
    }
    c.busy = true;
    c.out.reset();
    c.text(operation);
    return c;
  }

  /** Adds a field; the name documents the order and is not written. */
  Canon add(String name, @Nullable Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v == null) {
      text("");
    } else if (v instanceof String s) {
      text(s);
    } else if (v instanceof Money m) {
      money(m);
    } else if (v instanceof LocalDate d) {
      date(d);
    } else if (v instanceof Integer i) {
      number(i);
    } else if (v instanceof Long l) {
      number(l);
    } else if (v instanceof CurrencyUnit c) {
      text(c.getCode());
    } else if (v instanceof LedgerAccount a) {
      account(a);
    } else if (v instanceof Quantity q) {
      quantity(q);
    } else if (v instanceof BigDecimal b) {
      text(b.toString());
    } else {
      text(v.toString());
    }
    return this;
  }

  /** Adds a string field. */
  Canon add(String name, String value) {
    text(value);
    return this;
  }

  /** Adds a number field. */
  Canon add(String name, long value) {
    number(value);
    return this;
  }

  /** Adds a decimal as its plain text ({@link BigDecimal#toPlainString()}), or empty. */
  @SuppressWarnings("ReferenceEquality") // an identity cache: the same rate instance is encoded entry after entry
  Canon plain(String name, Optional<BigDecimal> value) {
    if (value.isEmpty()) {
      text("");
      return this;
    }
    BigDecimal b = value.get();
    for (int i = 0; i < decimals.length; i++) {
      if (decimals[i] == b) {
        text(decimalTexts[i]);
        return this;
      }
    }
    String plain = b.toPlainString();
    decimals[nextDecimal] = b;
    decimalTexts[nextDecimal] = plain;
    nextDecimal = (nextDecimal + 1) % decimals.length;
    text(plain);
    return this;
  }

  private void text(String s) {
    out.decimal(s.length());
    out.u8(':');
    out.utf8(s);
    out.u8(';');
  }

  private void number(long v) {
    out.decimal(ByteSink.decimalLength(v));
    out.u8(':');
    out.decimal(v);
    out.u8(';');
  }

  private void money(Money m) {
    String code = m.getCurrencyUnit().getCode();
    long minor;
    try {
      minor = m.getAmountMinorLong();
    } catch (ArithmeticException tooLarge) {
      // the same text for an amount past a long (the posting is refused later, with a typed error naming it)
      text(code + " " + m.getAmount().movePointRight(m.getCurrencyUnit().getDecimalPlaces()).toPlainString());
      return;
    }
    out.decimal(code.length() + 1L + ByteSink.decimalLength(minor));
    out.u8(':');
    out.utf8(code);
    out.u8(' ');
    out.decimal(minor);
    out.u8(';');
  }

  private void date(LocalDate d) {
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      text(d.toString());
      return;
    }
    out.decimal(10);
    out.u8(':');
    out.digits(year, 4);
    out.u8('-');
    out.digits(d.getMonthValue(), 2);
    out.u8('-');
    out.digits(d.getDayOfMonth(), 2);
    out.u8(';');
  }

  private void account(LedgerAccount a) {
    String kind = a.kind().name();
    String key = a.key();
    if (key.isEmpty()) {
      text(kind);
      return;
    }
    out.decimal(kind.length() + 1L + key.length());
    out.u8(':');
    out.utf8(kind);
    out.u8(':');
    out.utf8(key);
    out.u8(';');
  }

  /** {@link Quantity#toString()}: whole numbers without building strings, anything else through it. */
  private void quantity(Quantity q) {
    BigDecimal v = q.value();
    if (v.scale() != 0 || v.precision() > 18) {
      text(q.toString());
      return;
    }
    long n = v.longValue();
    String symbol = q.unit().symbol();
    out.decimal(ByteSink.decimalLength(n) + 1L + symbol.length());
    out.u8(':');
    out.decimal(n);
    out.u8(' ');
    out.utf8(symbol);
    out.u8(';');
  }

  /** Adds an invoice's fields: number, account, currency, dates, period, then each line. */
  Canon invoice(String prefix, Invoice invoice) {
    text(invoice.number());
    text(invoice.accountId());
    text(invoice.currency().getCode());
    date(invoice.issueDate());
    date(invoice.dueDate());
    Optional<BillingPeriod> period = invoice.period();
    if (period.isPresent()) {
      BillingPeriod p = period.get();
      date(p.startInclusive());
      date(p.endExclusive());
      text(p.zone().toString());
    } else {
      text("");
      text("");
      text("");
    }
    List<InvoiceLine> lines = invoice.lines();
    number(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine l = lines.get(i);
      text(l.kind().toString());
      text(l.description());
      Optional<Quantity> q = l.quantity();
      if (q.isPresent()) {
        quantity(q.get());
      } else {
        text("");
      }
      plain("rate", l.rate());
      money(l.amount());
      text(l.source());
      List<String> refs = l.sourceRefs();
      number(refs.size());
      for (int r = 0; r < refs.size(); r++) {
        text(refs.get(r));
      }
    }
    return this;
  }

  /** The SHA-256 of the text, in lowercase hex; gives this instance back to its thread. */
  String digest() {
    sha.update(out.buf, 0, out.size);
    byte[] d = sha.digest();
    busy = false;
    return ByteSink.hex(d);
  }

  /** The bytes written so far: the UTF-8 of the text, which {@link #digest()} hashes. */
  byte[] bytes() {
    return out.toArray();
  }

  @Override
  public String toString() {
    return new String(out.buf, 0, out.size, StandardCharsets.UTF_8);
  }
}
