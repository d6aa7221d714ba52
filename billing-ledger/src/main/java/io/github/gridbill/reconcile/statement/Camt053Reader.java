package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO 20022 camt.053 bank-to-customer statements (versions 001.02, 001.03, 001.04 and 001.08) with the JDK's
 * StAX parser.
 *
 * <pre>{@code
 * List<BankStatement> statements = Camt053Reader.create().read(Path.of("camt053.xml"));
 * }</pre>
 *
 * <p>Each {@code Stmt} becomes a {@link BankStatement} with its account ({@code Acct/Id/IBAN} or
 * {@code Acct/Id/Othr/Id}), balances ({@code Bal}, credit balances positive) and lines. Each entry ({@code Ntry})
 * becomes one {@link StatementLine}, except a batch booking (one {@code Ntry} with several {@code TxDtls}), which is
 * split into one line per transaction: each transaction must then state its amount ({@code TxDtls/Amt}, or
 * {@code TxDtls/AmtDtls/TxAmt/Amt}) in the entry's currency, and the signed amounts must add up to the entry's. An
 * entry with a single {@code TxDtls} keeps the booked entry amount; the transaction's own amount, if stated, is kept
 * as {@link StatementLine#detailAmount()}. References come from {@code Refs/EndToEndId}, {@code Refs/AcctSvcrRef}
 * (else the entry's), {@code RmtInf/Strd/CdtrRefInf/Ref} and {@code RmtInf/Strd/RfrdDocInf/Nb}; remittance text from
 * {@code RmtInf/Ustrd} and {@code AddtlRmtInf}. Both the 001.02–.04 shapes ({@code Sts} as text,
 * {@code RltdPties/Dbtr/Nm}) and the 001.08 shapes ({@code Sts/Cd}, {@code RltdPties/Dbtr/Pty/Nm}) are understood.
 *
 * <p>Amounts must fit their currency: {@code 18.150} EUR is read as {@code EUR 18.15}; {@code 1.005} EUR is an error.
 * Date-times without an offset are read in {@link #withLocalTimeZone(ZoneId) the local time zone} (UTC unless set).
 * The whole document is read and checked before anything is returned; any problem is a {@link DataFormatException}
 * naming the source, the line and element path, the field, the value and the rule, for example {@code "stmt.xml at
 * line 62, Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt[1]: Amt must be a decimal amount: 8,85"}. DTDs and external
 * entities are not processed. Instances are immutable and thread-safe.
 */
public final class Camt053Reader {

  /** The namespaces read: camt.053.001.02, .03, .04 and .08. */
  public static final List<String> NAMESPACES = List.of(
      "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
      "urn:iso:std:iso:20022:tech:xsd:camt.053.001.03",
      "urn:iso:std:iso:20022:tech:xsd:camt.053.001.04",
      "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");

  private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,18})?");
  private static final String ROOT_PATH = "Document/BkToCstmrStmt";

  private final ZoneId localZone;

  private Camt053Reader(ZoneId localZone) {
    this.localZone = localZone;
  }

  /**
   * A reader that reads date-times without an offset as UTC.
   *
   * @return the reader, never null
   */
  public static Camt053Reader create() {
    return new Camt053Reader(ZoneOffset.UTC);
  }

  /**
   * A copy that reads date-times without an offset ({@code 2015-03-10T18:43:50}) in a zone. This instance is immutable
   * and unaffected by this method.
   *
   * @param zone the zone, for example {@code Europe/Amsterdam}, not null
   * @return the reader, never null
   */
  public Camt053Reader withLocalTimeZone(ZoneId zone) {
    return new Camt053Reader(Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Reads a camt.053 file.
   *
   * @param file the file, not null
   * @return the statements in file order, never null, at least one
   * @throws IOException if the file cannot be read
   * @throws DataFormatException if the document is malformed, of another message type or version, or breaks a rule
   *     above; nothing is returned
   */
  public List<BankStatement> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }
  }

  /**
   * Reads a camt.053 document from a stream (not closed).
   *
   * @param in the document bytes (the XML declaration gives the encoding), not null
   * @param source the name of the source for error messages, for example the file name, not null
   * @return the statements in document order, never null, at least one
   * @throws IOException if the stream cannot be read
   * @throws DataFormatException if the document is malformed, of another message type or version, or breaks a rule
   *     above; nothing is returned
   */
  public List<BankStatement> read(InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(in);
      return readDocument(r, source);
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof IOException) {
        throw (IOException) e.getNestedException();
      }
      String where = e.getLocation() == null ? "document"
          : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
      String msg = String.valueOf(e.getMessage());
      int m = msg.indexOf("Message: ");
      throw new DataFormatException(source, where, "document", m >= 0 ? msg.substring(m + 9) : msg,
          "must be well-formed XML", e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a caller's stream frees nothing we rely on
        }
      }
    }
  }

  private List<BankStatement> readDocument(XMLStreamReader r, String source) throws XMLStreamException {
    nextElement(r);
    if (!r.isStartElement()) {
      throw new DataFormatException(source, "line " + r.getLocation().getLineNumber(), "Document", null,
          "must be present");
    }
    String ns = r.getNamespaceURI();
    if (!"Document".equals(r.getLocalName()) || ns == null || !NAMESPACES.contains(ns)) {
      throw new DataFormatException(source, "line " + r.getLocation().getLineNumber() + ", " + r.getLocalName(),
          "namespace", ns + " " + r.getLocalName(),
          "must be a Document in camt.053.001.02, .03, .04 or .08");
    }
    nextElement(r);
    if (!r.isStartElement() || !"BkToCstmrStmt".equals(r.getLocalName())) {
      throw new DataFormatException(source, "line " + r.getLocation().getLineNumber() + ", Document",
          "BkToCstmrStmt", r.isStartElement() ? r.getLocalName() : null, "must be the first element of Document");
    }
    int bkLine = r.getLocation().getLineNumber();
    String messageId = null;
    List<BankStatement> out = new ArrayList<>();
    int stmtOrdinal = 0;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        if (name.equals("Stmt")) {
          stmtOrdinal++;
          XmlNode stmt = XmlNode.read(r, stmtOrdinal, ROOT_PATH);
          out.add(statement(stmt, messageId, source));
        } else if (name.equals("GrpHdr")) {
          XmlNode hdr = XmlNode.read(r, 1, ROOT_PATH);
          messageId = hdr.textAt("MsgId");
        } else {
          XmlNode.read(r, 1, ROOT_PATH); // supplementary data and the like: skipped
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (out.isEmpty()) {
      throw new DataFormatException(source, "line " + bkLine + ", " + ROOT_PATH, "Stmt", null,
          "must occur at least once");
    }
    return List.copyOf(out);
  }

  private static void nextElement(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.END_ELEMENT) {
        return;
      }
    }
  }

  private BankStatement statement(XmlNode stmt, @Nullable String messageId, String src) {
    String id = required(stmt, "Id", src).text();
    XmlNode acctId = required(required(stmt, "Acct", src), "Id", src);
    String account = acctId.textAt("IBAN");
    if (account == null) {
      account = acctId.textAt("Othr", "Id");
    }
    if (account == null) {
      throw acctId.error(src, "IBAN", null, "or Othr/Id must be present");
    }
    BankStatement.Builder b = BankStatement.builder().format(StatementFormat.CAMT_053).id(id).accountId(account)
        .messageId(Optional.ofNullable(messageId))
        .electronicSequenceNumber(Optional.ofNullable(stmt.textAt("ElctrncSeqNb")))
        .legalSequenceNumber(Optional.ofNullable(stmt.textAt("LglSeqNb")))
        .additionalInfo(Optional.ofNullable(stmt.textAt("AddtlStmtInf")));
    XmlNode ccy = stmt.at("Acct", "Ccy");
    if (ccy != null) {
      b.currency(currency(ccy, ccy.text(), src));
    }
    XmlNode created = stmt.child("CreDtTm");
    if (created != null) {
      b.createdAt(dateTime(created, src));
    }
    XmlNode from = stmt.at("FrToDt", "FrDtTm");
    if (from != null) {
      b.fromDateTime(dateTime(from, src));
    }
    XmlNode to = stmt.at("FrToDt", "ToDtTm");
    if (to != null) {
      b.toDateTime(dateTime(to, src));
    }
    for (XmlNode bal : stmt.all("Bal")) {
      b.addBalance(balance(bal, src));
    }
    int entryNo = 0;
    for (XmlNode ntry : stmt.all("Ntry")) {
      entryNo++;
      b.addAllLines(entryLines(ntry, id, entryNo, src));
    }
    return b.build();
  }

  private StatementBalance balance(XmlNode bal, String src) {
    XmlNode tp = required(bal, "Tp", src);
    String code = tp.textAt("CdOrPrtry", "Cd");
    if (code == null) {
      code = tp.textAt("CdOrPrtry", "Prtry");
    }
    if (code == null) {
      throw tp.error(src, "CdOrPrtry", null, "must hold Cd or Prtry");
    }
    Money amount = money(required(bal, "Amt", src), src);
    CreditDebit cd = creditDebit(required(bal, "CdtDbtInd", src), src);
    XmlNode dt = required(bal, "Dt", src);
    return StatementBalance.of(BalanceType.ofCamtCode(code), code, cd.signed(amount), Optional.of(date(dt, src)));
  }

  private List<StatementLine> entryLines(XmlNode ntry, String stmtId, int entryNo, String src) {
    Money amount = money(required(ntry, "Amt", src), src);
    CreditDebit cd = creditDebit(required(ntry, "CdtDbtInd", src), src);
    XmlNode sts = ntry.child("Sts");
    String status = null;
    if (sts != null) {
      status = sts.textAt("Cd");
      if (status == null) {
        status = sts.textAt("Prtry");
      }
      if (status == null && !sts.text().isEmpty()) {
        status = sts.text();
      }
    }
    boolean reversal = false;
    XmlNode rvsl = ntry.child("RvslInd");
    if (rvsl != null) {
      String t = rvsl.text();
      if (t.equals("true") || t.equals("1")) {
        reversal = true;
      } else if (!t.equals("false") && !t.equals("0")) {
        throw rvsl.error(src, "RvslInd", t, "must be true or false");
      }
    }
    XmlNode bookg = ntry.child("BookgDt");
    LocalDate booking = bookg == null ? null : date(bookg, src);
    XmlNode val = ntry.child("ValDt");
    LocalDate value = val == null ? null : date(val, src);
    String entryRef = ntry.textAt("AcctSvcrRef");
    String entryCode = transactionCode(ntry.child("BkTxCd"));
    String entryInfo = ntry.textAt("AddtlNtryInf");

    List<XmlNode> txs = new ArrayList<>();
    for (XmlNode dtls : ntry.all("NtryDtls")) {
      txs.addAll(dtls.all("TxDtls"));
    }
    int n = txs.size();
    List<StatementLine> lines = new ArrayList<>(Math.max(1, n));
    if (n <= 1) {
      StatementLine.Builder l = StatementLine.builder().id(stmtId + "#" + entryNo).amount(amount).direction(cd)
          .entryNumber(entryNo).batchSize(1).location(ntry.location());
      common(l, booking, value, status, reversal, entryRef, entryCode, entryInfo);
      if (n == 1) {
        XmlNode tx = txs.get(0);
        details(l, tx, cd);
        XmlNode txAmt = transactionAmount(tx);
        if (txAmt != null) {
          l.detailAmount(exactAmount(txAmt, src));
        }
      }
      lines.add(l.build());
      return lines;
    }
    // a batch booking: one line per transaction, amounts must add up to the entry
    BigDecimal sum = BigDecimal.ZERO;
    int txNo = 0;
    for (XmlNode tx : txs) {
      txNo++;
      XmlNode amtNode = transactionAmount(tx);
      if (amtNode == null) {
        throw tx.error(src, "Amt", null, "must be present in each TxDtls of a batch booking");
      }
      Money txAmount = money(amtNode, src);
      if (!txAmount.getCurrencyUnit().equals(amount.getCurrencyUnit())) {
        throw amtNode.error(src, "Ccy", txAmount.getCurrencyUnit(),
            "must be the entry currency " + amount.getCurrencyUnit());
      }
      XmlNode txCdNode = tx.child("CdtDbtInd");
      CreditDebit txCd = txCdNode == null ? cd : creditDebit(txCdNode, src);
      sum = sum.add(txCd.signed(txAmount).getAmount());
      StatementLine.Builder l = StatementLine.builder().id(stmtId + "#" + entryNo + "." + txNo).amount(txAmount)
          .direction(txCd).entryNumber(entryNo).batchSize(n).location(tx.location());
      common(l, booking, value, status, reversal, entryRef, entryCode, entryInfo);
      details(l, tx, txCd);
      lines.add(l.build());
    }
    BigDecimal expected = cd.signed(amount).getAmount();
    if (sum.compareTo(expected) != 0) {
      throw required(ntry, "Amt", src).error(src, "Amt", amount,
          "must equal the sum of its " + n + " transactions (signed), " + sum.toPlainString());
    }
    return lines;
  }

  private static void common(StatementLine.Builder l, @Nullable LocalDate booking, @Nullable LocalDate value,
      @Nullable String status, boolean reversal, @Nullable String entryRef, @Nullable String entryCode,
      @Nullable String entryInfo) {
    l.bookingDate(Optional.ofNullable(booking)).valueDate(Optional.ofNullable(value))
        .status(Optional.ofNullable(status)).reversal(reversal).bankReference(Optional.ofNullable(entryRef))
        .bankTransactionCode(Optional.ofNullable(entryCode)).additionalInfo(Optional.ofNullable(entryInfo));
  }

  /** Fills what a TxDtls says: references, remittance, parties, codes. */
  private static void details(StatementLine.Builder l, XmlNode tx, CreditDebit cd) {
    String e2e = tx.textAt("Refs", "EndToEndId");
    if (e2e != null) {
      l.endToEndId(e2e);
    }
    String ref = tx.textAt("Refs", "AcctSvcrRef");
    if (ref != null) {
      l.bankReference(ref);
    }
    String code = transactionCode(tx.child("BkTxCd"));
    if (code != null) {
      l.bankTransactionCode(code);
    }
    XmlNode rmt = tx.child("RmtInf");
    if (rmt != null) {
      for (XmlNode u : rmt.all("Ustrd")) {
        if (!u.text().isEmpty()) {
          l.addRemittanceText(u.text());
        }
      }
      for (XmlNode s : rmt.all("Strd")) {
        for (XmlNode part : s.children) { // file order: RfrdDocInf, CdtrRefInf, AddtlRmtInf
          if (part.name.equals("RfrdDocInf")) {
            String nb = part.textAt("Nb");
            if (nb != null) {
              l.addReference(nb);
            }
          } else if (part.name.equals("CdtrRefInf")) {
            String cref = part.textAt("Ref");
            if (cref != null) {
              l.addReference(cref);
            }
          } else if (part.name.equals("AddtlRmtInf") && !part.text().isEmpty()) {
            l.addRemittanceText(part.text());
          }
        }
      }
    }
    XmlNode parties = tx.child("RltdPties");
    if (parties != null) {
      String party = cd == CreditDebit.CREDIT ? "Dbtr" : "Cdtr";
      XmlNode p = parties.child(party);
      if (p != null) {
        String name = p.textAt("Nm");
        if (name == null) {
          name = p.textAt("Pty", "Nm");
        }
        l.counterpartyName(Optional.ofNullable(name));
      }
      XmlNode acct = parties.at(party + "Acct", "Id");
      if (acct != null) {
        String a = acct.textAt("IBAN");
        if (a == null) {
          a = acct.textAt("Othr", "Id");
        }
        l.counterpartyAccount(Optional.ofNullable(a));
      }
    }
    String info = tx.textAt("AddtlTxInf");
    if (info != null) {
      l.additionalInfo(info);
    }
  }

  private static @Nullable XmlNode transactionAmount(XmlNode tx) {
    XmlNode a = tx.child("Amt");
    return a != null ? a : tx.at("AmtDtls", "TxAmt", "Amt");
  }

  private static @Nullable String transactionCode(@Nullable XmlNode bkTxCd) {
    if (bkTxCd == null) {
      return null;
    }
    String domain = bkTxCd.textAt("Domn", "Cd");
    if (domain != null) {
      String family = bkTxCd.textAt("Domn", "Fmly", "Cd");
      String sub = bkTxCd.textAt("Domn", "Fmly", "SubFmlyCd");
      return domain + (family == null ? "" : "/" + family) + (sub == null ? "" : "/" + sub);
    }
    return bkTxCd.textAt("Prtry", "Cd");
  }

  private static XmlNode required(XmlNode parent, String child, String src) {
    XmlNode c = parent.child(child);
    if (c == null) {
      throw parent.error(src, child, null, "must be present");
    }
    return c;
  }

  private static CreditDebit creditDebit(XmlNode n, String src) {
    switch (n.text()) {
      case "CRDT":
        return CreditDebit.CREDIT;
      case "DBIT":
        return CreditDebit.DEBIT;
      default:
        throw n.error(src, n.name, n.text(), "must be CRDT or DBIT");
    }
  }

  private static CurrencyUnit currency(XmlNode n, @Nullable String code, String src) {
    if (code == null || code.isEmpty()) {
      throw n.error(src, n.name + "/@Ccy", code, "must be present");
    }
    try {
      return CurrencyUnit.of(code);
    } catch (IllegalCurrencyException e) {
      throw new DataFormatException(src, n.location(), n.name.equals("Ccy") ? "Ccy" : n.name + "/@Ccy", code,
          "must be a known ISO 4217 currency code", e);
    }
  }

  /** The amount as written (exact), checked as a decimal with a currency. */
  private static BigMoney exactAmount(XmlNode amt, String src) {
    CurrencyUnit cu = currency(amt, amt.attributes.get("Ccy"), src);
    String t = amt.text();
    if (!DECIMAL.matcher(t).matches()) {
      throw amt.error(src, amt.name, t, "must be a decimal amount");
    }
    return BigMoney.of(cu, new BigDecimal(t));
  }

  /** The amount as money: trailing zeros beyond the currency's decimals are dropped, anything else is an error. */
  private static Money money(XmlNode amt, String src) {
    BigMoney exact = exactAmount(amt, src);
    BigDecimal a = exact.getAmount().stripTrailingZeros();
    int dp = exact.getCurrencyUnit().getDecimalPlaces();
    if (a.scale() > dp) {
      throw amt.error(src, amt.name, amt.text(),
          "must have at most " + dp + " decimal places for " + exact.getCurrencyUnit());
    }
    if (a.movePointRight(dp).compareTo(StatementLineDef.MAX_MINOR) > 0) {
      throw amt.error(src, amt.name, amt.text(), StatementLineDef.TOO_LARGE);
    }
    return Money.of(exact.getCurrencyUnit(), a.setScale(dp));
  }

  /** A DateAndDateTimeChoice: {@code Dt} or {@code DtTm}; the date as written. */
  private LocalDate date(XmlNode choice, String src) {
    XmlNode d = choice.child("Dt");
    if (d != null) {
      String t = d.text();
      try {
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
      } catch (DateTimeParseException e) {
        throw new DataFormatException(src, d.location(), "Dt", t, "must be an ISO date (2014-12-31)", e);
      }
    }
    XmlNode dt = choice.child("DtTm");
    if (dt != null) {
      return dateTime(dt, src).toLocalDate();
    }
    throw choice.error(src, "Dt", null, "or DtTm must be present");
  }

  private OffsetDateTime dateTime(XmlNode n, String src) {
    String t = n.text();
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime local = LocalDateTime.parse(t);
        return local.atZone(localZone).toOffsetDateTime();
      } catch (DateTimeParseException e2) {
        throw new DataFormatException(src, n.location(), n.name, t,
            "must be an ISO date-time (2015-03-10T18:43:50+01:00)", e2);
      }
    }
  }
}
