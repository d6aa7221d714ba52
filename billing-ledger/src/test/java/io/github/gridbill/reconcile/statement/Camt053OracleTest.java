package io.github.gridbill.reconcile.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.BigMoney;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real genkgo/camt fixtures parse to what genkgo's own expected results ({@code .json}) say: every statement
 * and entry the oracle serialises is compared field by field. (genkgo serialises an object once and refers back to it
 * as {@code __RECURSIVITY__}, so the oracle for the multi-statement file spells out only the second statement; the
 * number of statements is checked from its {@code getRecords}.)
 */
class Camt053OracleTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "genkgo_camt053.v2.minimal", "genkgo_camt053.v2.multi.statement", "genkgo_camt053.v2.all-balance-types",
      "genkgo_camt053.v2.five.decimals", "genkgo_camt053.v3"})
  void parsesAsTheOracleSays(String name) throws IOException {
    List<BankStatement> parsed = Camt053Reader.create()
        .read(Fixtures.stream(Fixtures.text("camt053/" + name + ".xml")), name + ".xml");
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> oracle = (Map<String, @Nullable Object>) Objects.requireNonNull(Json.parse(
        Fixtures.text("camt053/" + name + ".json")));
    assertThat(parsed).hasSize(list(oracle.get("getRecords")).size());

    Map<String, Object> oracleStatements = new HashMap<>();
    List<Map<String, @Nullable Object>> oracleEntries = new ArrayList<>();
    collect(oracle, oracleStatements, oracleEntries);
    assertThat(oracleStatements).isNotEmpty();
    assertThat(oracleEntries).isNotEmpty();

    String messageId = str(map(oracle.get("getGroupHeader")).get("getMessageId"));
    for (BankStatement s : parsed) {
      assertThat(s.messageId()).contains(messageId);
      assertThat(s.format()).isEqualTo(StatementFormat.CAMT_053);
    }
    for (Map.Entry<String, Object> e : oracleStatements.entrySet()) {
      BankStatement s = parsed.stream().filter(p -> p.id().equals(e.getKey())).findFirst().orElseThrow();
      compareStatement(s, map(e.getValue()));
    }
    for (Map<String, @Nullable Object> entry : oracleEntries) {
      String stmtId = str(map(entry.get("getRecord")).get("getId"));
      BankStatement s = parsed.stream().filter(p -> p.id().equals(stmtId)).findFirst().orElseThrow();
      int index = ((BigDecimal) Objects.requireNonNull(entry.get("getIndex"))).intValueExact();
      List<StatementLine> lines = s.lines().stream().filter(l -> l.entryNumber() == index + 1).toList();
      assertThat(lines).as("one line for the single-transaction entry").hasSize(1);
      compareEntry(lines.get(0), entry);
    }
  }

  private static void compareStatement(BankStatement s, Map<String, @Nullable Object> o) {
    assertThat(s.accountId()).isEqualTo(str(map(o.get("getAccount")).get("getIdentification")));
    assertThat(s.electronicSequenceNumber()).isEqualTo(opt(o.get("getElectronicSequenceNumber")));
    assertThat(s.legalSequenceNumber()).isEqualTo(opt(o.get("getLegalSequenceNumber")));
    assertThat(s.additionalInfo()).isEqualTo(opt(o.get("getAdditionalInformation")));
    assertThat(s.createdAt().map(OffsetDateTime::toInstant)).isEqualTo(instant(o.get("getCreatedOn")));
    assertThat(s.fromDateTime().map(OffsetDateTime::toInstant)).isEqualTo(instant(o.get("getFromDate")));
    assertThat(s.toDateTime().map(OffsetDateTime::toInstant)).isEqualTo(instant(o.get("getToDate")));
    List<@Nullable Object> balances = list(o.get("getBalances"));
    assertThat(s.balances()).hasSize(balances.size());
    for (int i = 0; i < balances.size(); i++) {
      Map<String, @Nullable Object> b = map(balances.get(i));
      StatementBalance mine = s.balances().get(i);
      assertThat(genkgoType(mine)).isEqualTo(str(b.get("getType")));
      assertThat(minor(mine.amount())).isEqualTo(str(map(b.get("getAmount")).get("getAmount")));
      assertThat(mine.amount().getCurrencyUnit().getCode())
          .isEqualTo(str(map(map(b.get("getAmount")).get("getCurrency")).get("getCode")));
      assertThat(mine.date()).isEqualTo(Optional.of(date(b.get("getDate"))));
    }
  }

  private static void compareEntry(StatementLine l, Map<String, @Nullable Object> e) {
    Map<String, @Nullable Object> amount = map(e.get("getAmount"));
    assertThat(minor(l.signedAmount())).isEqualTo(str(amount.get("getAmount")));
    assertThat(l.amount().getCurrencyUnit().getCode()).isEqualTo(str(map(amount.get("getCurrency")).get("getCode")));
    assertThat(l.direction().name().substring(0, 1)).isEqualTo(str(e.get("getCreditDebitIndicator")).substring(0, 1));
    assertThat(l.status()).isEqualTo(opt(e.get("getStatus")));
    assertThat(l.reversal()).isEqualTo(Boolean.TRUE.equals(e.get("getReversalIndicator")));
    assertThat(l.bookingDate()).isEqualTo(Optional.ofNullable(e.get("getBookingDate")).map(Camt053OracleTest::date));
    assertThat(l.valueDate()).isEqualTo(Optional.ofNullable(e.get("getValueDate")).map(Camt053OracleTest::date));
    Map<String, @Nullable Object> code = map(e.get("getBankTransactionCode"));
    if (code.get("getDomain") == null) {
      assertThat(l.bankTransactionCode()).isEqualTo(opt(map(code.get("getProprietary")).get("getCode")));
    } else {
      Map<String, @Nullable Object> dom = map(code.get("getDomain"));
      Map<String, @Nullable Object> fam = map(dom.get("getFamily"));
      assertThat(l.bankTransactionCode()).contains(
          str(dom.get("getCode")) + "/" + str(fam.get("getCode")) + "/" + str(fam.get("getSubFamilyCode")));
    }
    Map<String, @Nullable Object> tx = map(e.get("getTransactionDetail"));
    Map<String, @Nullable Object> ref = map(tx.get("getReference"));
    assertThat(l.endToEndId()).isEqualTo(opt(ref.get("getEndToEndId")));
    Optional<String> entryRef = opt(e.get("getAccountServicerReference"));
    Optional<String> txRef = opt(ref.get("getAccountServicerReference"));
    assertThat(l.bankReference()).isEqualTo(txRef.isPresent() ? txRef : entryRef);
    if (tx.get("getAmount") == null) {
      assertThat(l.detailAmount()).isEmpty();
    } else {
      Map<String, @Nullable Object> ta = map(tx.get("getAmount"));
      BigMoney detail = l.detailAmount().orElseThrow();
      assertThat(detail.toMoney(java.math.RoundingMode.UNNECESSARY).getAmountMinorLong())
          .isEqualTo(Long.parseLong(str(ta.get("getAmount"))));
    }
    Map<String, @Nullable Object> rmt = map(tx.get("getRemittanceInformation"));
    String message = str(rmt.get("getMessage"));
    if (rmt.get("getUnstructuredBlock") != null) {
      assertThat(l.remittanceText()).first().isEqualTo(message);
    } else {
      assertThat(l.references()).first().isEqualTo(message);
      assertThat(l.references()).first()
          .isEqualTo(str(map(rmt.get("getCreditorReferenceInformation")).get("getRef")));
    }
    String counterpartyClass = l.direction() == CreditDebit.CREDIT ? "Debtor" : "Creditor";
    for (@Nullable Object p : list(tx.get("getRelatedParties"))) {
      Map<String, @Nullable Object> party = map(p);
      Map<String, @Nullable Object> type = map(party.get("getRelatedPartyType"));
      if (str(type.get("__CLASS__")).endsWith("\\" + counterpartyClass)) {
        assertThat(l.counterpartyName()).isEqualTo(opt(type.get("getName")));
        assertThat(l.counterpartyAccount())
            .isEqualTo(Optional.ofNullable(party.get("getAccount")).map(a -> str(map(a).get("getIdentification"))));
      }
    }
  }

  /** Every Statement and Entry object in the serialised tree (references back are strings and are skipped). */
  private static void collect(@Nullable Object o, Map<String, Object> statements,
      List<Map<String, @Nullable Object>> entries) {
    if (o instanceof Map<?, ?> m) {
      Map<String, @Nullable Object> mm = map(m);
      Object cls = mm.get("__CLASS__");
      if ("Genkgo\\Camt\\Camt053\\DTO\\Statement".equals(cls)) {
        statements.put(str(mm.get("getId")), mm);
      } else if ("Genkgo\\Camt\\DTO\\Entry".equals(cls)) {
        entries.add(mm);
      }
      for (Object v : mm.values()) {
        collect(v, statements, entries);
      }
    } else if (o instanceof List<?> l) {
      for (Object v : l) {
        collect(v, statements, entries);
      }
    }
  }

  /** genkgo's name for a balance type. */
  private static String genkgoType(StatementBalance b) {
    switch (b.type()) {
      case OPENING_BOOKED:
      case PREVIOUSLY_CLOSED_BOOKED:
        return "opening";
      case CLOSING_BOOKED:
        return "closing";
      case OPENING_AVAILABLE:
        return "opening_available";
      case CLOSING_AVAILABLE:
        return "closing_available";
      case FORWARD_AVAILABLE:
        return "forward_available";
      case INFORMATION:
        return "information";
      case INTERIM_AVAILABLE:
        return "interim_available";
      case INTERIM_BOOKED:
        return "interim";
      case EXPECTED:
        return "expected_credit";
      default:
        return b.code();
    }
  }

  private static String minor(Money m) {
    return Long.toString(m.getAmountMinorLong());
  }

  private static LocalDate date(@Nullable Object dateObject) {
    return OffsetDateTime.parse(str(map(dateObject).get("0"))).toLocalDate();
  }

  private static Optional<Instant> instant(@Nullable Object dateObject) {
    return dateObject == null ? Optional.empty()
        : Optional.of(OffsetDateTime.parse(str(map(dateObject).get("0"))).toInstant());
  }

  private static Optional<String> opt(@Nullable Object o) {
    return o == null || o.toString().isEmpty() ? Optional.empty() : Optional.of(o.toString());
  }

  private static String str(@Nullable Object o) {
    assertThat(o).isNotNull();
    return String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> map(@Nullable Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, @Nullable Object>) Objects.requireNonNull(o);
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> list(@Nullable Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<@Nullable Object>) Objects.requireNonNull(o);
  }
}
