package io.github.gridbill.formats;

import static io.github.gridbill.formats.EspiFeeds.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.formats.EspiFeeds.Chan;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenButtonReaderTest {

  static final GreenButtonReader READER = GreenButtonReader.create();

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(GreenButtonReaderTest.class.getResource("/fixtures/greenbutton/" + name))
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sum of every IntervalReading {@code <value>} of a file, found by a regex, independent of the reader. */
  static long sumOfValues(Path file) throws IOException {
    Matcher m = Pattern.compile("<IntervalReading>.*?<value>(-?\\d+)</value>", Pattern.DOTALL)
        .matcher(Files.readString(file, StandardCharsets.UTF_8));
    long s = 0;
    while (m.find()) {
      s += Long.parseLong(m.group(1));
    }
    return s;
  }

  static UsagePointResult single(GreenButtonImport imp) {
    assertThat(imp.usagePoints()).hasSize(1);
    return imp.usagePoints().get(0);
  }

  @Test
  void coastalMultiFamilyIsAYearOfHourlyWattHours() throws IOException {
    Path f = fixture("greenbutton_objects_Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml");
    GreenButtonImport imp = READER.readAll(f);
    UsagePointResult r = single(imp);
    assertThat(r.usagePoint())
        .isEqualTo("https://services.greenbuttondata.org/DataCustodian/espi/1_1/resource/"
            + "RetailCustomer/5/UsagePoint/1");
    assertThat(r.title()).contains("Coastal Multi-Family");
    IntervalSeries s = r.series().orElseThrow();
    assertThat(s.meterId()).isEqualTo(r.usagePoint());
    assertThat(s.grid().length()).isEqualTo(IntervalLength.SIXTY_MINUTES);
    assertThat(s.size()).isEqualTo(8760);
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2011-01-01T08:00:00Z")); // 2011-01-01 00:00 PST
    assertThat(s.grid().end()).isEqualTo(Instant.parse("2012-01-01T08:00:00Z"));
    assertThat(s.isAllActual()).isTrue();
    assertThat(s.hasExports()).isFalse();
    assertThat(s.totalImport().milliwattHours()).isEqualTo(sumOfValues(f) * 1000).isEqualTo(4_425_305_000L);
    assertThat(s.importAt(0)).isEqualTo(450_000L);
    assertThat(r.localTime().orElseThrow().tzOffsetSeconds()).isEqualTo(-28800);
    assertThat(r.notCarried()).extracting(NotCarried::what).containsExactly("ElectricPowerUsageSummary "
        + "https://services.greenbuttondata.org/DataCustodian/espi/1_1/resource/RetailCustomer/5/UsagePoint/1/"
        + "ElectricPowerUsageSummary/01");
    assertThat(r.assumptions()).isEmpty();
    assertThat(imp.feedNotCarried()).isEmpty();
  }

  @Test
  void openEspiTestUsageIsFifteenMinuteDataWithTheDstDay() throws IOException {
    Path f = fixture("openespi_test_usage_data.xml");
    UsagePointResult r = single(READER.readAll(f));
    IntervalSeries s = r.series().orElseThrow();
    assertThat(s.meterId()).isEqualTo("/espi/1_1/resource/RetailCustomer/9B6C7066/UsagePoint/5446AF3F");
    assertThat(s.grid().length()).isEqualTo(IntervalLength.FIFTEEN_MINUTES);
    assertThat(s.size()).isEqualTo(1340); // 13 days × 96 + the 23-hour day × 4
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2012-03-01T05:00:00Z"));
    assertThat(s.totalImport().milliwattHours()).isEqualTo(sumOfValues(f) * 1000).isEqualTo(1_391_666_000L);
    assertThat(s.count(ReadingQuality.ACTUAL)).isEqualTo(1338);
    assertThat(s.quality(0)).isEqualTo(ReadingQuality.ESTIMATED);
    assertThat(s.method(0)).isEqualTo(EstimationMethod.LIKE_DAY);
    assertThat(s.quality(1)).isEqualTo(ReadingQuality.EDITED);
    assertThat(s.method(1)).isEqualTo(EstimationMethod.MANUAL_EDIT);
    // the 82800 s block: 2012-03-11 in US Eastern time has 23 hours = 92 intervals, all present
    ZoneRules zone = r.localTime().orElseThrow().zoneRules();
    assertThat(zone.nextTransition(Instant.parse("2012-03-01T00:00:00Z")).getInstant())
        .isEqualTo(Instant.parse("2012-03-11T07:00:00Z"));
    int onDstDay = 0;
    for (int i = 0; i < s.size(); i++) {
      Instant t = s.grid().intervalStart(i);
      if (LocalDate.ofInstant(t, zone.getOffset(t)).equals(LocalDate.of(2012, 3, 11))) {
        onDstDay++;
        assertThat(s.quality(i)).isEqualTo(ReadingQuality.ACTUAL);
      }
    }
    assertThat(onDstDay).isEqualTo(92);
    assertThat(r.notCarried()).extracting(NotCarried::what).containsExactly(
        "ElectricPowerUsageSummary /espi/1_1/resource/RetailCustomer/9B6C7066/UsagePoint/5446AF3F/"
            + "ElectricPowerUsageSummary/01",
        "ElectricPowerQualitySummary /espi/1_1/resource/RetailCustomer/9B6C7066/UsagePoint/5446AF3F/"
            + "ElectricPowerQualitySummary/01",
        "IntervalReading/cost on 1340 readings (sum 14999132 hundred-thousandths of the currency)");
  }

  @Test
  void nineDaysHourlyBinnedDaily() throws IOException {
    Path f = fixture("greenbutton_objects_TestGBDataHourlyNineDaysBinnedDaily.xml");
    UsagePointResult r = single(READER.readAll(f));
    IntervalSeries s = r.series().orElseThrow();
    assertThat(s.size()).isEqualTo(216);
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2014-01-01T05:00:00Z"));
    assertThat(s.isAllActual()).isTrue();
    assertThat(s.totalImport().milliwattHours()).isEqualTo(sumOfValues(f) * 1000).isEqualTo(199_563_000L);
    assertThat(r.notCarried()).extracting(NotCarried::what).containsExactly(
        "ElectricPowerUsageSummary https://services.greenbuttondata.org/DataCustodian/espi/1_1/resource/"
            + "RetailCustomer/2/UsagePoint/2/ElectricPowerUsageSummary/01",
        "IntervalReading/cost on 216 readings (sum 2205567 hundred-thousandths of the currency)");
    assertThat(r.assumptions()).isEmpty();
  }

  @Test
  void abridgedFeedFillsTheBlocksGapsWithMissing() {
    UsagePointResult r = single(READER.readAll(fixture("greenbutton_objects_abridged_electric_containerized.xml")));
    IntervalSeries s = r.series().orElseThrow();
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2011-01-01T08:00:00Z"));
    assertThat(s.size()).isEqualTo(24); // two declared 12-hour blocks, 4 readings each
    assertThat(s.count(ReadingQuality.ACTUAL)).isEqualTo(8);
    assertThat(s.count(ReadingQuality.MISSING)).isEqualTo(16);
    assertThat(new long[] {s.importAt(0), s.importAt(1), s.importAt(2), s.importAt(3), s.importAt(4)})
        .containsExactly(450_000, 430_000, 418_000, 410_000, 0);
    assertThat(new long[] {s.importAt(12), s.importAt(13), s.importAt(14), s.importAt(15)})
        .containsExactly(595_000, 591_000, 611_000, 581_000);
    assertThat(s.totalImport().milliwattHours()).isEqualTo(4_086_000L);
    assertThat(r.assumptions()).extracting(Assumption::what)
        .containsExactly("16 of 24 intervals of the grid have no reading");
    assertThat(r.notCarried()).extracting(NotCarried::what).containsExactly("ElectricPowerUsageSummary "
        + "https://services.greenbuttondata.org/DataCustodian/espi/1_1/resource/RetailCustomer/3/UsagePoint/1/"
        + "ElectricPowerUsageSummary/01");
  }

  @Test
  void naturalGasBillingFeedIsReportedNotConverted() {
    UsagePointResult r = single(READER.readAll(
        fixture("greenbutton_objects_ngma_natural_gas_billing_2021-05-26_to_2024-04-25.xml")));
    assertThat(r.isConverted()).isFalse();
    assertThat(r.series()).isEmpty();
    assertThat(r.usagePoint()).isEqualTo("/v1/BillingAccount/1234567890/UsagePoint/NET_USAGE");
    assertThat(r.reasons()).containsExactly(
        Unconvertible.of(UnconvertibleReason.NOT_ELECTRICITY, "ServiceCategory kind 1 (gas)"),
        Unconvertible.of(UnconvertibleReason.NO_ENERGY_READINGS,
            "MeterReading /v1/User/1234567890/UsagePoint/NET_USAGE/MeterReading/1 in uom 169 (therm) x10^-3"),
        Unconvertible.of(UnconvertibleReason.IRREGULAR_INTERVALS,
            "MeterReading /v1/User/1234567890/UsagePoint/NET_USAGE/MeterReading/1: 35 readings with 12 durations"
                + " from 2332800 s to 3024000 s"));
    assertThat(r.notCarried()).containsExactly(NotCarried.of("entry 2 (line 25)",
        "MeterReading /v1/User/1234567890/UsagePoint/NET_USAGE/MeterReading/1 in uom 169 (therm) x10^-3, 35 readings",
        "not energy in Wh"));
  }

  @Test
  void subscriptionFeedSkeletonLinksEverythingButHasNoReadings() {
    UsagePointResult r = single(READER.readAll(fixture("openespi_Usage-Subscription-Feed-Anonymized.xml")));
    assertThat(r.usagePoint()).isEqualTo("https://test-datacustodian.example.com/espi/1_1/resource/Subscription/"
        + "test-subscription-id/UsagePoint/test-usage-point-id");
    assertThat(r.title()).contains("Test Usage Point");
    assertThat(r.reasons()).extracting(Unconvertible::reason).containsExactly(UnconvertibleReason.NO_READINGS);
    assertThat(r.reasons().get(0).detail()).endsWith("/MeterReading/test-meter-reading-id has no IntervalReadings");
    assertThat(r.localTime().orElseThrow().tzOffsetSeconds()).isEqualTo(-18000);
    assertThat(r.localTime().orElseThrow().dstStartRule()).isEqualTo(0x360E2000L);
    assertThat(r.assumptions()).isEmpty(); // the LocalTimeParameters came by the UsagePoint's related link
  }

  @Test
  void usDstRulesDecode() {
    LocalTimeParameters et = LocalTimeParameters.builder().tzOffsetSeconds(-18000).dstOffsetSeconds(3600)
        .dstStartRule(0x360E2000L).dstEndRule(0xB40E2000L).build();
    ZoneRules z = et.zoneRules();
    assertThat(z.getOffset(Instant.parse("2024-03-10T06:59:59Z"))).isEqualTo(ZoneOffset.ofHours(-5));
    assertThat(z.getOffset(Instant.parse("2024-03-10T07:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(z.getOffset(Instant.parse("2024-11-03T05:59:59Z"))).isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(z.getOffset(Instant.parse("2024-11-03T06:00:00Z"))).isEqualTo(ZoneOffset.ofHours(-5));
  }

  // ---------------------------------------------------------------- synthetic feeds: directions, units

  static final long T0 = 1_704_067_200L; // 2024-01-01T00:00Z

  @Test
  void receivedReadingsAreExportsAndDeliveredImports() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 100, 0, 50), new Chan(19, 0, T0, 900, 0, 30, 0));
    IntervalSeries s = single(READER.readAll("f.xml", bytes(xml))).series().orElseThrow();
    assertThat(s.importsCopy()).containsExactly(100_000, 0, 50_000);
    assertThat(s.exportsCopy().orElseThrow()).containsExactly(0, 30_000, 0);
    assertThat(s.isAllActual()).isTrue();
  }

  @Test
  void netReadingsSplitBySign() {
    String xml = EspiFeeds.feed("U1", new Chan(4, 3, T0, 3600, 2, -1, 0)); // kWh via powerOfTenMultiplier 3
    IntervalSeries s = single(READER.readAll("f.xml", bytes(xml))).series().orElseThrow();
    assertThat(s.importsCopy()).containsExactly(2_000_000, 0, 0);
    assertThat(s.exportsCopy().orElseThrow()).containsExactly(0, 1_000_000, 0);
  }

  @Test
  void subMilliwattHourValuesAreRoundedOnceWithTheDeclaredMode() {
    String xml = EspiFeeds.feed("U1", new Chan(1, -6, T0, 900, 1500, 2500, 2501)); // 1.5, 2.5, 2.501 mWh
    assertThat(single(READER.readAll("f.xml", bytes(xml))).series().orElseThrow().importsCopy())
        .containsExactly(2, 2, 3);
    assertThat(single(READER.withRoundingMode(RoundingMode.HALF_UP).readAll("f.xml", bytes(xml))).series()
        .orElseThrow().importsCopy()).containsExactly(2, 3, 3);
  }

  @Test
  void unnecessaryRoundingIsRefused() {
    assertThatThrownBy(() -> READER.withRoundingMode(RoundingMode.UNNECESSARY))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("rounding must round (UNNECESSARY cannot be checked before values are handed over): UNNECESSARY");
  }

  @Test
  void dailyReadingsAreAnUnsupportedIntervalLength() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 86400, 10, 20));
    UsagePointResult r = single(READER.readAll("f.xml", bytes(xml)));
    assertThat(r.reasons()).containsExactly(Unconvertible.of(UnconvertibleReason.UNSUPPORTED_INTERVAL_LENGTH,
        "MeterReading /UsagePoint/U1/MeterReading/1: 2 readings of 86400 s (GridBill intervals are 1, 5, 10, 15, 30"
            + " or 60 minutes)"));
  }

  @Test
  void aReadingOffTheGridIsMisaligned() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 1, 2))
        .replace("<start>" + (T0 + 900) + "</start></timePeriod>", "<start>" + (T0 + 1000) + "</start></timePeriod>");
    UsagePointResult r = single(READER.readAll("f.xml", bytes(xml)));
    assertThat(r.reasons()).extracting(Unconvertible::reason).containsExactly(UnconvertibleReason.MISALIGNED_READINGS);
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void negativeDeliveredEnergyIsRefusedWithItsLine() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 5, -7, 5));
    int line = lineOf(xml, "<value>-7</value>");
    assertThatThrownBy(() -> READER.readAll("neg.xml", bytes(xml)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage(
            "neg.xml at line " + line + ": IntervalReading/value must not be negative for delivered energy: -7");
  }

  @Test
  void overlappingReadingsAreRefused() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 1, 2, 3)).replace(
        "<start>" + (T0 + 1800) + "</start></timePeriod>", "<start>" + (T0 + 900) + "</start></timePeriod>");
    assertThatThrownBy(() -> READER.readAll("dup.xml", bytes(xml)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageEndingWith("IntervalReading/timePeriod must not overlap another reading of"
            + " /UsagePoint/U1/MeterReading/1: null");
  }

  @Test
  void readingsSpanningMoreIntervalsThanASeriesHoldsAreRefusedBeforeAllocating() {
    // the second reading 600 years later: 21 million 15-minute intervals, past IntervalSeries.MAX_INTERVALS (2^24);
    // the arrays for them used to be allocated until the heap ran out
    long later = T0 + 600L * 365 * 86_400;
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 1, 2)).replace(
        "<start>" + (T0 + 900) + "</start></timePeriod>", "<start>" + later + "</start></timePeriod>");
    assertThatThrownBy(() -> READER.readAll("far.xml", bytes(xml)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageContaining("IntervalReading/timePeriod must span at most 16777216 intervals: "
            + ((later + 900 - T0) / 900) + " intervals");
  }

  @Test
  void nonNumericValueIsRefusedWithItsLine() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 1, 2)).replace("<value>2</value>", "<value>2.5</value>");
    assertThatThrownBy(() -> READER.readAll("num.xml", bytes(xml)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("num.xml at line " + lineOf(xml, "<value>2.5</value>")
            + ": IntervalReading/value must be a whole number: \"2.5\"");
  }

  @Test
  void readingWithoutStartIsRefused() {
    String xml = EspiFeeds.feed("U1", new Chan(1, 0, T0, 900, 1)).replace("<start>" + T0 + "</start></timePeriod>",
        "</timePeriod>");
    assertThatThrownBy(() -> READER.readAll("s.xml", bytes(xml)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageEndingWith("IntervalReading/timePeriod/start must be present: null");
  }

  @Test
  void malformedXmlIsRefused() {
    assertThatThrownBy(() -> READER.readAll("bad.xml", bytes("<feed><entry></feed>")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("bad.xml at line 1, column ")
        .hasMessageContaining("xml must be well-formed XML without DTD or entities");
  }

  @Test
  void wrongRootIsRefused() {
    assertThatThrownBy(() -> READER.readAll("x.xml", bytes("<html/>")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("x.xml at line 1, column 8: root element must be an Atom feed or entry: html");
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>";
    assertThatThrownBy(() -> READER.readAll("xxe.xml", bytes(xxe)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageNotContaining("TOP-SECRET")
        .satisfies(e -> assertThat(((DataFormatException) e).field()).isIn("DOCTYPE", "xml"));
    String undeclared = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>";
    assertThatThrownBy(() -> READER.readAll("ent.xml", bytes(undeclared)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageContaining("xml must be well-formed XML without DTD or entities");
  }

  // ---------------------------------------------------------------- streaming

  @Test
  void usagePointsAreHandedOverOneByOneWhileTheSecondPassReads() {
    StringBuilder xml = new StringBuilder(EspiFeeds.head());
    long[] values = new long[96 * 7];
    java.util.Arrays.fill(values, 250);
    for (int m = 0; m < 5; m++) {
      Chan c = new Chan(1, 0, T0, 900, values);
      xml.append(EspiFeeds.usagePoint("M" + m, 0)).append(EspiFeeds.meterReading("M" + m, 1, c))
          .append(EspiFeeds.blocks("M" + m, 1, c, 96));
    }
    byte[] doc = bytes(xml.append("</feed>").toString());
    List<Long> consumedAtHandOver = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long[] consumed = new long[1];
    READER.read("stream.xml", () -> new FilterInputStream(new ByteArrayInputStream(doc)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          consumed[0] += n;
        }
        return n;
      }
    }, r -> {
      consumedAtHandOver.add(consumed[0]);
      ids.add(r.usagePoint());
    });
    assertThat(ids).containsExactly("/UsagePoint/M0", "/UsagePoint/M1", "/UsagePoint/M2", "/UsagePoint/M3",
        "/UsagePoint/M4");
    // pass one read the whole document; each meter is handed over before pass two has read the next meters' data
    long total = doc.length;
    for (int m = 0; m < 4; m++) {
      assertThat(consumedAtHandOver.get(m) - total).as("meter %d", m).isLessThan(total * (m + 2) / 5);
    }
  }

  @Test
  void nothingIsHandedOverWhenALaterMeterIsMalformed() {
    StringBuilder xml = new StringBuilder(EspiFeeds.head());
    for (int m = 0; m < 3; m++) {
      Chan c = new Chan(1, 0, T0, 900, 1, 2, m == 2 ? -3 : 3);
      xml.append(EspiFeeds.usagePoint("M" + m, 0)).append(EspiFeeds.meterReading("M" + m, 1, c))
          .append(EspiFeeds.blocks("M" + m, 1, c, 96));
    }
    byte[] doc = bytes(xml.append("</feed>").toString());
    List<UsagePointResult> got = new ArrayList<>();
    assertThatThrownBy(() -> READER.read("late.xml", () -> new ByteArrayInputStream(doc), got::add))
        .isExactlyInstanceOf(DataFormatException.class);
    assertThat(got).isEmpty();
  }

  @Test
  void readFromAFileStreams(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("feed.xml");
    Files.writeString(f, EspiFeeds.feed("U1", new Chan(1, 0, T0, 3600, 1, 2, 3)));
    List<UsagePointResult> got = new ArrayList<>();
    List<NotCarried> feed = READER.read(f, got::add);
    assertThat(feed).isEmpty();
    assertThat(got).hasSize(1);
    assertThat(got.get(0).series().orElseThrow().totalImport().milliwattHours()).isEqualTo(6000);
  }

  static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
