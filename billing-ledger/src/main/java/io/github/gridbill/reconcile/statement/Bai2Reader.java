package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reads BAI2 balance-reporting files (BAI Cash Management Balance Reporting Specifications, version 2): file header
 * 01, group header 02, account identifier 03, transaction detail 16, continuation 88, account trailer 49, group
 * trailer 98 and file trailer 99.
 *
 * <pre>{@code
 * List<BankStatement> statements = Bai2Reader.create().read(Path.of("bai2.txt"));
 * }</pre>
 *
 * <p>Each 03 account record of each group becomes one {@link BankStatement}: status type codes (001–099, 700–719,
 * 900–919) become balances ({@code 010} opening ledger, {@code 015} closing ledger, ...), the other codes become
 * summaries, and each 16 record becomes a {@link StatementLine}: credit for type codes 100–399, 720–759 and 920–959,
 * debit for 400–699, 760–799 and 960–999. Non-monetary 890 records carry text only; their text goes to
 * {@link BankStatement#additionalInfo()}. Amounts have no decimal point: their implied decimals are the currency's
 * (the 03 currency, else the group's 02 currency, else USD). The booking date is the group's as-of date; the value
 * date is the funds-type {@code V} date, and a value date before the as-of date is read as the as-of date, as the
 * specification says. Funds types {@code 0}, {@code 1}, {@code 2}, {@code Z}, {@code S} (three availability amounts),
 * {@code V} (value date and time) and {@code D} (a count and that many day/amount pairs) are read so that the fields
 * after them are found; availability amounts are not kept. Two-digit years 00–79 are 2000–2079, 80–99 are 1980–1999.
 *
 * <p>Layout as found in real files: a record ends at {@code /} or at the end of the physical line; an 88 record
 * continues the record before it with further fields (for a 16 record, further text, joined with a space); several
 * records may share one physical line ({@code 49,-1600,11/ 03,1111111,...}); and a 16 record's text may run on to the
 * next physical line without an 88. Text may contain commas and slashes; within a 16 record's text a slash ends the
 * record only when spaces and another record's code follow it, and one slash at the end of the text is dropped.
 *
 * <p>Checks: the record order; every account, group and file control total (the sum of the 03 and 16 amounts, signed
 * as written; funds-type amounts excluded) and every record count (88 records included) and group and account count
 * against its trailer, unless {@link #withControlChecks(boolean) switched off}; version {@code 2}; dates, times,
 * currencies, type codes, amounts and funds types. The whole file is read and checked before anything is returned;
 * any problem is a {@link DataFormatException} naming the source, the line, the field, the value and the rule, for
 * example {@code "bai2.txt at line 15 (49 record): accountControlTotal must equal the sum of the account's amounts,
 * 834000: +00000000000834500"}. Instances are immutable and thread-safe.
 */
public final class Bai2Reader {
  private static final Pattern RECORD_START = Pattern.compile("\\s*(01|02|03|16|88|49|98|99),");
  private static final Pattern TEXT_RECORD_BREAK = Pattern.compile("/\\s+(01|02|03|16|88|49|98|99),");
  private static final Pattern SIGNED_DIGITS = Pattern.compile("[+-]?\\d+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern TYPE_CODE = Pattern.compile("\\d{3}");

  private final boolean controlChecks;

  private Bai2Reader(boolean controlChecks) {
    this.controlChecks = controlChecks;
  }

  /**
   * A reader that checks every control total and record count.
   *
   * @return the reader, never null
   */
  public static Bai2Reader create() {
    return new Bai2Reader(true);
  }

  /**
   * A copy that checks, or does not check, the control totals and record, account and group counts of the 49, 98
   * and 99 trailers; everything else is checked either way. Switch the checks off only for a file known to carry wrong
   * trailers. This instance is immutable and unaffected by this method.
   *
   * @param check whether to check
   * @return the reader, never null
   */
  public Bai2Reader withControlChecks(boolean check) {
    return new Bai2Reader(check);
  }

  /**
   * Reads a BAI2 file (US-ASCII or UTF-8 text).
   *
   * @param file the file, not null
   * @return one statement per account record, in file order, never null
   * @throws IOException if the file cannot be read
   * @throws DataFormatException if the file breaks a rule above; nothing is returned
   */
  public List<BankStatement> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }
  }

  /**
   * Reads BAI2 text (not closed).
   *
   * @param in the text, not null
   * @param source the name of the source for error messages, not null
   * @return one statement per account record, in file order, never null
   * @throws IOException if the text cannot be read
   * @throws DataFormatException if the file breaks a rule above; nothing is returned
   */
  public List<BankStatement> read(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    List<RawRecord> records = split(new BufferedReader(in), source);
    return new Parser(records, source, controlChecks).parse();
  }

  /** One logical record: its code and its pieces (the record's own content, then each 88's). */
  static final class RawRecord {
    final String code;
    final int line;
    final List<String> segments = new ArrayList<>();
    /** The record itself plus its 88 continuations (a wrapped physical line is not a record). */
    int records = 1;
    /** Whether a 16 record's text may run on (across 88s and wrapped lines). */
    final boolean text;

    RawRecord(String code, int line, boolean text) {
      this.code = code;
      this.line = line;
      this.text = text;
    }
  }

  /** Physical lines to logical records. */
  private static List<RawRecord> split(BufferedReader in, String src) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    RawRecord current = null; // the last record (88s attach to it)
    boolean open = false; // the last record ended at a line end without '/', so a wrapped text line may follow
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      int pos = 0;
      if (!RECORD_START.matcher(line).lookingAt()) {
        if (current != null && current.text && open) {
          // a 16 record's text wrapped onto this line without an 88
          Piece p = piece(line, 0, true);
          current.segments.add(p.content);
          open = p.open;
          continue;
        }
        throw new DataFormatException(src, "line " + lineNo, "record code", abbreviate(line),
            "must be one of 01, 02, 03, 16, 88, 49, 98, 99 followed by a comma");
      }
      while (pos < line.length()) {
        Matcher m = RECORD_START.matcher(line);
        m.region(pos, line.length());
        if (!m.lookingAt()) {
          if (line.substring(pos).isBlank()) {
            break;
          }
          throw new DataFormatException(src, "line " + lineNo, "record code", abbreviate(line.substring(pos)),
              "must be one of 01, 02, 03, 16, 88, 49, 98, 99 followed by a comma");
        }
        String code = m.group(1);
        int contentStart = m.end();
        boolean text;
        if (code.equals("88")) {
          if (current == null) {
            throw new DataFormatException(src, "line " + lineNo, "88", abbreviate(line), "must follow a record");
          }
          text = current.text;
          current.records++;
        } else {
          text = code.equals("16");
          current = new RawRecord(code, lineNo, text);
          out.add(current);
        }
        Piece p = piece(line, contentStart, text);
        current.segments.add(p.content);
        open = p.open;
        pos = p.next;
      }
    }
    return out;
  }

  /** A record's content on one physical line, where the next record on the line starts, and whether it is open. */
  private static final class Piece {
    final String content;
    final int next;
    final boolean open;

    Piece(String content, int next, boolean open) {
      this.content = content;
      this.next = next;
      this.open = open;
    }
  }

  private static Piece piece(String line, int start, boolean text) {
    if (text) {
      Matcher m = TEXT_RECORD_BREAK.matcher(line);
      m.region(start, line.length());
      if (m.find()) {
        return new Piece(trimText(line.substring(start, m.start())), m.start(1), false);
      }
      String rest = line.substring(start).stripTrailing();
      boolean open = !rest.endsWith("/");
      return new Piece(trimText(rest), line.length(), open);
    }
    int slash = line.indexOf('/', start);
    if (slash < 0) {
      return new Piece(line.substring(start).stripTrailing(), line.length(), true);
    }
    int next = slash + 1;
    while (next < line.length() && Character.isWhitespace(line.charAt(next))) {
      next++;
    }
    return new Piece(line.substring(start, slash), next, false);
  }

  /** Text content: trailing blanks (fixed-length padding) and one trailing '/' dropped. */
  private static String trimText(String s) {
    String t = s.stripTrailing();
    if (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1).stripTrailing();
    }
    return t;
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }

  /** Reads fields across a record's pieces: a piece's end ends a field, as a comma does. */
  static final class Fields {
    private final RawRecord rec;
    private int seg;
    private int pos;

    Fields(RawRecord rec) {
      this.rec = rec;
    }

    boolean hasNext() {
      while (seg < rec.segments.size()) {
        if (pos <= rec.segments.get(seg).length()) {
          return true;
        }
        seg++;
        pos = 0;
      }
      return false;
    }

    /** The next field; an empty string when the record has run out (a defaulted trailing field). */
    String next() {
      if (!hasNext()) {
        return "";
      }
      String s = rec.segments.get(seg);
      int comma = s.indexOf(',', pos);
      String f;
      if (comma < 0) {
        f = s.substring(pos);
        pos = s.length() + 1;
      } else {
        f = s.substring(pos, comma);
        pos = comma + 1;
      }
      return f.strip();
    }

    /** Everything left, pieces joined with a space (a 16 record's text). */
    String rest() {
      StringBuilder b = new StringBuilder();
      while (hasNext()) {
        String s = rec.segments.get(seg);
        String part = s.substring(pos).strip();
        if (!part.isEmpty()) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(part);
        }
        pos = s.length() + 1;
      }
      return b.toString();
    }
  }

  /** The record grammar, the checks and the statements. */
  private static final class Parser {
    private final List<RawRecord> records;
    private final String src;
    private final boolean controlChecks;
    private int i;

    Parser(List<RawRecord> records, String src, boolean controlChecks) {
      this.records = records;
      this.src = src;
      this.controlChecks = controlChecks;
    }

    private DataFormatException error(RawRecord r, String field, @Nullable Object value, String reason) {
      return new DataFormatException(src, "line " + r.line + " (" + r.code + " record)", field, value, reason);
    }

    private RawRecord expect(String code, String after) {
      if (i >= records.size()) {
        RawRecord last = records.isEmpty() ? new RawRecord("end", 0, false) : records.get(records.size() - 1);
        throw new DataFormatException(src, "line " + last.line + " (end of file)", "record", "end of file",
            "must be followed by a " + code + " record " + after);
      }
      RawRecord r = records.get(i);
      if (!r.code.equals(code)) {
        throw error(r, "record", r.code, "must be " + code + " " + after);
      }
      i++;
      return r;
    }

    private @Nullable RawRecord peek() {
      return i < records.size() ? records.get(i) : null;
    }

    List<BankStatement> parse() {
      if (records.isEmpty()) {
        throw new DataFormatException(src, "line 1", "file", "empty", "must start with a 01 file header");
      }
      RawRecord header = expect("01", "(file header) at the start of the file");
      Fields h = new Fields(header);
      String sender = required(header, h.next(), "senderId");
      required(header, h.next(), "receiverId");
      String created = h.next();
      date(header, created, "fileCreationDate");
      time(header, h.next(), "fileCreationTime", false);
      String fileId = required(header, h.next(), "fileId");
      optionalInt(header, h.next(), "physicalRecordLength");
      optionalInt(header, h.next(), "blockSize");
      String version = h.next();
      if (!version.equals("2")) {
        throw error(header, "versionNumber", version, "must be 2");
      }
      String messageId = sender + "/" + created + "/" + fileId;
      List<BankStatement> out = new ArrayList<>();
      BigInteger fileTotal = BigInteger.ZERO;
      int groups = 0;
      long fileRecords = header.records;
      while (peek() != null && peek().code.equals("02")) {
        groups++;
        Group g = group(messageId, groups);
        out.addAll(g.statements);
        fileTotal = fileTotal.add(g.total);
        fileRecords += g.records;
      }
      RawRecord trailer = expect("99", "(file trailer) after the last group");
      fileRecords += trailer.records;
      Fields t = new Fields(trailer);
      BigInteger stated = total(trailer, t.next(), "fileControlTotal");
      long statedGroups = count(trailer, t.next(), "numberOfGroups");
      long statedRecords = count(trailer, t.next(), "numberOfRecords");
      if (controlChecks) {
        check(trailer, stated.equals(fileTotal), "fileControlTotal", stated, "must equal the sum of the group "
            + "control totals, " + fileTotal);
        check(trailer, statedGroups == groups, "numberOfGroups", statedGroups, "must equal the groups in the file, "
            + groups);
        check(trailer, statedRecords == fileRecords, "numberOfRecords", statedRecords, "must equal the records in "
            + "the file, " + fileRecords);
      }
      if (i < records.size()) {
        RawRecord extra = records.get(i);
        throw error(extra, "record", extra.code, "must not follow the 99 file trailer");
      }
      return List.copyOf(out);
    }

    private static final class Group {
      final List<BankStatement> statements = new ArrayList<>();
      BigInteger total = BigInteger.ZERO;
      long records;
    }

    private Group group(String messageId, int groupNo) {
      RawRecord gh = expect("02", "(group header)");
      Fields f = new Fields(gh);
      f.next(); // ultimate receiver, optional
      required(gh, f.next(), "originatorId");
      String status = f.next();
      if (!status.matches("[1-4]")) {
        throw error(gh, "groupStatus", status, "must be 1, 2, 3 or 4");
      }
      LocalDate asOf = date(gh, f.next(), "asOfDate");
      time(gh, f.next(), "asOfTime", true);
      String ccy = f.next();
      CurrencyUnit groupCurrency = ccy.isEmpty() ? CurrencyUnit.USD : currency(gh, ccy, "currencyCode");
      String modifier = f.next();
      if (!modifier.isEmpty() && !modifier.matches("[1-4]")) {
        throw error(gh, "asOfDateModifier", modifier, "must be 1, 2, 3 or 4");
      }
      Group g = new Group();
      g.records = gh.records;
      int accounts = 0;
      while (peek() != null && peek().code.equals("03")) {
        accounts++;
        AccountResult a = account(messageId + "/" + groupNo + "/" + accounts, messageId, asOf, groupCurrency);
        g.statements.add(a.statement);
        g.total = g.total.add(a.total);
        g.records += a.records;
      }
      RawRecord trailer = expect("98", "(group trailer) after the group's accounts");
      g.records += trailer.records;
      Fields t = new Fields(trailer);
      BigInteger stated = total(trailer, t.next(), "groupControlTotal");
      long statedAccounts = count(trailer, t.next(), "numberOfAccounts");
      long statedRecords = count(trailer, t.next(), "numberOfRecords");
      if (controlChecks) {
        check(trailer, stated.equals(g.total), "groupControlTotal", stated, "must equal the sum of the account "
            + "control totals, " + g.total);
        check(trailer, statedAccounts == accounts, "numberOfAccounts", statedAccounts, "must equal the accounts in "
            + "the group, " + accounts);
        check(trailer, statedRecords == g.records, "numberOfRecords", statedRecords, "must equal the records in "
            + "the group, " + g.records);
      }
      return g;
    }

    private static final class AccountResult {
      final BankStatement statement;
      final BigInteger total;
      final long records;

      AccountResult(BankStatement statement, BigInteger total, long records) {
        this.statement = statement;
        this.total = total;
        this.records = records;
      }
    }

    private AccountResult account(String statementId, String messageId, LocalDate asOf, CurrencyUnit groupCurrency) {
      RawRecord ar = expect("03", "(account identifier)");
      Fields f = new Fields(ar);
      String account = required(ar, f.next(), "customerAccountNumber");
      String ccy = f.next();
      CurrencyUnit currency = ccy.isEmpty() ? groupCurrency : currency(ar, ccy, "currencyCode");
      BankStatement.Builder b = BankStatement.builder().format(StatementFormat.BAI2).id(statementId)
          .messageId(messageId).accountId(account).currency(currency).asOfDate(asOf);
      BigInteger total = BigInteger.ZERO;
      long records = ar.records;
      while (f.hasNext()) {
        String type = f.next();
        String amount = f.next();
        String itemCount = f.next();
        String funds = f.next();
        skipFundsExtras(ar, f, funds);
        if (type.isEmpty() && amount.isEmpty() && itemCount.isEmpty() && funds.isEmpty()) {
          continue; // a defaulted status/summary group: "03,5765432,,,,,/"
        }
        if (!TYPE_CODE.matcher(type).matches()) {
          throw error(ar, "typeCode", type, "must be three digits");
        }
        if (amount.isEmpty()) {
          continue; // an amount not reported
        }
        if (!SIGNED_DIGITS.matcher(amount).matches()) {
          throw error(ar, "amount[" + type + "]", amount, "must be digits with an optional sign");
        }
        BigInteger minor = new BigInteger(amount);
        total = total.add(minor);
        Money m = money(ar, minor, currency, "amount[" + type + "]");
        if (isStatus(type)) {
          b.addBalance(StatementBalance.of(BalanceType.ofBai2Code(type), type, m, Optional.of(asOf)));
        } else {
          Optional<Integer> n = itemCount.isEmpty() ? Optional.empty()
              : Optional.of((int) count(ar, itemCount, "itemCount[" + type + "]"));
          b.addSummary(StatementSummary.of(type, m, n, funds.isEmpty() ? Optional.empty() : Optional.of(funds)));
        }
      }
      int detailNo = 0;
      List<String> info = new ArrayList<>();
      while (peek() != null && peek().code.equals("16")) {
        RawRecord d = expect("16", "(transaction detail)");
        records += d.records;
        Fields df = new Fields(d);
        String type = df.next();
        if (!TYPE_CODE.matcher(type).matches()) {
          throw error(d, "typeCode", type, "must be three digits");
        }
        String amount = df.next();
        String funds = df.next();
        LocalDate valueDate = skipFundsExtras(d, df, funds);
        String bankRef = df.next();
        String customerRef = df.next();
        String text = df.rest();
        if (type.equals("890")) {
          if (!amount.isEmpty()) {
            throw error(d, "amount", amount, "must be defaulted for the non-monetary type code 890");
          }
          if (!text.isEmpty()) {
            info.add(text);
          }
          continue;
        }
        CreditDebit direction = direction(d, type);
        if (!DIGITS.matcher(amount).matches()) {
          throw error(d, "amount", amount, "must be digits (no sign, no decimal point)");
        }
        BigInteger minor = new BigInteger(amount);
        total = total.add(minor);
        detailNo++;
        LocalDate value = valueDate == null || valueDate.isBefore(asOf) ? asOf : valueDate;
        StatementLine.Builder l = StatementLine.builder().id(statementId + "#" + detailNo)
            .amount(money(d, minor, currency, "amount")).direction(direction).bookingDate(asOf).valueDate(value)
            .bankTransactionCode(type).entryNumber(detailNo).location("line " + d.line);
        if (!bankRef.isEmpty()) {
          l.bankReference(bankRef);
        }
        if (!customerRef.isEmpty()) {
          l.addReference(customerRef);
        }
        if (!text.isEmpty()) {
          l.addRemittanceText(text);
        }
        b.addLine(l.build());
      }
      if (!info.isEmpty()) {
        b.additionalInfo(String.join("\n", info));
      }
      RawRecord trailer = expect("49", "(account trailer) after the account's details");
      records += trailer.records;
      Fields t = new Fields(trailer);
      BigInteger stated = total(trailer, t.next(), "accountControlTotal");
      long statedRecords = count(trailer, t.next(), "numberOfRecords");
      if (controlChecks) {
        check(trailer, stated.equals(total), "accountControlTotal", stated, "must equal the sum of the account's "
            + "amounts, " + total);
        check(trailer, statedRecords == records, "numberOfRecords", statedRecords, "must equal the account's "
            + "records, " + records);
      }
      return new AccountResult(b.build(), total, records);
    }

    /** Reads the fields a funds type brings; returns the value date of funds type V. */
    private @Nullable LocalDate skipFundsExtras(RawRecord r, Fields f, String funds) {
      switch (funds) {
        case "":
        case "0":
        case "1":
        case "2":
        case "Z":
          return null;
        case "S":
          for (int k = 0; k < 3; k++) {
            String a = f.next();
            if (!a.isEmpty() && !SIGNED_DIGITS.matcher(a).matches()) {
              throw error(r, "availabilityAmount", a, "must be digits with an optional sign");
            }
          }
          return null;
        case "V": {
          String d = f.next();
          LocalDate date = d.isEmpty() ? null : date(r, d, "valueDate");
          time(r, f.next(), "valueTime", true);
          return date;
        }
        case "D": {
          String n = f.next();
          long count = count(r, n, "numberOfDistributions");
          for (long k = 0; k < count; k++) {
            String days = f.next();
            String a = f.next();
            if (!DIGITS.matcher(days).matches()) {
              throw error(r, "availabilityDays", days, "must be digits");
            }
            if (!SIGNED_DIGITS.matcher(a).matches()) {
              throw error(r, "availabilityAmount", a, "must be digits with an optional sign");
            }
          }
          return null;
        }
        default:
          throw error(r, "fundsType", funds, "must be 0, 1, 2, S, V, D or Z");
      }
    }

    private CreditDebit direction(RawRecord r, String type) {
      int c = Integer.parseInt(type);
      if ((c >= 100 && c <= 399) || (c >= 720 && c <= 759) || (c >= 920 && c <= 959)) {
        return CreditDebit.CREDIT;
      }
      if ((c >= 400 && c <= 699) || (c >= 760 && c <= 799) || (c >= 960 && c <= 999)) {
        return CreditDebit.DEBIT;
      }
      throw error(r, "typeCode", type, "must be a detail type code (credit 100-399, 720-759, 920-959; debit "
          + "400-699, 760-799, 960-999; or 890), not a status code");
    }

    private static boolean isStatus(String type) {
      int c = Integer.parseInt(type);
      return c <= 99 || (c >= 700 && c <= 719) || (c >= 900 && c <= 919);
    }

    private Money money(RawRecord r, BigInteger minor, CurrencyUnit currency, String field) {
      if (minor.abs().compareTo(StatementLineDef.MAX_MINOR.toBigInteger()) > 0) {
        throw error(r, field, minor, StatementLineDef.TOO_LARGE);
      }
      return Money.ofMinor(currency, minor.longValue());
    }

    private BigInteger total(RawRecord r, String value, String field) {
      if (!SIGNED_DIGITS.matcher(value).matches()) {
        throw error(r, field, value, "must be digits with an optional sign");
      }
      return new BigInteger(value);
    }

    private long count(RawRecord r, String value, String field) {
      if (!DIGITS.matcher(value).matches() || value.length() > 9) {
        throw error(r, field, value, "must be a whole number");
      }
      return Long.parseLong(value);
    }

    private void optionalInt(RawRecord r, String value, String field) {
      if (!value.isEmpty()) {
        count(r, value, field);
      }
    }

    private String required(RawRecord r, String value, String field) {
      if (value.isEmpty()) {
        throw error(r, field, value, "must be present");
      }
      return value;
    }

    private void check(RawRecord r, boolean ok, String field, Object value, String reason) {
      if (!ok) {
        throw error(r, field, value, reason);
      }
    }

    private LocalDate date(RawRecord r, String value, String field) {
      if (!value.matches("\\d{6}")) {
        throw error(r, field, value, "must be a date YYMMDD");
      }
      int yy = Integer.parseInt(value.substring(0, 2));
      try {
        return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(value.substring(2, 4)),
            Integer.parseInt(value.substring(4, 6)));
      } catch (DateTimeException e) {
        throw new DataFormatException(src, "line " + r.line + " (" + r.code + " record)", field, value,
            "must be a date YYMMDD", e);
      }
    }

    private void time(RawRecord r, String value, String field, boolean optional) {
      if (value.isEmpty() && optional) {
        return;
      }
      boolean ok = value.matches("\\d{4}") && (value.equals("9999")
          || (Integer.parseInt(value.substring(0, 2)) <= 24 && Integer.parseInt(value.substring(2)) <= 59));
      if (!ok) {
        throw error(r, field, value, "must be a time HHMM (0000 to 2400, or 9999)");
      }
    }

    private CurrencyUnit currency(RawRecord r, String code, String field) {
      try {
        return CurrencyUnit.of(code);
      } catch (IllegalCurrencyException e) {
        throw new DataFormatException(src, "line " + r.line + " (" + r.code + " record)", field, code,
            "must be a known ISO 4217 currency code", e);
      }
    }
  }
}
