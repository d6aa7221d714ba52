package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.formats.GreenButtonReader;
import io.github.gridbill.formats.GridBillTariffJsonWriter;
import io.github.gridbill.formats.UrdbReader;
import io.github.gridbill.rating.IntervalSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RateCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ZoneId NY = ZoneId.of("America/New_York");

  /** The repository's format fixtures, as the README's command line uses them (tests run in billing-examples/). */
  static final Path URDB_FPL = Path.of("..", RateRealTariff.TARIFF);
  static final Path GB_COASTAL = Path.of("..", RateRealTariff.METER);
  static final Path GB_DIR = Path.of("..", "integrations/billing-formats/src/test/resources/fixtures/greenbutton");

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void fresh() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int run(String... args) {
    return GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(RateCommandTest.class.getResource(name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] fpl(String... more) {
    List<String> a = new ArrayList<>(List.of("rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb",
        "--meter", GB_COASTAL.toString(), "--meter-format", "greenbutton", "--zone", "America/New_York"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  // ---------------------------------------------------------------- ssc conformance through the command

  @Test
  void sscTariffAgainstItsLoadCsvGivesSscsMonthlyBillsWithoutTheSystem() {
    Path cas = resource("/ssc/cases/Test_Commercial_Demand_Charges.json");
    Path load = resource("/ssc/inputs/load_commercial.asparsed.8760.csv");
    int code = run("rate", "--tariff", cas.toString(), "--tariff-format", "ssc", "--meter", load.toString(),
        "--meter-format", "csv", "--columns", "load=load_kw", "--unit", "kW", "--start", "2018-01-01T00:00",
        "--interval", "PT1H", "--from", "2018-01-01", "--to", "2019-01-01", "--output", "json");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    JsonNode bills = JSON.readTree(out.toString()).get("bills");
    JsonNode ssc = JSON.readTree(read(resource("/ssc/expected.json"))).get(0).get("utility_bill_wo_sys_ym_year1");
    assertThat(bills.size()).isEqualTo(12);
    for (int m = 0; m < 12; m++) {
      JsonNode b = bills.get(m);
      assertThat(b.get("periodStart").asString()).isEqualTo(LocalDate.of(2018, m + 1, 1).toString());
      assertThat(b.get("currency").asString()).isEqualTo("USD");
      BigDecimal total = new BigDecimal(b.get("total").asString());
      BigDecimal want = ssc.get(m).decimalValue();
      // each line is rounded once to the cent; ssc rounds nothing: half a cent per line, plus mWh quantisation
      BigDecimal allowed = new BigDecimal("0.005").multiply(BigDecimal.valueOf(b.get("lines").size()))
          .add(new BigDecimal("0.0001"));
      assertThat(total.subtract(want).abs()).as("month %d: %s vs ssc %s", m + 1, total, want)
          .isLessThanOrEqualTo(allowed);
      // the total is the sum of the lines as printed
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode l : b.get("lines")) {
        sum = sum.add(new BigDecimal(l.get("amount").asString()));
      }
      assertThat(sum).isEqualByComparingTo(total);
    }
    // demand charges are there, with their TOU period
    assertThat(out.toString()).contains("\"unit\" : \"kW\"").contains("\"period\" : ");
  }

  // ---------------------------------------------------------------- URDB + Green Button

  /** A reference model of FPL RS-1: 7.57 a month, 0.08721 to 1000 kWh and 0.10803 above, each line rounded once. */
  static BigDecimal fplBill(IntervalSeries s, YearMonth month) {
    BillingPeriod p = BillingPeriod.ofMonth(month, NY);
    long mwh = 0;
    for (int i = 0; i < s.size(); i++) {
      if (p.contains(s.grid().intervalStart(i))) {
        mwh += s.importAt(i);
      }
    }
    BigDecimal kwh = BigDecimal.valueOf(mwh, 6);
    BigDecimal t1 = kwh.min(new BigDecimal("1000")).multiply(new BigDecimal("0.08721"));
    BigDecimal t2 = kwh.subtract(new BigDecimal("1000")).max(BigDecimal.ZERO).multiply(new BigDecimal("0.10803"));
    BigDecimal total = new BigDecimal("7.57").add(t1.setScale(2, RoundingMode.HALF_UP));
    return t2.signum() > 0 ? total.add(t2.setScale(2, RoundingMode.HALF_UP)) : total;
  }

  @Test
  void fplRs1AgainstAYearOfGreenButtonDataMatchesAReferenceModel() {
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--output", "json"))).as(err.toString()).isZero();
    JsonNode root = JSON.readTree(out.toString());
    JsonNode bills = root.get("bills");
    // the data runs from 2011-01-01 00:00 PST: January in New York is not covered fully, so February to December
    assertThat(bills.size()).isEqualTo(11);
    assertThat(bills.get(0).get("periodStart").asString()).isEqualTo("2011-02-01");
    assertThat(bills.get(10).get("periodEnd").asString()).isEqualTo("2012-01-01");
    IntervalSeries s = GreenButtonReader.create().readAll(GB_COASTAL).usagePoints().get(0).series().orElseThrow();
    for (int m = 0; m < 11; m++) {
      YearMonth month = YearMonth.of(2011, 2 + m);
      assertThat(new BigDecimal(bills.get(m).get("total").asString())).as(month.toString())
          .isEqualByComparingTo(fplBill(s, month));
    }
    JsonNode feb = bills.get(0);
    assertThat(feb.get("total").asString()).isEqualTo("39.04");
    assertThat(feb.get("lines").get(0).toString()).isEqualTo("{\"component\":\"fixed\",\"description\":"
        + "\"Fixed charge\",\"quantity\":\"1\",\"unit\":\"month\",\"rate\":\"7.57\",\"amount\":\"7.57\"}");
    assertThat(feb.get("lines").get(1).toString()).isEqualTo("{\"component\":\"energy\",\"description\":"
        + "\"Energy charge, tier 1\",\"quantity\":\"360.878\",\"unit\":\"kWh\",\"rate\":\"0.08721\",\"amount\":"
        + "\"31.47\",\"tier\":1}");
    // what URDB says that the tariff does not carry is a warning in the JSON, not on stderr
    assertThat(root.get("warnings").size()).isEqualTo(1);
    assertThat(root.get("warnings").get(0).asString())
        .startsWith("reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json: not carried: $.energycomments: ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void ratingOutsideTheUrdbItemsDatesIsATypedErrorWithExitCode1() {
    assertThat(run(fpl())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("gridbill: period must be covered by a version of tariff"
        + " 5550d6fd5457a3187e8b4567 in force (the URDB item is in force from 2015-06-01 until 2015-08-31;"
        + " --tariff-effective-from DATE rates it outside those dates): [2011-02-01, 2011-03-01) America/New_York"
        + System.lineSeparator());
  }

  @Test
  void textOutputExplainsEachBillAndWarnsOnStderr() {
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--from", "2011-02-01", "--to", "2011-04-01")))
        .isZero();
    String text = out.toString();
    assertThat(text.split("Bill for meter ", -1)).hasSize(3);
    assertThat(text).contains("Period 2011-02-01 to 2011-02-28 (28 days, America/New_York), 672 intervals")
        .contains("Total USD 39.04").contains("Total USD 39.27")
        .contains("360.878 kWh × 0.08721 = USD 31.47")
        .endsWith("2 bills, total USD 78.31" + System.lineSeparator());
    assertThat(err.toString().lines()).containsExactly("gridbill: warning: reoptapi_FPL_RS-1_urdb_response_EXTRACTED"
        + ".json: not carried: $.energycomments: energycomments Adjustment: Environmental, Storm Charge, Conservation,"
        + " Capacity\\r\\nRate: Base rate and fuel (free text GridBill does not interpret: check it for rules the"
        + " structured fields lack)");
  }

  @Test
  void csvOutputHasOneRowPerLine() {
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--to", "2011-04-01", "--output", "csv"))).isZero();
    assertThat(out.toString().lines()).containsExactly(
        "periodStart,periodEnd,component,description,quantity,unit,rate,amount,currency",
        "2011-02-01,2011-03-01,fixed,Fixed charge,1,month,7.57,7.57,USD",
        "2011-02-01,2011-03-01,energy,\"Energy charge, tier 1\",360.878,kWh,0.08721,31.47,USD",
        "2011-03-01,2011-04-01,fixed,Fixed charge,1,month,7.57,7.57,USD",
        "2011-03-01,2011-04-01,energy,\"Energy charge, tier 1\",363.53,kWh,0.08721,31.70,USD");
  }

  @Test
  void aGridBillTariffWrittenByTheWriterRatesLikeTheUrdbItItCameFrom(@TempDir Path dir) {
    Tariff t = UrdbReader.forZone(NY).read(URDB_FPL).tariffEffectiveFrom(LocalDate.of(2011, 1, 1));
    Path file = dir.resolve("fpl-rs-1.gridbill.json");
    GridBillTariffJsonWriter.write(t, file);
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--output", "json"))).isZero();
    JsonNode viaUrdb = JSON.readTree(out.toString()).get("bills");
    fresh();
    assertThat(run("rate", "--tariff", file.toString(), "--tariff-format", "gridbill", "--meter",
        GB_COASTAL.toString(), "--meter-format", "greenbutton", "--output", "json")).as(err.toString()).isZero();
    JsonNode root = JSON.readTree(out.toString());
    assertThat(root.get("bills")).isEqualTo(viaUrdb);
    assertThat(root.has("warnings")).isFalse();
  }

  @Test
  void periodsMayBePartialMonthsAndFifteenMinuteDataWorks() {
    Path feed = GB_DIR.resolve("openespi_test_usage_data.xml");
    assertThat(run("rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb", "--tariff-effective-from",
        "2012-01-01", "--meter", feed.toString(), "--meter-format", "greenbutton", "--zone", "America/New_York",
        "--from", "2012-03-01", "--to", "2012-03-10", "--output", "json")).as(err.toString()).isZero();
    JsonNode bills = JSON.readTree(out.toString()).get("bills");
    assertThat(bills.size()).isEqualTo(1);
    assertThat(bills.get(0).get("periodEnd").asString()).isEqualTo("2012-03-10");
    // 9 days of 96 quarter-hours: 889.315 kWh in tier 1 (the bound is per bill)
    assertThat(bills.get(0).get("lines").get(1).get("quantity").asString()).isEqualTo("889.315");
    assertThat(bills.get(0).get("total").asString()).isEqualTo("85.13");
  }

  @Test
  void missingIntervalsInTheBilledPeriodAreATypedError() {
    Path feed = GB_DIR.resolve("greenbutton_objects_abridged_electric_containerized.xml");
    assertThat(run("rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb", "--tariff-effective-from",
        "2011-01-01", "--meter", feed.toString(), "--meter-format", "greenbutton", "--zone", "America/Los_Angeles",
        "--from", "2011-01-01", "--to", "2011-01-02")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("gridbill: quality[4] (2011-01-01T12:00:00Z) must be estimated before rating"
        + " (missing intervals are filled only by a declared estimation rule): MISSING" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  // ---------------------------------------------------------------- CSV meter data: timestamps and roles

  private static final String FLAT_TARIFF = "{\"format\": \"gridbill-tariff/1\", \"id\": \"FLAT\", \"name\": \"Flat\","
      + " \"currency\": \"USD\", \"zone\": \"America/New_York\", \"versions\": [{\"effectiveFrom\": \"2020-01-01\","
      + " \"energyCharges\": [{\"id\": \"energy\", \"description\": \"Energy\", \"periods\": [{\"period\": 0,"
      + " \"tiers\": [{\"rate\": \"0.10\"}]}]}], \"netMetering\": {\"mode\": \"NET_BILLING\", \"exportRate\":"
      + " {\"kind\": \"FLAT\", \"flatRate\": \"0.04\"}}}]}";

  /** Hourly rows for January and February 2024 in New York: 1 kWh imported each hour but noon, 0.5 exported then. */
  private static Path csvFile(Path dir, boolean instants) throws IOException {
    StringBuilder sb = new StringBuilder("time,in_kwh,out_kwh\n");
    for (java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        t.isBefore(java.time.LocalDateTime.of(2024, 3, 1, 0, 0)); t = t.plusHours(1)) {
      String stamp = instants ? t.atZone(NY).toInstant().toString() : t.toString();
      sb.append(stamp).append(t.getHour() == 12 ? ",0,0.5" : ",1,0").append('\n');
    }
    Path f = dir.resolve(instants ? "instants.csv" : "local.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  @ParameterizedTest
  @MethodSource("booleans")
  void csvTimestampsAsInstantsOrLocalTimesGiveTheSameBills(boolean instants, @TempDir Path dir) throws IOException {
    Path tariff = dir.resolve("flat.json");
    Files.writeString(tariff, FLAT_TARIFF, StandardCharsets.UTF_8);
    Path csv = csvFile(dir, instants);
    assertThat(run("rate", "--tariff", tariff.toString(), "--tariff-format", "gridbill", "--meter", csv.toString(),
        "--meter-format", "csv", "--columns", "import=in_kwh,export=out_kwh", "--timestamp-column", "time",
        "--interval", "PT1H", "--zone", "America/New_York", "--output", "csv")).as(err.toString()).isZero();
    // January: 31 × 23 = 713 kWh at 0.10 = 71.30, 31 × 0.5 kWh exported at 0.04 = -0.62; February (29 days): 667 kWh
    // and 14.5 kWh
    assertThat(out.toString().lines()).containsExactly(
        "periodStart,periodEnd,component,description,quantity,unit,rate,amount,currency",
        "2024-01-01,2024-02-01,energy,Energy,713,kWh,0.1,71.30,USD",
        "2024-01-01,2024-02-01,net-metering,Export credit,15.5,kWh,0.04,-0.62,USD",
        "2024-02-01,2024-03-01,energy,Energy,667,kWh,0.1,66.70,USD",
        "2024-02-01,2024-03-01,net-metering,Export credit,14.5,kWh,0.04,-0.58,USD");
  }

  static List<Boolean> booleans() {
    return List.of(true, false);
  }

  @Test
  void aKwhBankCarriesFromOneBillToTheNext(@TempDir Path dir) throws IOException {
    Path tariff = dir.resolve("nem.json");
    Files.writeString(tariff, FLAT_TARIFF.replace("\"mode\": \"NET_BILLING\"", "\"mode\": \"NET_METERING\","
        + " \"carry\": \"KWH\""), StandardCharsets.UTF_8);
    // January exports 2 kWh every noon (62 kWh banked); February imports 1 kWh every hour (696 kWh)
    StringBuilder sb = new StringBuilder("time,net_kwh\n");
    for (java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        t.isBefore(java.time.LocalDateTime.of(2024, 3, 1, 0, 0)); t = t.plusHours(1)) {
      sb.append(t).append(t.getMonthValue() == 2 ? ",1" : t.getHour() == 12 ? ",-2" : ",0").append('\n');
    }
    Path csv = dir.resolve("net.csv");
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    String[] args = {"rate", "--tariff", tariff.toString(), "--tariff-format", "gridbill", "--meter", csv.toString(),
        "--meter-format", "csv", "--columns", "net=net_kwh", "--timestamp-column", "time", "--interval", "PT1H",
        "--zone", "America/New_York", "--output", "json"};
    assertThat(run(args)).as(err.toString()).isZero();
    JsonNode both = JSON.readTree(out.toString()).get("bills");
    assertThat(both.get(0).get("total").asString()).isEqualTo("0.00");
    // February is charged for 696 − 62 = 634 kWh
    assertThat(both.get(1).get("total").asString()).isEqualTo("63.40");
    // rated alone, February has no bank
    fresh();
    List<String> alone = new ArrayList<>(List.of(args));
    alone.addAll(List.of("--from", "2024-02-01"));
    assertThat(run(alone.toArray(new String[0]))).isZero();
    JsonNode feb = JSON.readTree(out.toString()).get("bills");
    assertThat(feb.size()).isEqualTo(1);
    assertThat(feb.get(0).get("total").asString()).isEqualTo("69.60");
  }

  // ---------------------------------------------------------------- --as-of: the open period to date, projected

  @Test
  void asOfBillsTheOpenPeriodToDateAndProjectsItFromTheSameDaysLastMonth() {
    // 15 March 2011 00:00 in New York (EDT since the 13th)
    Instant cut = Instant.parse("2011-03-15T04:00:00Z");
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--as-of", cut.toString(), "--output", "json")))
        .as(err.toString()).isZero();
    JsonNode bills = JSON.readTree(out.toString()).get("bills");
    assertThat(bills.size()).isEqualTo(2);
    // February is the bill it always was, without a projection
    assertThat(bills.get(0).get("total").asString()).isEqualTo("39.04");
    assertThat(bills.get(0).has("projected")).isFalse();
    IntervalSeries s = GreenButtonReader.create().readAll(GB_COASTAL).usagePoints().get(0).series().orElseThrow();
    BillingPeriod march = BillingPeriod.ofMonth(YearMonth.of(2011, 3), NY);
    long toDate = 0;
    long projected = 0;
    for (int i = 0; i < s.size(); i++) {
      Instant t = s.grid().intervalStart(i);
      if (march.contains(t) && !t.plusSeconds(3600).isAfter(cut)) {
        toDate += s.importAt(i);
      }
    }
    // each hour from the cut to the month's end is like the same local hour a month earlier (29–31 March: 28 Feb)
    for (Instant t = cut; t.isBefore(march.endInstant()); t = t.plusSeconds(3600)) {
      Instant like = t.atZone(NY).toLocalDateTime().minusMonths(1).atZone(NY).toInstant();
      projected += s.importAt(s.grid().indexOf(like));
    }
    JsonNode open = bills.get(1);
    assertThat(open.get("periodStart").asString()).isEqualTo("2011-03-01");
    assertThat(open.get("periodEnd").asString()).isEqualTo("2011-04-01");
    assertThat(new BigDecimal(open.get("total").asString())).isEqualByComparingTo(fplTotal(toDate));
    assertThat(open.get("projected").get("method").asString()).isEqualTo("LIKE_DAY");
    assertThat(new BigDecimal(open.get("projected").get("total").asString()))
        .isEqualByComparingTo(fplTotal(toDate + projected));
    assertThat(open.get("projected").size()).isEqualTo(2);
    assertThat(open.get("lines").get(0).get("component").asString()).isEqualTo("fixed");
  }

  /** FPL RS-1 on a month's kWh (in mWh): 7.57 + 0.08721 to 1000 kWh + 0.10803 above, each line rounded once. */
  private static BigDecimal fplTotal(long mwh) {
    BigDecimal kwh = BigDecimal.valueOf(mwh, 6);
    BigDecimal t1 = kwh.min(new BigDecimal("1000")).multiply(new BigDecimal("0.08721"));
    BigDecimal t2 = kwh.subtract(new BigDecimal("1000")).max(BigDecimal.ZERO).multiply(new BigDecimal("0.10803"));
    BigDecimal total = new BigDecimal("7.57").add(t1.setScale(2, RoundingMode.HALF_UP));
    return t2.signum() > 0 ? total.add(t2.setScale(2, RoundingMode.HALF_UP)) : total;
  }

  private String[] flatCsv(Path dir, String... more) throws IOException {
    Path tariff = dir.resolve("flat.json");
    Files.writeString(tariff, FLAT_TARIFF, StandardCharsets.UTF_8);
    Path csv = csvFile(dir, false);
    List<String> a = new ArrayList<>(List.of("rate", "--tariff", tariff.toString(), "--tariff-format", "gridbill",
        "--meter", csv.toString(), "--meter-format", "csv", "--columns", "import=in_kwh,export=out_kwh",
        "--timestamp-column", "time", "--interval", "PT1H", "--zone", "America/New_York"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void asOfWithoutEarlierDataProjectsAtTheRunRate(@TempDir Path dir) throws IOException {
    // 1–10 January: 230 kWh imported (23 an hour-day) and 5 kWh exported at noon
    assertThat(run(flatCsv(dir, "--as-of", "2024-01-11T05:00:00Z", "--output", "json"))).as(err.toString()).isZero();
    JsonNode bills = JSON.readTree(out.toString()).get("bills");
    assertThat(bills.size()).isEqualTo(1);
    JsonNode jan = bills.get(0);
    // 230 × 0.10 = 23.00, 5 × 0.04 = −0.20
    assertThat(jan.get("total").asString()).isEqualTo("22.80");
    // the 504 hours left each import the average 0.958333 kWh and export 0.020833 kWh, netted per hour: 0.9375 kWh;
    // 230 + 504 × 0.9375 = 702.5 kWh × 0.10 = 70.25, exports stay 5 kWh: −0.20
    assertThat(jan.get("projected").get("total").asString()).isEqualTo("70.05");
    assertThat(jan.get("projected").get("method").asString()).isEqualTo("RUN_RATE");
  }

  @Test
  void asOfInTextOutputSaysWhichBillIsToDate(@TempDir Path dir) throws IOException {
    assertThat(run(flatCsv(dir, "--as-of", "2024-01-11T00:00-05:00"))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("The last bill is the bill to date as of 2024-01-11T05:00:00Z (240 of 744"
        + " intervals, 10 days elapsed, 21 left); projected at the period's end (RUN_RATE): USD 70.05")
        .endsWith("1 bill, total USD 22.80" + System.lineSeparator());
  }

  @Test
  void asOfAfterTheLastPeriodLeavesEveryBillWhole(@TempDir Path dir) throws IOException {
    assertThat(run(flatCsv(dir, "--to", "2024-02-01", "--as-of", "2024-02-15T00:00:00Z", "--output", "json")))
        .as(err.toString()).isZero();
    JsonNode bills = JSON.readTree(out.toString()).get("bills");
    assertThat(bills.size()).isEqualTo(1);
    assertThat(bills.get(0).get("total").asString()).isEqualTo("70.68");
    assertThat(bills.get(0).has("projected")).isFalse();
  }

  // ---------------------------------------------------------------- typed errors while reading or rating: exit 1

  @Test
  void aMalformedGridBillTariffIsATypedErrorNamingTheLocation(@TempDir Path dir) throws IOException {
    Path tariff = dir.resolve("bad.json");
    Files.writeString(tariff, FLAT_TARIFF.replace("\"0.10\"", "0.10"), StandardCharsets.UTF_8);
    assertThat(run("rate", "--tariff", tariff.toString(), "--tariff-format", "gridbill", "--meter",
        GB_COASTAL.toString(), "--meter-format", "greenbutton")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("gridbill: bad.json at $.versions[0].energyCharges[0].periods[0].tiers[0]"
        + ".rate: rate must be a decimal string such as \"0.10\": 0.10" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aPeriodTheMeterDataDoesNotCoverIsATypedError() {
    assertThat(run(fpl("--tariff-effective-from", "2011-01-01", "--from", "2011-01-01", "--to", "2011-02-01")))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("gridbill: series").contains("2011-01-01T05:00:00Z").hasLineCount(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aGreenButtonFeedWithoutIntervalElectricityIsATypedError() {
    Path gas = GB_DIR.resolve("greenbutton_objects_ngma_natural_gas_billing_2021-05-26_to_2024-04-25.xml");
    assertThat(run("rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb", "--meter", gas.toString(),
        "--meter-format", "greenbutton")).isEqualTo(1);
    assertThat(err.toString()).startsWith("gridbill: meter must hold a usage point with interval electricity data,"
        + " but has [").contains("NOT_ELECTRICITY").hasLineCount(1);
  }

  // ---------------------------------------------------------------- bad arguments: exit 2, one line and the usage

  private void badArguments(String firstLine, String... args) {
    assertThat(run(args)).as(err.toString()).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElse("")).startsWith(firstLine);
    assertThat(err.toString()).contains("Usage: gridbill rate");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingRequiredFlags() {
    badArguments("gridbill: Missing required options: '--tariff=FILE', '--tariff-format=FORMAT', '--meter=FILE',"
        + " '--meter-format=FORMAT'", "rate");
  }

  @Test
  void unknownTariffFormat() {
    badArguments("gridbill: --tariff-format must be urdb, ssc, gridbill: xml", "rate", "--tariff",
        URDB_FPL.toString(), "--tariff-format", "xml", "--meter", GB_COASTAL.toString(), "--meter-format",
        "greenbutton");
  }

  @Test
  void unknownMeterFormat() {
    badArguments("gridbill: --meter-format must be greenbutton, csv: espi", "rate", "--tariff", URDB_FPL.toString(),
        "--tariff-format", "urdb", "--meter", GB_COASTAL.toString(), "--meter-format", "espi");
  }

  @Test
  void unknownOutputFormat() {
    badArguments("gridbill: --output must be text, json, csv: xml", fpl("--output", "xml"));
  }

  @Test
  void unreadableTariffFile() {
    badArguments("gridbill: --tariff must be a readable file: no-such-tariff.json", "rate", "--tariff",
        "no-such-tariff.json", "--tariff-format", "urdb", "--meter", GB_COASTAL.toString(), "--meter-format",
        "greenbutton");
  }

  @Test
  void unreadableMeterFile() {
    badArguments("gridbill: --meter must be a readable file: " + GB_DIR, "rate", "--tariff", URDB_FPL.toString(),
        "--tariff-format", "urdb", "--meter", GB_DIR.toString(), "--meter-format", "greenbutton");
  }

  @Test
  void effectiveFromIsForUrdbOnly() {
    badArguments("gridbill: --tariff-effective-from applies to --tariff-format urdb only, not gridbill", "rate",
        "--tariff", URDB_FPL.toString(), "--tariff-format", "gridbill", "--tariff-effective-from", "2011-01-01",
        "--meter", GB_COASTAL.toString(), "--meter-format", "greenbutton");
  }

  @Test
  void malformedDate() {
    badArguments(
        "gridbill: Invalid value for option '--from': cannot convert '2011-13-01' to class java.time.LocalDate",
        fpl("--from", "2011-13-01"));
  }

  @Test
  void toBeforeFrom() {
    badArguments("gridbill: --to must be after --from 2011-05-01: 2011-03-01",
        fpl("--from", "2011-05-01", "--to", "2011-03-01"));
  }

  @Test
  void unknownZone() {
    badArguments("gridbill: --zone must be a time-zone id such as UTC or America/New_York: Mars/Olympus",
        "rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb", "--meter", GB_COASTAL.toString(),
        "--meter-format", "greenbutton", "--zone", "Mars/Olympus");
  }

  @Test
  void unknownUsagePoint() {
    badArguments("gridbill: --usage-point must name a usage point of", fpl("--usage-point", "/no/such/point"));
    assertThat(err.toString()).contains("RetailCustomer/5/UsagePoint/1");
  }

  @Test
  void csvFlagsAreRefusedForGreenButton() {
    badArguments("gridbill: --interval applies to --meter-format csv only", fpl("--interval", "PT1H"));
  }

  @Test
  void usagePointIsRefusedForCsv() {
    badArguments("gridbill: --usage-point applies to --meter-format greenbutton only",
        csvArgs("--columns", "load=load_kw", "--interval", "PT1H", "--start", "2018-01-01T00:00", "--usage-point",
            "x"));
  }

  private String[] csvArgs(String... more) {
    Path load = resource("/ssc/inputs/load_commercial.asparsed.8760.csv");
    List<String> a = new ArrayList<>(List.of("rate", "--tariff", URDB_FPL.toString(), "--tariff-format", "urdb",
        "--meter", load.toString(), "--meter-format", "csv"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void csvNeedsColumns() {
    badArguments("gridbill: --columns is required for --meter-format csv, for example --columns import=kWh",
        csvArgs("--interval", "PT1H", "--start", "2018-01-01T00:00"));
  }

  @Test
  void csvColumnRolesAreNamed() {
    badArguments("gridbill: --columns role must be import, export, net, load or gen: solar",
        csvArgs("--columns", "solar=gen_kw", "--interval", "PT1H", "--start", "2018-01-01T00:00"));
  }

  @Test
  void csvColumnRolesMustCombine() {
    badArguments("gridbill: --columns: values.role must be IMPORT and/or EXPORT, or NET alone, or LOAD and/or"
        + " GENERATION: [IMPORT, NET]",
        csvArgs("--columns", "import=a,net=b", "--interval", "PT1H", "--start", "2018-01-01T00:00"));
  }

  @Test
  void csvNeedsAnInterval() {
    badArguments("gridbill: --interval is required for --meter-format csv, for example --interval PT15M",
        csvArgs("--columns", "load=load_kw", "--start", "2018-01-01T00:00"));
  }

  @Test
  void csvIntervalMustBeSupported() {
    badArguments("gridbill: --interval must be PT1M, PT5M, PT10M, PT15M, PT30M or PT1H: PT2H",
        csvArgs("--columns", "load=load_kw", "--interval", "PT2H", "--start", "2018-01-01T00:00"));
  }

  @Test
  void csvNeedsTimestampsOrAGrid() {
    badArguments("gridbill: --meter-format csv needs --timestamp-column NAME or a fixed grid --start DATETIME",
        csvArgs("--columns", "load=load_kw", "--interval", "PT1H"));
  }

  @Test
  void csvUnitIsNamed() {
    badArguments("gridbill: --unit must be kW, kWh, W or Wh: MW",
        csvArgs("--columns", "load=load_kw", "--interval", "PT1H", "--start", "2018-01-01T00:00", "--unit", "MW"));
  }

  @Test
  void asOfMustBeAnInstant() {
    badArguments("gridbill: --as-of must be an ISO instant such as 2011-06-15T12:00:00Z or 2011-06-15T08:00-04:00:"
        + " 2011-06-15", fpl("--as-of", "2011-06-15"));
  }

  @Test
  void asOfMustBeAfterTheFirstPeriodsStart() {
    badArguments("gridbill: --as-of must be after the start of the first period to bill, 2011-02-01T05:00:00Z:"
        + " 2011-01-20T00:00:00Z", fpl("--tariff-effective-from", "2011-01-01", "--as-of", "2011-01-20T00:00:00Z"));
  }

  @Test
  void helpListsTheContractFlags() {
    assertThat(run("rate", "--help")).isZero();
    assertThat(out.toString()).contains("--tariff=FILE", "--tariff-format=FORMAT", "--meter=FILE",
        "--meter-format=FORMAT", "--columns=ROLE=COLUMN[,...]", "--unit=UNIT", "--start=DATETIME",
        "--interval=DURATION", "--zone=ZONE", "--from=DATE", "--to=DATE", "--output=FORMAT",
        "--tariff-effective-from=DATE", "--usage-point=ID", "--timestamp-column=NAME", "--meter-id=ID",
        "--as-of=INSTANT");
  }
}
