package io.github.gridbill.ledger;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The request-digest text of format 1 as first written (a {@code StringBuilder} of {@code <length>:<value>;} fields,
 * hashed as UTF-8): the reference the fast {@link Canon} must reproduce byte for byte.
 */
final class ReferenceCanon {
  private final StringBuilder text = new StringBuilder(256);

  ReferenceCanon(String operation) {
    value(operation);
  }

  ReferenceCanon add(String name, @Nullable Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v instanceof Money m) {
      value(m.getCurrencyUnit().getCode() + " " + m.getAmount().movePointRight(m.getCurrencyUnit().getDecimalPlaces())
          .toPlainString());
    } else {
      value(v == null ? "" : v.toString());
    }
    return this;
  }

  private void value(String s) {
    text.append(s.length()).append(':').append(s).append(';');
  }

  ReferenceCanon invoice(String prefix, Invoice invoice) {
    add(prefix + ".number", invoice.number()).add(prefix + ".accountId", invoice.accountId())
        .add(prefix + ".currency", invoice.currency()).add(prefix + ".issueDate", invoice.issueDate())
        .add(prefix + ".dueDate", invoice.dueDate());
    LocalDate start = invoice.period().map(p -> p.startInclusive()).orElse(null);
    LocalDate end = invoice.period().map(p -> p.endExclusive()).orElse(null);
    add(prefix + ".period.start", start).add(prefix + ".period.end", end)
        .add(prefix + ".period.zone", invoice.period().map(p -> p.zone()));
    add(prefix + ".lines", invoice.lines().size());
    for (InvoiceLine l : invoice.lines()) {
      add("kind", l.kind()).add("description", l.description()).add("quantity", l.quantity())
          .add("rate", l.rate().map(r -> r.toPlainString())).add("amount", l.amount()).add("source", l.source())
          .add("sourceRefs", l.sourceRefs().size());
      l.sourceRefs().forEach(r -> add("sourceRef", r));
    }
    return this;
  }

  /** The UTF-8 bytes of the text, as {@link #digest()} hashes them. */
  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
