package io.github.gridbill.examples.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.joda.money.Money;

/**
 * Writes the bank's end-of-period statement as ISO 20022 {@code camt.053.001.08} (BankToCustomerStatement), the way
 * a bank would send it: one statement for the book's collection account, opening and closing booked balances, one
 * {@code Ntry} per bank transfer with its end-to-end id, debtor name and remittance information (structured creditor
 * reference when the customer quoted the invoice, unstructured text otherwise), and each day's cheque deposit as a
 * batch booking: one {@code Ntry} for the deposit total with a {@code TxDtls} per cheque.
 */
final class Camt053Writer {
  static final String NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

  private Camt053Writer() {}

  /**
   * Writes the statement of one book's collection account.
   *
   * @param file the file to write
   * @param book the book (currency and account)
   * @param accountIban the collection account's identifier
   * @param from first booking day
   * @param to last booking day (inclusive)
   * @param opening the opening booked balance
   * @param payments the payments that reach the bank, any order
   */
  static void write(Path file, DemoBook book, String accountIban, LocalDate from, LocalDate to, Money opening,
      List<DemoPayment> payments) {
    List<DemoPayment> inBank = new ArrayList<>();
    for (DemoPayment p : payments) {
      if (p.viaBankStatement() && p.book() == book && !p.date().isBefore(from) && !p.date().isAfter(to)) {
        inBank.add(p);
      }
    }
    inBank.sort((a, b) -> a.date().equals(b.date()) ? a.id().compareTo(b.id()) : a.date().compareTo(b.date()));
    // cheques are deposited once a day, as one batch
    Map<LocalDate, List<DemoPayment>> cheques = new TreeMap<>();
    List<DemoPayment> transfers = new ArrayList<>();
    for (DemoPayment p : inBank) {
      if (p.method() == DemoAccount.Method.CHEQUE) {
        cheques.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(p);
      } else {
        transfers.add(p);
      }
    }
    Money closing = opening;
    for (DemoPayment p : inBank) {
      closing = closing.plus(p.amount());
    }
    String ccy = book.currency().getCode();
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("Document");
      w.writeDefaultNamespace(NS);
      w.writeStartElement("BkToCstmrStmt");
      w.writeStartElement("GrpHdr");
      text(w, "MsgId", "GB-" + book.prefix() + "-" + to);
      text(w, "CreDtTm", to.plusDays(1) + "T06:00:00");
      w.writeEndElement();
      w.writeStartElement("Stmt");
      text(w, "Id", "STMT-" + book.prefix() + "-" + from + "-" + to);
      text(w, "ElctrncSeqNb", "1");
      text(w, "CreDtTm", to.plusDays(1) + "T06:00:00");
      w.writeStartElement("FrToDt");
      text(w, "FrDtTm", from + "T00:00:00");
      text(w, "ToDtTm", to + "T23:59:59");
      w.writeEndElement();
      w.writeStartElement("Acct");
      w.writeStartElement("Id");
      text(w, "IBAN", accountIban);
      w.writeEndElement();
      text(w, "Ccy", ccy);
      w.writeEndElement();
      balance(w, "OPBD", opening, from);
      balance(w, "CLBD", closing, to);
      w.writeStartElement("TxsSummry");
      w.writeStartElement("TtlCdtNtries");
      text(w, "NbOfNtries", String.valueOf(transfers.size() + cheques.size()));
      text(w, "Sum", closing.minus(opening).getAmount().toPlainString());
      w.writeEndElement();
      w.writeEndElement();
      int seq = 0;
      for (DemoPayment p : transfers) {
        seq++;
        w.writeStartElement("Ntry");
        text(w, "NtryRef", String.format("%s-%06d", book.prefix(), seq));
        amount(w, "Amt", p.amount());
        text(w, "CdtDbtInd", "CRDT");
        status(w);
        dates(w, p.date());
        text(w, "AcctSvcrRef", "BNK" + p.id());
        bankTransactionCode(w, "RCDT", "ESCT");
        w.writeStartElement("NtryDtls");
        transaction(w, p);
        w.writeEndElement();
        w.writeEndElement();
      }
      for (Map.Entry<LocalDate, List<DemoPayment>> day : cheques.entrySet()) {
        seq++;
        Money total = Money.zero(book.currency());
        for (DemoPayment p : day.getValue()) {
          total = total.plus(p.amount());
        }
        w.writeStartElement("Ntry");
        text(w, "NtryRef", String.format("%s-%06d", book.prefix(), seq));
        amount(w, "Amt", total);
        text(w, "CdtDbtInd", "CRDT");
        status(w);
        dates(w, day.getKey());
        text(w, "AcctSvcrRef", "DEP" + day.getKey().toString().replace("-", ""));
        bankTransactionCode(w, "RCHQ", "BCHQ");
        w.writeStartElement("NtryDtls");
        w.writeStartElement("Btch");
        text(w, "NbOfTxs", String.valueOf(day.getValue().size()));
        amount(w, "TtlAmt", total);
        text(w, "CdtDbtInd", "CRDT");
        w.writeEndElement();
        for (DemoPayment p : day.getValue()) {
          transaction(w, p);
        }
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  private static void transaction(XMLStreamWriter w, DemoPayment p) throws XMLStreamException {
    w.writeStartElement("TxDtls");
    w.writeStartElement("Refs");
    text(w, "EndToEndId", p.id());
    w.writeEndElement();
    amount(w, "Amt", p.amount());
    text(w, "CdtDbtInd", "CRDT");
    w.writeStartElement("RltdPties");
    w.writeStartElement("Dbtr");
    w.writeStartElement("Pty");
    text(w, "Nm", p.payerName());
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeStartElement("RmtInf");
    if (!p.invoiceNumber().isEmpty()) {
      w.writeStartElement("Strd");
      w.writeStartElement("CdtrRefInf");
      text(w, "Ref", p.invoiceNumber());
      w.writeEndElement();
      w.writeEndElement();
    } else {
      text(w, "Ustrd", p.remittance());
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void balance(XMLStreamWriter w, String code, Money amount, LocalDate date)
      throws XMLStreamException {
    w.writeStartElement("Bal");
    w.writeStartElement("Tp");
    w.writeStartElement("CdOrPrtry");
    text(w, "Cd", code);
    w.writeEndElement();
    w.writeEndElement();
    amount(w, "Amt", amount.abs());
    text(w, "CdtDbtInd", amount.isNegative() ? "DBIT" : "CRDT");
    w.writeStartElement("Dt");
    text(w, "Dt", date.toString());
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void status(XMLStreamWriter w) throws XMLStreamException {
    w.writeStartElement("Sts");
    text(w, "Cd", "BOOK");
    w.writeEndElement();
  }

  private static void dates(XMLStreamWriter w, LocalDate d) throws XMLStreamException {
    w.writeStartElement("BookgDt");
    text(w, "Dt", d.toString());
    w.writeEndElement();
    w.writeStartElement("ValDt");
    text(w, "Dt", d.toString());
    w.writeEndElement();
  }

  private static void bankTransactionCode(XMLStreamWriter w, String family, String sub) throws XMLStreamException {
    w.writeStartElement("BkTxCd");
    w.writeStartElement("Domn");
    text(w, "Cd", "PMNT");
    w.writeStartElement("Fmly");
    text(w, "Cd", family);
    text(w, "SubFmlyCd", sub);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void amount(XMLStreamWriter w, String name, Money m) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeAttribute("Ccy", m.getCurrencyUnit().getCode());
    w.writeCharacters(m.getAmount().toPlainString());
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** For tests: the statement's bytes as text. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
