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
 * The canonical text of a request, hashed into {@link JournalEntry#contentDigest()} (request digest format 1).
 *
 * <p>The text is the operation's name followed by its fields in a fixed order per operation, each written as
 * {@code <length>:<value>;}. Money is written {@code <currency> <minor units>} ({@code "USD 10733"}), dates as
 * ISO text, absent optional values as empty. The field names passed to {@link #add} document the order for readers
 * and are not part of the text. Changing this format changes the digests of requests already in journals, so retries
 * after the change would be refused as conflicts: treat it as part of the journal format.
 */
final class Canon {
  private final StringBuilder text = new StringBuilder(256);

  Canon(String operation) {
    value(operation);
  }

  Canon add(String name, @Nullable Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v instanceof Money m) {
      value(m.getCurrencyUnit().getCode() + " " + m.getAmountMinorLong());
    } else {
      value(v == null ? "" : v.toString());
    }
    return this;
  }

  private void value(String s) {
    text.append(s.length()).append(':').append(s).append(';');
  }

  Canon invoice(String prefix, Invoice invoice) {
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
