package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateRealTariffTest {

  private static List<String> totals(String text) {
    Matcher m = Pattern.compile("(?m)^Total (USD -?[0-9.]+)$").matcher(text);
    return m.results().map(r -> r.group(1)).collect(Collectors.toList());
  }

  @Test
  void theReadmeJavaExampleRatesTheSameBillsAsTheReadmeCommand() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      RateRealTariff.main(new String[] {RateCommandTest.URDB_FPL.toString(), RateCommandTest.GB_COASTAL.toString()});
    } finally {
      System.setOut(old);
    }
    String java = buf.toString(StandardCharsets.UTF_8);
    assertThat(totals(java)).hasSize(11).startsWith("USD 39.04", "USD 39.27").endsWith("USD 43.90");
    assertThat(java).contains("Bill for meter https://services.greenbuttondata.org/DataCustodian/espi/1_1/resource/"
        + "RetailCustomer/5/UsagePoint/1 on tariff RS-1 Residential Service (5550d6fd5457a3187e8b4567)");

    // the README's command line (its file names are the same fixtures, seen from the repository root)
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "rate",
        "--tariff", RateCommandTest.URDB_FPL.toString(), "--tariff-format", "urdb",
        "--tariff-effective-from", "2011-01-01",
        "--meter", RateCommandTest.GB_COASTAL.toString(), "--meter-format", "greenbutton",
        "--zone", "America/New_York", "--from", "2011-02-01", "--to", "2012-01-01");
    assertThat(code).isZero();
    assertThat(totals(out.toString())).isEqualTo(totals(java));
    assertThat(out.toString()).startsWith(java);
  }

  private static String readmeSection() throws IOException {
    String md = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = md.indexOf("## Rate a real tariff against real meter data");
    assertThat(start).isNotNegative();
    return md.substring(start, md.indexOf("\n## ", start + 1));
  }

  private static String block(String section, String fence) {
    int start = section.indexOf(fence) + fence.length();
    return section.substring(start, section.indexOf("```", start));
  }

  @Test
  void theReadmeJavaIsTheCodeOfRateRealTariff() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/github/gridbill/examples/RateRealTariff.java"),
        StandardCharsets.UTF_8);
    List<String> lines = block(readmeSection(), "```java\n").lines().map(String::trim).collect(Collectors.toList());
    assertThat(lines).hasSizeBetween(8, 14);
    for (String line : lines) {
      assertThat(source).as("README line %s", line).contains(line);
    }
  }

  @Test
  void theReadmeCommandLineRunsAndPrintsWhatTheJavaPrints() throws IOException {
    String command = block(readmeSection(), "```\njava -jar").replace("\\\n", " ");
    List<String> args = new ArrayList<>();
    for (String a : java.util.regex.Pattern.compile("\\s+").split(command.trim(), -1)) {
      args.add(a.startsWith("integrations/") ? Path.of("..", a).toString() : a);
    }
    assertThat(args.subList(0, 2)).containsExactly("billing-examples/target/gridbill.jar", "rate");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridBillCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        args.subList(1, args.size()).toArray(new String[0]));
    assertThat(code).as(err.toString()).isZero();
    assertThat(totals(out.toString())).hasSize(11).startsWith("USD 39.04");
    assertThat(out.toString()).endsWith("11 bills, total USD 431.82" + System.lineSeparator());
  }
}
