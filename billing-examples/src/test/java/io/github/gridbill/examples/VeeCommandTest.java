package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class VeeCommandTest {
  static final Path GB_GAPS = RateCommandTest.GB_DIR.resolve("greenbutton_objects_abridged_electric_containerized.xml");

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

  private JsonNode json() {
    return RateCommandTest.JSON.readTree(out.toString());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> l = new ArrayList<>();
    array.forEach(n -> l.add(n.get(field).asString()));
    return l;
  }

  @Test
  void aGreenButtonFeedWithGapsGetsItsFindingsAndEstimates() {
    assertThat(run("vee", "--meter", GB_GAPS.toString(), "--meter-format", "greenbutton", "--zone",
        "America/Los_Angeles", "--max-gap", "PT8H", "--output", "json")).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    JsonNode r = json();
    assertThat(r.get("intervals").asInt()).isEqualTo(24);
    assertThat(r.get("readings").asInt()).isEqualTo(8);
    assertThat(r.get("quality").get("actual").asInt()).isEqualTo(8);
    assertThat(r.get("quality").get("estimated").asInt()).isEqualTo(8);
    assertThat(r.get("quality").get("missing").asInt()).isEqualTo(8);
    assertThat(r.get("complete").asBoolean()).isFalse();
    assertThat(texts(r.get("findings"), "check")).containsExactly("missing-intervals", "missing-intervals",
        "not-estimated");
    assertThat(r.get("findings").get(0).get("message").asString()).isEqualTo("8 intervals missing on 2011-01-01 from"
        + " 04:00 to 12:00; the day has 8 of its 24 expected 60-minute intervals (a 24-hour day)");
    JsonNode e = r.get("estimated");
    assertThat(e.size()).isEqualTo(1);
    assertThat(e.get(0).get("from").asString()).isEqualTo("2011-01-01T12:00:00Z");
    assertThat(e.get(0).get("count").asInt()).isEqualTo(8);
    assertThat(e.get(0).get("method").asString()).isEqualTo("LINEAR_INTERPOLATION");
    assertThat(e.get(0).get("aemoMethod").asInt()).isEqualTo(17);
    assertThat(e.get(0).get("basis").asString()).isEqualTo("linear between 0.410 kWh at 2011-01-01T11:00:00Z and"
        + " 0.595 kWh at 2011-01-01T20:00:00Z");
  }

  @Test
  void theReadmeCommandLineRuns() throws IOException {
    String md = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = md.indexOf("## Validate and estimate meter data (VEE)");
    assertThat(section).isNotNegative();
    int start = md.indexOf("```\njava -jar", section) + 4;
    String command = md.substring(start, md.indexOf("```", start)).replace("\\\n", " ").trim();
    List<String> args = new ArrayList<>();
    for (String a : java.util.regex.Pattern.compile("\\s+").split(command, -1)) {
      args.add(a.startsWith("integrations/") ? Path.of("..", a).toString() : a);
    }
    assertThat(args.subList(0, 4)).containsExactly("java", "-jar", "billing-examples/target/gridbill.jar", "vee");
    assertThat(run(args.subList(3, args.size()).toArray(new String[0]))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("8 readings; 8 actual, 8 estimated, 0 substituted, 8 missing")
        .contains("[2011-01-01T12:00:00Z, 2011-01-01T20:00:00Z) 8 × ESTIMATED by LINEAR_INTERPOLATION (AEMO S17):"
            + " linear between 0.410 kWh at 2011-01-01T11:00:00Z and 0.595 kWh at 2011-01-01T20:00:00Z");
  }

  @Test
  void theDefaultGapOfAnHourLeavesLongGapsMissingInTheText() {
    assertThat(run("vee", "--meter", GB_GAPS.toString(), "--meter-format", "greenbutton", "--zone",
        "America/Los_Angeles")).isZero();
    assertThat(out.toString()).contains("8 readings; 8 actual, 0 estimated, 0 substituted, 16 missing (cannot be"
        + " rated until estimated)").contains("Estimated intervals (0 runs):")
        .contains("WARNING not-estimated         8 intervals from 2011-01-01T12:00:00Z could not be estimated by");
  }

  /**
   * Hourly CSV for Monday 3 to Friday 7 June 2024 in UTC, 0.5 kWh an hour: Tuesday 05:00 blank, a 9 kWh spike on
   * Wednesday at 18:00, 0.2 kWh of export on Thursday at 20:00, Friday 09:00 to 12:00 blank.
   */
  private static Path weekCsv(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("time,kwh,exp_kwh\n");
    Instant t0 = Instant.parse("2024-06-03T00:00:00Z");
    for (int i = 0; i < 5 * 24; i++) {
      Instant t = t0.plusSeconds(3600L * i);
      int day = i / 24;
      int hour = i % 24;
      String row;
      if ((day == 1 && hour == 5) || (day == 4 && hour >= 9 && hour < 12)) {
        row = ",";
      } else if (day == 2 && hour == 18) {
        row = "9,0";
      } else if (day == 3 && hour == 20) {
        row = "0.5,0.2";
      } else {
        row = "0.5,0";
      }
      sb.append(t).append(',').append(row).append('\n');
    }
    Path f = dir.resolve("week.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  private String[] csv(Path f, String... more) {
    List<String> a = new ArrayList<>(List.of("vee", "--meter", f.toString(), "--meter-format", "csv", "--columns",
        "import=kwh,export=exp_kwh", "--timestamp-column", "time", "--interval", "PT1H"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void aWeekOfCsvWithGapsASpikeAndReverseFlow(@TempDir Path dir) throws IOException {
    assertThat(run(csv(weekCsv(dir), "--output", "json"))).as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(r.get("meter").asString()).isEqualTo("week");
    assertThat(texts(r.get("findings"), "check")).containsExactly("missing-intervals", "missing-intervals",
        "reverse-flow", "spike-previous", "spike-daily");
    JsonNode spike = r.get("findings").get(3);
    assertThat(spike.get("from").asString()).isEqualTo("2024-06-05T18:00:00Z");
    assertThat(spike.get("values").get(0).asLong()).isEqualTo(9_000_000L);
    assertThat(spike.get("threshold").asString()).isEqualTo("1000 %");
    assertThat(r.get("findings").get(2).get("message").asString())
        .isEqualTo("export on a meter without generation in interval 2024-06-06T20:00:00Z");
    JsonNode e = r.get("estimated");
    assertThat(texts(e, "method")).containsExactly("LINEAR_INTERPOLATION", "AVERAGE_OF_LIKE_DAYS");
    assertThat(texts(e, "basis")).containsExactly(
        "linear between 0.500 kWh at 2024-06-04T04:00:00Z and 0.500 kWh at 2024-06-04T06:00:00Z",
        "average of 3 like days: [2024-06-06, 2024-06-05, 2024-06-03]");
    assertThat(r.get("complete").asBoolean()).isTrue();
  }

  @Test
  void aWindowOfTheFileUsesTheDaysBeforeItAsHistory(@TempDir Path dir) throws IOException {
    assertThat(run(csv(weekCsv(dir), "--from", "2024-06-07", "--generation", "--output", "json"))).isZero();
    JsonNode r = json();
    assertThat(r.get("intervals").asInt()).isEqualTo(24);
    assertThat(texts(r.get("findings"), "check")).containsExactly("missing-intervals");
    assertThat(texts(r.get("estimated"), "basis")).containsExactly(
        "average of 3 like days: [2024-06-06, 2024-06-05, 2024-06-03]");
  }

  @Test
  void aWindowAfterTheDataIsATypedErrorWithExitCode1() {
    assertThat(run("vee", "--meter", GB_GAPS.toString(), "--meter-format", "greenbutton", "--from", "2011-02-01"))
        .isEqualTo(1);
    assertThat(err.toString()).isEqualTo("gridbill: --from must be before the end of the window 2011-01-02T08:00:00Z:"
        + " 2011-02-01T00:00:00Z" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  // ---------------------------------------------------------------- register reads and history

  /** An hourly CSV, {@code time,kwh,exp_kwh}, from {@code start}: {@code kwh} for every hour, blank where asked. */
  private static Path hourly(Path dir, String name, String start, int hours, String kwh, int... blankHours)
      throws IOException {
    StringBuilder sb = new StringBuilder("time,kwh,exp_kwh\n");
    Instant t0 = Instant.parse(start);
    for (int i = 0; i < hours; i++) {
      final int h = i;
      boolean blank = java.util.Arrays.stream(blankHours).anyMatch(b -> b == h);
      sb.append(t0.plusSeconds(3600L * i)).append(',').append(blank ? "," : kwh + ",0").append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  /** Monday 3 and Tuesday 4 June 2024 in UTC, 0.5 kWh every hour: 24 kWh, no findings of its own. */
  private static Path twoDays(Path dir) throws IOException {
    return hourly(dir, "meter.csv", "2024-06-03T00:00:00Z", 48, "0.5");
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void registerReadsThatDisagreeWithTheIntervalSumGiveTheSumCheckFinding(@TempDir Path dir) throws IOException {
    Path reads = write(dir, "reads.csv", "timestamp,reading\n2024-06-03T00:00:00Z,1000\n2024-06-05T00:00:00Z,1030\n");
    assertThat(run(csv(twoDays(dir), "--register-reads", reads.toString(), "--output", "json")))
        .as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(texts(r.get("findings"), "check")).containsExactly("sum-check");
    JsonNode f = r.get("findings").get(0);
    assertThat(f.get("severity").asString()).isEqualTo("WARNING");
    assertThat(f.get("values").get(0).asLong()).isEqualTo(24_000_000L);
    assertThat(f.get("values").get(1).asLong()).isEqualTo(30_000_000L);
    assertThat(f.get("message").asString()).isEqualTo("intervals sum to 24.000 kWh, below the register difference"
        + " 30.000 kWh (multiplier 1) by 6.000 kWh, more than the 2 % tolerance");
    assertThat(r.get("registerReads").get("from").asString()).isEqualTo("2024-06-03T00:00:00Z");
    assertThat(r.get("registerReads").get("to").asString()).isEqualTo("2024-06-05T00:00:00Z");
    assertThat(r.get("registerReads").get("differenceMwh").asLong()).isEqualTo(30_000_000L);
  }

  @Test
  void registerReadsThatAgreeAfterTheMultiplierAndARollOverGiveNoFinding(@TempDir Path dir) throws IOException {
    // a 4-digit register rolls over from 9,994 to 6: 12 kWh on the dial, times 2 is the 24 kWh the intervals sum to
    Path reads = write(dir, "reads.csv", "2024-06-03T00:00,9994\n2024-06-05T00:00,6\n");
    assertThat(run(csv(twoDays(dir), "--register-reads", reads.toString(), "--register-digits", "4",
        "--multiplier", "2"))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Register reads (reads.csv): 9994 kWh at 2024-06-03T00:00:00Z, 6 kWh at"
        + " 2024-06-05T00:00:00Z; difference 24.000 kWh (multiplier 2)").contains("Findings (0):");
  }

  @Test
  void withoutTheMultiplierTheSameReadsFailTheSumCheck(@TempDir Path dir) throws IOException {
    Path reads = write(dir, "reads.csv", "2024-06-03T00:00,9994\n2024-06-05T00:00,6\n");
    assertThat(run(csv(twoDays(dir), "--register-reads", reads.toString(), "--register-digits", "4"))).isZero();
    assertThat(out.toString()).contains("Findings (1):").contains("WARNING sum-check             intervals sum to"
        + " 24.000 kWh, above the register difference 12.000 kWh (multiplier 1) by 12.000 kWh");
  }

  @Test
  void theFirstAndLastReadsWithinTheWindowBoundTheSumCheck(@TempDir Path dir) throws IOException {
    // the read before the window is ignored; Tuesday alone is 12 kWh, and 1012 - 1000 agrees
    Path reads = write(dir, "reads.csv", "timestamp,reading\n2024-06-03T00:00:00Z,900\n"
        + "2024-06-04T00:00:00Z,1000\n2024-06-04T12:00:00Z,1006\n2024-06-05T00:00:00Z,1012\n");
    assertThat(run(csv(twoDays(dir), "--from", "2024-06-04", "--register-reads", reads.toString(), "--output",
        "json"))).as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(r.get("findings").size()).isZero();
    assertThat(r.get("registerReads").get("fromKwh").asString()).isEqualTo("1000");
    assertThat(r.get("registerReads").get("toKwh").asString()).isEqualTo("1012");
  }

  @Test
  void registerReadsScaleTheEstimatesToTheRegisterDifference(@TempDir Path dir) throws IOException {
    // Monday 05:00 and 06:00 are blank: 46 intervals read, 23 kWh; the register says 24.5, so the two linear
    // estimates of 0.5 kWh are scaled by 1.5 to 0.75 kWh each
    Path meter = hourly(dir, "meter.csv", "2024-06-03T00:00:00Z", 48, "0.5", 5, 6);
    Path reads = write(dir, "reads.csv", "2024-06-03T00:00:00Z,100\n2024-06-05T00:00:00Z,124.5\n");
    assertThat(run(csv(meter, "--max-gap", "PT2H", "--register-reads", reads.toString(), "--output", "json")))
        .as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(texts(r.get("findings"), "check")).containsExactly("missing-intervals", "sum-check");
    assertThat(r.get("findings").get(1).get("severity").asString()).isEqualTo("INFO");
    JsonNode e = r.get("estimated");
    assertThat(texts(e, "method")).containsExactly("REGISTER_SCALED");
    assertThat(e.get(0).get("count").asInt()).isEqualTo(2);
    assertThat(texts(e, "basis")).containsExactly(
        "scaled × 1.5 from linear interpolation to meet the register difference 24.500 kWh");
    assertThat(r.get("complete").asBoolean()).isTrue();
  }

  @Test
  void historyMakesTheUsageAgainstHistoryCheckFire(@TempDir Path dir) throws IOException {
    Path meter = twoDays(dir);
    assertThat(run(csv(meter, "--output", "json"))).isZero();
    assertThat(json().get("findings").size()).as("no finding without history").isZero();
    fresh();
    // the same two weekdays of May, 0.2 kWh an hour: 4.8 kWh a day against June's 12
    Path may = hourly(dir, "may.csv", "2024-05-06T00:00:00Z", 48, "0.2");
    assertThat(run(csv(meter, "--history", may.toString(), "--output", "json"))).as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(texts(r.get("findings"), "check")).containsExactly("usage-high");
    JsonNode f = r.get("findings").get(0);
    assertThat(f.get("values").get(0).asLong()).isEqualTo(12_000_000L);
    assertThat(f.get("values").get(1).asLong()).isEqualTo(4_800_000L);
    assertThat(f.get("message").asString()).isEqualTo("average daily use 12.000 kWh over 48 valid intervals is 150 %"
        + " above the same period last cycle (4.800 kWh per day), more than 100 %");
    assertThat(r.get("history").get("file").asString()).isEqualTo("may.csv");
    assertThat(r.get("history").get("averageDailyUseMwh").asLong()).isEqualTo(4_800_000L);
  }

  @Test
  void historyGivesLikeDaysWhenTheMeterFileHasNoneOfItsOwn(@TempDir Path dir) throws IOException {
    // Friday 7 June with 09:00 to 12:00 blank, longer than the default gap of an hour
    Path friday = hourly(dir, "meter.csv", "2024-06-07T00:00:00Z", 24, "0.5", 9, 10, 11);
    assertThat(run(csv(friday, "--output", "json"))).isZero();
    assertThat(json().get("complete").asBoolean()).as("nothing to estimate from without history").isFalse();
    fresh();
    Path week = hourly(dir, "week-before.csv", "2024-06-03T00:00:00Z", 4 * 24, "0.5");
    assertThat(run(csv(friday, "--history", week.toString(), "--output", "json"))).as(err.toString()).isZero();
    JsonNode r = json();
    assertThat(r.get("complete").asBoolean()).isTrue();
    assertThat(texts(r.get("findings"), "check")).containsExactly("missing-intervals");
    assertThat(texts(r.get("estimated"), "basis")).containsExactly(
        "average of 3 like days: [2024-06-06, 2024-06-05, 2024-06-04]");
  }

  // ---------------------------------------------------------------- bad register and history files: exit 1, one line

  private void refused(String line, String... args) {
    assertThat(run(args)).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("gridbill: " + line + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  private void badReads(Path dir, String content, String line, String... more) throws IOException {
    Path reads = write(dir, "reads.csv", content);
    List<String> a = new ArrayList<>(List.of("--register-reads", reads.toString()));
    a.addAll(List.of(more));
    refused(line, csv(twoDays(dir), a.toArray(new String[0])));
  }

  @Test
  void aRegisterReadLineMustHaveTwoFields(@TempDir Path dir) throws IOException {
    badReads(dir, "timestamp,reading\n2024-06-03T00:00:00Z,1000,x\n2024-06-05T00:00:00Z,1030\n",
        "reads.csv at line 2: line must have two fields, timestamp,reading: 3 fields");
  }

  @Test
  void aRegisterReadTimestampMustBeADateTime(@TempDir Path dir) throws IOException {
    badReads(dir, "timestamp,reading\n2024-06-03,1000\n2024-06-05T00:00:00Z,1030\n",
        "reads.csv at line 2: timestamp must be an ISO instant such as 2024-06-03T00:00:00Z or a local date-time in"
            + " UTC such as 2024-06-03T00:00: \"2024-06-03\"");
  }

  @Test
  void aRegisterReadingMustBeANumber(@TempDir Path dir) throws IOException {
    badReads(dir, "2024-06-03T00:00:00Z,1000\n2024-06-05T00:00:00Z,1O30\n",
        "reads.csv at line 2: reading must be a decimal number of kWh: \"1O30\"");
  }

  @Test
  void aRegisterReadingMustNotBeNegative(@TempDir Path dir) throws IOException {
    badReads(dir, "2024-06-03T00:00:00Z,-5\n2024-06-05T00:00:00Z,1030\n",
        "reads.csv at line 1: reading must not be negative: -5");
  }

  @Test
  void aRegisterReadingMustFitTheRegister(@TempDir Path dir) throws IOException {
    badReads(dir, "2024-06-03T00:00:00Z,9990\n2024-06-05T00:00:00Z,10014\n",
        "reads.csv at line 2: reading must fit the 4-digit register (--register-digits), below 10000 kWh: 10014",
        "--register-digits", "4");
  }

  @Test
  void registerReadTimestampsMustRise(@TempDir Path dir) throws IOException {
    badReads(dir, "timestamp,reading\n\n2024-06-05T00:00:00Z,1030\n2024-06-03T00:00:00Z,1000\n",
        "reads.csv at line 4: timestamp must be after the read on line 3 at 2024-06-05T00:00:00Z:"
            + " 2024-06-03T00:00:00Z");
  }

  @Test
  void aRegisterReadsFileNeedsTwoReads(@TempDir Path dir) throws IOException {
    badReads(dir, "timestamp,reading\n2024-06-03T00:00:00Z,1000\n",
        "reads.csv at file: reads must be at least two, timestamp,reading per line: 1");
  }

  @Test
  void theWindowMustHoldTwoRegisterReads(@TempDir Path dir) throws IOException {
    badReads(dir, "2024-06-03T00:00:00Z,1000\n2024-06-04T00:00:00Z,1012\n",
        "reads.csv at file: reads within the window [2024-06-04T00:00:00Z, 2024-06-05T00:00:00Z] must be at least"
            + " two: 1", "--from", "2024-06-04");
  }

  @Test
  void registerReadsMustFallOnIntervalBoundaries(@TempDir Path dir) throws IOException {
    badReads(dir, "2024-06-03T00:30:00Z,1000\n2024-06-05T00:00:00Z,1024\n",
        "reads.csv at line 1: timestamp must be an interval boundary of the window's 60-minute grid from"
            + " 2024-06-03T00:00:00Z: 2024-06-03T00:30:00Z");
  }

  @Test
  void historyMustHaveTheMetersIntervalLength() {
    Path quarterHours = RateCommandTest.GB_DIR.resolve("openespi_test_usage_data.xml");
    refused("--history must have the interval length of --meter, 60 minutes: openespi_test_usage_data.xml with"
        + " 15-minute intervals", gb("--history", quarterHours.toString()));
  }

  @Test
  void historyMustEndBeforeTheWindow(@TempDir Path dir) throws IOException {
    Path meter = twoDays(dir);
    Path overlap = hourly(dir, "overlap.csv", "2024-06-02T00:00:00Z", 48, "0.5");
    refused("--history must end at or before the start of the window 2024-06-03T00:00:00Z: overlap.csv ending"
        + " 2024-06-04T00:00:00Z", csv(meter, "--history", overlap.toString()));
  }

  @Test
  void aBadHistoryFileIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
    Path bad = write(dir, "may.csv", "time,kwh,exp_kwh\n2024-05-06T00:00:00Z,abc,0\n");
    refused("may.csv at line 2: kwh must be a decimal number: \"abc\"", csv(twoDays(dir), "--history",
        bad.toString()));
  }

  // ---------------------------------------------------------------- bad arguments: exit 2, one line and the usage

  private void badArguments(String firstLine, String... args) {
    assertThat(run(args)).as(err.toString()).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElse("")).isEqualTo(firstLine);
    assertThat(err.toString()).contains("Usage: gridbill vee");
    assertThat(out.toString()).isEmpty();
  }

  private static String[] gb(String... more) {
    List<String> a = new ArrayList<>(List.of("vee", "--meter", GB_GAPS.toString(), "--meter-format", "greenbutton"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void missingRequiredFlags() {
    badArguments("gridbill: Missing required options: '--meter=FILE', '--meter-format=FORMAT'", "vee");
  }

  @Test
  void unknownMeterFormat() {
    badArguments("gridbill: --meter-format must be greenbutton, csv: espi", "vee", "--meter", GB_GAPS.toString(),
        "--meter-format", "espi");
  }

  @Test
  void unknownOutputFormat() {
    badArguments("gridbill: --output must be text, json: csv", gb("--output", "csv"));
  }

  @Test
  void maxGapMustBeADuration() {
    badArguments("gridbill: --max-gap must be a positive duration such as PT1H: 1h", gb("--max-gap", "1h"));
  }

  @Test
  void maxGapMustBePositive() {
    badArguments("gridbill: --max-gap must be a positive duration such as PT1H: PT0S", gb("--max-gap", "PT0S"));
  }

  @Test
  void toBeforeFrom() {
    badArguments("gridbill: --to must be after --from 2011-05-01: 2011-03-01",
        gb("--from", "2011-05-01", "--to", "2011-03-01"));
  }

  @Test
  void unknownZone() {
    badArguments("gridbill: --zone must be a time-zone id such as UTC or America/New_York: Mars/Olympus",
        gb("--zone", "Mars/Olympus"));
  }

  @Test
  void unreadableMeterFile() {
    badArguments("gridbill: --meter must be a readable file: no-such.xml", "vee", "--meter", "no-such.xml",
        "--meter-format", "greenbutton");
  }

  @Test
  void csvFlagsAreRefusedForGreenButton() {
    badArguments("gridbill: --interval applies to --meter-format csv only", gb("--interval", "PT1H"));
  }

  @Test
  void csvNeedsColumns(@TempDir Path dir) throws IOException {
    badArguments("gridbill: --columns is required for --meter-format csv, for example --columns import=kWh", "vee",
        "--meter", weekCsv(dir).toString(), "--meter-format", "csv", "--interval", "PT1H", "--timestamp-column",
        "time");
  }

  @Test
  void unreadableRegisterReadsFile() {
    badArguments("gridbill: --register-reads must be a readable file: no-such.csv", gb("--register-reads",
        "no-such.csv"));
  }

  @Test
  void unreadableHistoryFile() {
    badArguments("gridbill: --history must be a readable file: no-such.xml", gb("--history", "no-such.xml"));
  }

  @Test
  void multiplierNeedsRegisterReads() {
    badArguments("gridbill: --multiplier applies with --register-reads only", gb("--multiplier", "40"));
  }

  @Test
  void registerDigitsNeedRegisterReads() {
    badArguments("gridbill: --register-digits applies with --register-reads only", gb("--register-digits", "5"));
  }

  @Test
  void multiplierMustBePositive() {
    badArguments("gridbill: --multiplier must be a positive number such as 40: 0", gb("--register-reads",
        GB_GAPS.toString(), "--multiplier", "0"));
  }

  @Test
  void multiplierMustBeANumber() {
    badArguments("gridbill: --multiplier must be a positive number such as 40: forty", gb("--register-reads",
        GB_GAPS.toString(), "--multiplier", "forty"));
  }

  @Test
  void registerDigitsMustBe1To12() {
    badArguments("gridbill: --register-digits must be 1 to 12: 13", gb("--register-reads", GB_GAPS.toString(),
        "--register-digits", "13"));
  }

  @Test
  void historyNeedsTimestampsNotAFixedStart(@TempDir Path dir) throws IOException {
    Path f = write(dir, "kwh.csv", "kwh\n0.5\n0.5\n");
    badArguments("gridbill: --history needs the files' own timestamps (--timestamp-column), not --start", "vee",
        "--meter", f.toString(), "--meter-format", "csv", "--columns", "import=kwh", "--interval", "PT1H",
        "--start", "2024-06-03T00:00", "--history", f.toString());
  }

  @Test
  void helpListsTheFlags() {
    assertThat(run("vee", "--help")).isZero();
    assertThat(out.toString()).contains("--meter=FILE", "--meter-format=FORMAT", "--usage-point=ID",
        "--columns=ROLE=COLUMN[,...]", "--unit=UNIT", "--timestamp-column=NAME", "--start=DATETIME",
        "--interval=DURATION", "--meter-id=ID", "--zone=ZONE", "--from=DATE", "--to=DATE", "--max-gap=DURATION",
        "--generation", "--register-reads=FILE", "--register-digits=N", "--multiplier=FACTOR", "--history=FILE",
        "--output=FORMAT").contains("timestamp,reading");
  }
}
