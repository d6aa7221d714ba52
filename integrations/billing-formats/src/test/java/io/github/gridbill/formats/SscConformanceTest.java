package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * NREL SAM's own {@code utilityrate5} tests (36 cases, as data) through import → rate → compare: every upstream
 * expectation within its upstream tolerance (on the exact, unrounded sums of the bill lines: ssc rounds nothing),
 * year-1 monthly bills with and without the system and year-2 monthly bills
 * with it equal to ssc's full-precision values: the exact sum of the lines within $0.0001 (the bound of quantising
 * ssc's double kW arrays to mWh), the bill as rounded within half a cent per line more, and the must-fail cases refused
 * with the rule named. Prints the table kept in CONFORMANCE.md.
 */
class SscConformanceTest {
  private static final Map<String, String> TABLE = new ConcurrentSkipListMap<>();
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
  private static final BigDecimal QUANTISATION = new BigDecimal("0.0001");
  private static final Map<String, BigDecimal> WORST_EXACT = new ConcurrentSkipListMap<>();
  private static final ThreadLocal<String> CURRENT = ThreadLocal.withInitial(() -> "");

  static Path base() {
    try {
      Path p = Path.of(java.util.Objects.requireNonNull(SscConformanceTest.class.getResource("/ssc/expected.json"))
          .toURI()).getParent();
      return java.util.Objects.requireNonNull(p);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> cases() throws IOException {
    JsonNode all = UrdbReader.MAPPER.readTree(Files.readString(base().resolve("expected.json")));
    List<String> names = new ArrayList<>();
    for (JsonNode c : all) {
      names.add(c.get("test").asString());
    }
    return names.stream();
  }

  private static JsonNode expected(String test) throws IOException {
    JsonNode all = UrdbReader.MAPPER.readTree(Files.readString(base().resolve("expected.json")));
    for (JsonNode c : all) {
      if (c.get("test").asString().equals(test)) {
        return c;
      }
    }
    throw new IllegalArgumentException(test);
  }

  /** The bills of one run (with or without the system), month by month. */
  static List<Bill> rateAll(SscImport imp, IntervalSeries series) {
    List<Bill> bills = new ArrayList<>();
    BillingState state = imp.initialState();
    Rater rater = Rater.create();
    for (YearMonth ym : imp.months()) {
      RatingPlan plan = RatingPlan.compile(imp.tariff(), BillingPeriod.ofMonth(ym, ZoneOffset.UTC),
          series.grid().length());
      RatedBill rb = rater.rate(plan, series, state);
      bills.add(rb.bill());
      state = rb.nextState();
    }
    return bills;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformsToSsc(String test) throws IOException {
    JsonNode exp = expected(test);
    Path file = base().resolve("cases").resolve(test + ".json");
    if (exp.get("upstream_expect_fail").asBoolean()) {
      String ssc = exp.get("error").get(0).asString();
      String rule = ssc.contains("credit_month") ? "must be 0 to 11"
          : "tiers should have the same max usage across periods in the same month for TOU rates";
      assertThatExceptionOfType(BillingException.class).isThrownBy(() -> SscReader.read(file))
          .withMessageContaining(rule);
      TABLE.put(test, row(test, "refused", "- | -", "refused, naming the rule: " + rule));
      return;
    }
    SscImport imp = SscReader.read(file);
    CURRENT.set(test);
    WORST_EXACT.put(test, BigDecimal.ZERO);
    List<Bill> with = rateAll(imp, imp.withSystem());
    List<Bill> without = rateAll(imp, imp.withoutSystem());
    List<String> failures = new ArrayList<>();
    BigDecimal worst = BigDecimal.ZERO;
    // monthly bills: with system year 1 and 2, without system year 1
    worst = worst.max(compareMonths("w/ sys y1", with.subList(0, 12), exp.get("utility_bill_w_sys_ym_year1"),
        failures));
    if (exp.has("utility_bill_w_sys_ym_year2") && with.size() >= 24) {
      worst = worst.max(compareMonths("w/ sys y2", with.subList(12, 24), exp.get("utility_bill_w_sys_ym_year2"),
          failures));
    }
    worst = worst.max(compareMonths("w/o sys y1", without.subList(0, 12), exp.get("utility_bill_wo_sys_ym_year1"),
        failures));
    // upstream checks
    int occurrence = 0;
    for (JsonNode c : exp.get("checks")) {
      String expr = c.get("actual_expr").asString();
      BigDecimal want = new BigDecimal(c.get("expected").asString());
      BigDecimal tol = c.get("tolerance").decimalValue();
      BigDecimal got;
      try {
        got = expr.startsWith("hourly_sales[") ? hourlySales(imp, expr)
            : check(test, expr, with, without, expr.equals("tier_usage") ? occurrence++ : 0);
      } catch (UnsupportedOperationException e) {
        failures.add(expr + ": " + e.getMessage());
        continue;
      }
      if (got.subtract(want).abs().compareTo(tol) > 0) {
        failures.add(expr + " = " + got.toPlainString() + ", upstream expects " + want + " ± " + tol);
      }
    }
    TABLE.put(test, row(test, failures.isEmpty() ? "pass" : "FAIL",
        worst.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString() + " | "
            + WORST_EXACT.get(test).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString(),
        failures.isEmpty() ? "" : String.join("; ", failures)));
    assertThat(failures).as(test).isEmpty();
  }

  private static BigDecimal compareMonths(String what, List<Bill> bills, JsonNode ssc, List<String> failures) {
    BigDecimal worst = BigDecimal.ZERO;
    for (int m = 0; m < 12; m++) {
      Bill b = bills.get(m);
      BigDecimal want = ssc.get(m).decimalValue();
      BigDecimal exactDiff = exact(b).subtract(want).abs();
      WORST_EXACT.merge(CURRENT.get(), exactDiff, BigDecimal::max);
      if (exactDiff.compareTo(QUANTISATION) > 0) {
        failures.add(String.format(Locale.ROOT, "%s %s: exact %s vs ssc %.6f (diff %s > %s)", what,
            b.period().startInclusive().getMonth(), exact(b).toPlainString(), want, exactDiff.toPlainString(),
            QUANTISATION.toPlainString()));
      }
      BigDecimal got = b.total().getAmount();
      BigDecimal diff = got.subtract(want).abs();
      worst = worst.max(diff);
      BigDecimal allowed = HALF_CENT.multiply(BigDecimal.valueOf(Math.max(1, b.lines().size()))).add(QUANTISATION);
      if (diff.compareTo(allowed) > 0) {
        failures.add(String.format(Locale.ROOT, "%s %s: %s vs ssc %.6f (diff %s > %s)", what,
            b.period().startInclusive().getMonth(), got.toPlainString(), want, diff.toPlainString(),
            allowed.toPlainString()));
      }
    }
    return worst;
  }

  /** ssc rounds nothing, so upstream checks compare the exact (unrounded) sum of a bill's lines. */
  static BigDecimal exact(Bill b) {
    BigDecimal s = BigDecimal.ZERO;
    for (BillLine l : b.lines()) {
      s = s.add(l.exactAmount());
    }
    return s;
  }

  private static BigDecimal sum(List<Bill> bills, int from, int to) {
    BigDecimal s = BigDecimal.ZERO;
    for (Bill b : bills.subList(from, to)) {
      s = s.add(exact(b));
    }
    return s;
  }

  private static BigDecimal lines(Bill b, @org.jspecify.annotations.Nullable String component,
      @org.jspecify.annotations.Nullable LineKind kind) {
    BigDecimal s = BigDecimal.ZERO;
    for (BillLine l : b.lines()) {
      if ((component == null || l.componentId().equals(component)) && (kind == null || l.kind() == kind)) {
        s = s.add(l.exactAmount());
      }
    }
    return s;
  }

  private static BigDecimal credits(String test, Bill b) {
    if (test.contains("buyall_sellall")) {
      return lines(b, "net-metering", LineKind.EXPORT_CREDIT).negate();
    }
    if (test.contains("net_metering_credits")) {
      return b.netMetering().orElseThrow().moneyApplied();
    }
    if (test.endsWith("net_billing") || test.endsWith("net_billing_w_sell_rates")) {
      return lines(b, "net-metering", LineKind.EXPORT_CREDIT).negate();
    }
    return b.netMetering().orElseThrow().moneyApplied();
  }

  private static BigDecimal trueUp(Bill b) {
    return lines(b, "true-up", null).negate();
  }

  private static BigDecimal check(String test, String expr, List<Bill> w, List<Bill> wo, int occurrence) {
    switch (expr) {
      case "cost_without_system":
        return sum(wo, 0, 12);
      case "cost_with_system":
        return sum(w, 0, 12);
      case "dec_dollars":
        return trueUp(w.get(11));
      case "may_dollars":
        return trueUp(w.get(4));
      case "june_dollars":
        return w.get(5).netMetering().orElseThrow().moneyApplied();
      case "may_year_1":
        return exact(w.get(4));
      case "apr_year_1":
      case "april_year_1":
        return exact(w.get(3));
      case "jan_year_2":
        return exact(w.get(12));
      case "july_year_1":
        return exact(wo.get(6));
      case "april_year_1_min":
        return lines(w.get(3), null, LineKind.MINIMUM);
      case "dec_year_1_min":
        return lines(w.get(11), null, LineKind.MINIMUM);
      case "dec_year_1_credits":
        return trueUpTests(test) ? trueUp(w.get(11)) : credits(test, w.get(11));
      case "jan_year_2_credits":
        return test.endsWith("jan_reset") ? trueUp(w.get(12)) : credits(test, w.get(12));
      case "apr_year_1_credits":
        return test.endsWith("april_reset") ? trueUp(w.get(3)) : credits(test, w.get(3));
      case "tier_usage": {
        Bill apr = wo.get(3);
        List<BigDecimal> tiers = new ArrayList<>();
        Map<Integer, BigDecimal> byTier = new TreeMap<>();
        for (BillLine l : apr.lines()) {
          if (l.kind() == LineKind.ENERGY && l.touPeriod().orElse("").equals("1")) {
            byTier.merge(l.tier().orElse(1), l.quantity().orElseThrow().value(), BigDecimal::add);
          }
        }
        tiers.addAll(byTier.values());
        // occurrence 0: each of tiers 1–5 must be 10000 (the loop of the upstream test); occurrence 1: tier 6
        if (occurrence == 0) {
          BigDecimal worst = new BigDecimal("10000");
          for (int t = 0; t < 5; t++) {
            BigDecimal v = t < tiers.size() ? tiers.get(t) : BigDecimal.ZERO;
            if (v.subtract(new BigDecimal("10000")).abs().compareTo(worst.subtract(new BigDecimal("10000")).abs())
                > 0) {
              worst = v;
            }
          }
          return worst;
        }
        return tiers.size() > 5 ? tiers.get(5) : BigDecimal.ZERO;
      }
      default:
        if (expr.startsWith("annual_bill_w_sys[")) {
          int k = Integer.parseInt(expr.substring(18, expr.length() - 1));
          return sum(w, 12 * (k - 1), 12 * k);
        }
        if (expr.startsWith("annual_bill_wo_sys[")) {
          int k = Integer.parseInt(expr.substring(19, expr.length() - 1));
          return sum(wo, 12 * (k - 1), 12 * k);
        }
        throw new UnsupportedOperationException("no GridBill figure is mapped to this check");
    }
  }

  /** ssc's per-step "sales minus purchases" of year 1: minus what the interval added to the bill. */
  private static BigDecimal hourlySales(SscImport imp, String expr) {
    int k = Integer.parseInt(expr.substring("hourly_sales[".length(), expr.length() - 1));
    YearMonth month = imp.months().get(0);
    IntervalSeries s = imp.withSystem();
    RatingPlan plan = RatingPlan.compile(imp.tariff(), BillingPeriod.ofMonth(month, ZoneOffset.UTC), s.grid().length());
    if (k >= plan.grid().count()) {
      throw new UnsupportedOperationException("only January's steps are compared");
    }
    return io.github.gridbill.rating.IntervalCharges.of(plan, s).netCharge(k).negate();
  }

  private static boolean trueUpTests(String test) {
    return test.endsWith("net_billing_carryover") || test.endsWith("lower_sell_rate") || test.endsWith("monthly_min")
        || test.endsWith("annual_min") || test.contains("inflow_outflow");
  }

  private static String row(String test, String status, String worst, String note) {
    return "| " + test + " | " + status + " | " + worst + " | " + note.replace("|", "/") + " |";
  }

  @AfterAll
  static void printTable() throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("| case | result | largest monthly difference, bill as rounded ($) | largest monthly difference, exact "
        + "sum of lines ($) | notes |\n|---|---|---|---|---|\n");
    for (String r : TABLE.values()) {
      b.append(r).append('\n');
    }
    long pass = TABLE.values().stream().filter(r -> r.contains("| pass |") || r.contains("| refused |")).count();
    b.append("\n").append(pass).append(" of ").append(TABLE.size()).append(" cases conform.\n");
    System.out.println("\nSAM/ssc utilityrate5 conformance\n" + b);
    Path out = Path.of("target", "CONFORMANCE-table.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
  }
}
