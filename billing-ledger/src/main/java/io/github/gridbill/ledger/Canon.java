package io.github.gridbill.ledger;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The canonical text of a request, hashed into {@link JournalEntry#contentDigest()}: {@code name=length:value;} for
 * each field, in a fixed order per operation. Optional values that are absent are written as empty.
 */
final class Canon {
  private final StringBuilder text = new StringBuilder(256);

  Canon(String operation) {
    add("op", operation);
  }

  Canon add(String name, @Nullable Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    String s = v == null ? "" : v.toString();
    text.append(name).append('=').append(s.length()).append(':').append(s).append(';');
    return this;
  }

  Canon invoice(String prefix, Invoice invoice) {
    add(prefix + ".number", invoice.number()).add(prefix + ".accountId", invoice.accountId())
        .add(prefix + ".currency", invoice.currency()).add(prefix + ".issueDate", invoice.issueDate())
        .add(prefix + ".dueDate", invoice.dueDate());
    invoice.period().ifPresent(p -> add(prefix + ".period.start", p.startInclusive())
        .add(prefix + ".period.end", p.endExclusive()).add(prefix + ".period.zone", p.zone()));
    add(prefix + ".lines", invoice.lines().size());
    for (int i = 0; i < invoice.lines().size(); i++) {
      InvoiceLine l = invoice.lines().get(i);
      String p = prefix + ".lines[" + i + "]";
      add(p + ".kind", l.kind()).add(p + ".description", l.description()).add(p + ".quantity", l.quantity())
          .add(p + ".rate", l.rate().map(r -> r.toPlainString())).add(p + ".amount", l.amount())
          .add(p + ".source", l.source()).add(p + ".sourceRefs", String.join("\u001f", l.sourceRefs()));
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
