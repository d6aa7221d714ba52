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
  void helpListsTheFlags() {
    assertThat(run("vee", "--help")).isZero();
    assertThat(out.toString()).contains("--meter=FILE", "--meter-format=FORMAT", "--usage-point=ID",
        "--columns=ROLE=COLUMN[,...]", "--unit=UNIT", "--timestamp-column=NAME", "--start=DATETIME",
        "--interval=DURATION", "--meter-id=ID", "--zone=ZONE", "--from=DATE", "--to=DATE", "--max-gap=DURATION",
        "--generation", "--output=FORMAT");
  }
}
