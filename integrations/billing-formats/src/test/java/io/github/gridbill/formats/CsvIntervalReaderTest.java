package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvIntervalReaderTest {

  static final ZoneId NY = ZoneId.of("America/New_York");

  static CsvMapping.Builder base() {
    return CsvMapping.builder().meterIdColumn("meter").timestampColumn("start")
        .intervalLength(IntervalLength.FIFTEEN_MINUTES);
  }

  static CsvIntervalReader kwhImports() {
    return CsvIntervalReader.of(base().addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());
  }

  @Test
  void rowsSpanningMoreIntervalsThanASeriesHoldsAreRefusedBeforeAllocating() {
    // 2024 to 2700 in 15-minute intervals is 23.7 million, past IntervalSeries.MAX_INTERVALS (2^24); such a file used
    // to allocate the gap's arrays until the heap ran out
    String csv = "meter,start,kWh\nA,2024-01-01T00:00:00Z,1\nA,2700-01-01T00:00:00Z,1\n";
    assertThatThrownBy(() -> kwhImports().readAll("far.csv", csv))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("far.csv at line 3: rows must span at most 16777216 intervals per meter, but this row makes them"
            + " span 23702785: A");
  }

  @Test
  void twoMetersWithAGapBecomeTwoSeriesWithAMissingInterval() {
    String csv = "meter,start,kWh\n"
        + "A,2024-01-01T00:00:00Z,0.25\n"
        + "A,2024-01-01T00:15:00Z,0.5\n"
        + "A,2024-01-01T00:45:00Z,1.000001\n"
        + "B,2024-01-01T00:00:00-05:00,2\n";
    List<IntervalSeries> all = kwhImports().readAll("u.csv", csv);
    assertThat(all).extracting(IntervalSeries::meterId).containsExactly("A", "B");
    IntervalSeries a = all.get(0);
    assertThat(a.grid().start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(a.grid().length()).isEqualTo(IntervalLength.FIFTEEN_MINUTES);
    assertThat(a.importsCopy()).containsExactly(250_000, 500_000, 0, 1_000_001);
    assertThat(a.quality(2)).isEqualTo(ReadingQuality.MISSING);
    assertThat(a.count(ReadingQuality.ACTUAL)).isEqualTo(3);
    assertThat(a.hasExports()).isFalse();
    IntervalSeries b = all.get(1);
    assertThat(b.grid().start()).isEqualTo(Instant.parse("2024-01-01T05:00:00Z"));
    assertThat(b.importsCopy()).containsExactly(2_000_000);
    assertThat(b.isAllActual()).isTrue();
  }

  @Test
  void rowsMayComeInAnyOrder() {
    String csv = "meter,start,kWh\nA,2024-01-01T00:30:00Z,3\nA,2024-01-01T00:00:00Z,1\nA,2024-01-01T00:15:00Z,2\n";
    IntervalSeries a = kwhImports().readAll("u.csv", csv).get(0);
    assertThat(a.grid().start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(a.importsCopy()).containsExactly(1_000_000, 2_000_000, 3_000_000);
  }

  @Test
  void importAndExportInWattHours() {
    CsvIntervalReader r = CsvIntervalReader.of(base().addValue(ValueColumn.of("in", ValueRole.IMPORT, ValueUnit.WH))
        .addValue(ValueColumn.of("out", ValueRole.EXPORT, ValueUnit.WH)).build());
    IntervalSeries s = r.readAll("u.csv", "meter,start,in,out\nA,2024-01-01T00:00:00Z,120,0\n"
        + "A,2024-01-01T00:15:00Z,0,80.5\n").get(0);
    assertThat(s.importsCopy()).containsExactly(120_000, 0);
    assertThat(s.exportsCopy().orElseThrow()).containsExactly(0, 80_500);
  }

  @Test
  void averagePowerIsEnergyOverTheInterval() {
    CsvIntervalReader w = CsvIntervalReader.of(base().addValue(ValueColumn.of("W", ValueRole.IMPORT, ValueUnit.W))
        .build());
    assertThat(w.readAll("u.csv", "meter,start,W\nA,2024-01-01T00:00:00Z,1000\n").get(0).importsCopy())
        .containsExactly(250_000); // 1000 W × 15 min = 250 Wh
    CsvIntervalReader kw = CsvIntervalReader.of(base().intervalLength(IntervalLength.FIVE_MINUTES)
        .addValue(ValueColumn.of("kW", ValueRole.IMPORT, ValueUnit.KW)).build());
    // 0.001 kW × 5 min = 83.333... mWh: rounded once, HALF_EVEN, to 83
    assertThat(kw.readAll("u.csv", "meter,start,kW\nA,2024-01-01T00:00:00Z,0.001\n").get(0).importsCopy())
        .containsExactly(83);
  }

  @Test
  void loadMinusGenerationIsWhatTheMeterSees() {
    CsvIntervalReader r = CsvIntervalReader.of(base()
        .addValue(ValueColumn.of("load", ValueRole.LOAD, ValueUnit.KWH))
        .addValue(ValueColumn.of("pv", ValueRole.GENERATION, ValueUnit.KW)).build());
    // 1.0 kWh load, 2 kW × 15 min = 0.5 kWh of generation: import 0.5; then 0.1 kWh load against 0.5 kWh: export 0.4
    IntervalSeries s = r.readAll("u.csv", "meter,start,load,pv\nA,2024-01-01T00:00:00Z,1.0,2\n"
        + "A,2024-01-01T00:15:00Z,0.1,2\n").get(0);
    assertThat(s.importsCopy()).containsExactly(500_000, 0);
    assertThat(s.exportsCopy().orElseThrow()).containsExactly(0, 400_000);
  }

  @Test
  void netValuesSplitBySign() {
    CsvIntervalReader r = CsvIntervalReader.of(base().addValue(ValueColumn.of("net", ValueRole.NET, ValueUnit.KWH))
        .build());
    IntervalSeries s = r.readAll("u.csv", "meter,start,net\nA,2024-01-01T00:00:00Z,-0.3\nA,2024-01-01T00:15:00Z,0.2\n")
        .get(0);
    assertThat(s.importsCopy()).containsExactly(0, 200_000);
    assertThat(s.exportsCopy().orElseThrow()).containsExactly(300_000, 0);
  }

  @Test
  void fixedGridAndFixedMeterWithSemicolons() {
    CsvIntervalReader r = CsvIntervalReader.of(CsvMapping.builder().fixedMeterId("M-1")
        .gridStart(Instant.parse("2024-06-01T04:00:00Z")).intervalLength(IntervalLength.SIXTY_MINUTES).separator(';')
        .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());
    IntervalSeries s = r.readAll("u.csv", "kWh;note\n1.5;x\n2;y\n0;z\n").get(0);
    assertThat(s.meterId()).isEqualTo("M-1");
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2024-06-01T04:00:00Z"));
    assertThat(s.importsCopy()).containsExactly(1_500_000, 2_000_000, 0);
  }

  @Test
  void intervalEndingTimestamps() {
    CsvIntervalReader r = CsvIntervalReader.of(base().timestampPosition(TimestampPosition.INTERVAL_END)
        .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());
    IntervalSeries s = r.readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:15:00Z,1\n").get(0);
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void qualityColumnWithDeclaredCodes() {
    CsvIntervalReader r = CsvIntervalReader.of(base().qualityColumn("q").putQualityCode("E", ReadingQuality.ESTIMATED)
        .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());
    IntervalSeries s = r.readAll("u.csv", "meter,start,kWh,q\nA,2024-01-01T00:00:00Z,1,\nA,2024-01-01T00:15:00Z,2,E\n"
        + "A,2024-01-01T00:30:00Z,3,edited\nA,2024-01-01T00:45:00Z,,missing\n").get(0);
    assertThat(s.quality(0)).isEqualTo(ReadingQuality.ACTUAL);
    assertThat(s.quality(1)).isEqualTo(ReadingQuality.ESTIMATED);
    assertThat(s.quality(2)).isEqualTo(ReadingQuality.EDITED);
    assertThat(s.quality(3)).isEqualTo(ReadingQuality.MISSING);
    assertThat(s.importAt(3)).isZero();
  }

  // ---------------------------------------------------------------- local time and DST

  static CsvMapping.Builder local() {
    return base().localZone(NY).addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH));
  }

  @Test
  void localTimestampsNeedTheZoneAndAreConverted() {
    IntervalSeries s = CsvIntervalReader.of(local().build()).readAll("u.csv",
        "meter,start,kWh\nA,2024-07-01T00:00,1\n").get(0);
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2024-07-01T04:00:00Z"));
    IntervalSeries p = CsvIntervalReader.of(local().timestampPattern("M/d/yyyy H:mm").build()).readAll("u.csv",
        "meter,start,kWh\nA,7/1/2024 0:15,1\n").get(0);
    assertThat(p.grid().start()).isEqualTo(Instant.parse("2024-07-01T04:15:00Z"));
  }

  @Test
  void aDayOfLocalQuarterHoursAcrossSpringForwardHas92Intervals() {
    StringBuilder csv = new StringBuilder("meter,start,kWh\n");
    LocalDateTime t = LocalDateTime.of(2024, 3, 10, 0, 0);
    while (t.isBefore(LocalDateTime.of(2024, 3, 11, 0, 0))) {
      if (!(t.getHour() == 2)) { // 02:00-02:45 do not exist that day
        csv.append("A,").append(t).append(",1\n");
      }
      t = t.plusMinutes(15);
    }
    IntervalSeries s = CsvIntervalReader.of(local().build()).readAll("u.csv", csv.toString()).get(0);
    assertThat(s.size()).isEqualTo(92);
    assertThat(s.isAllActual()).isTrue();
  }

  @Test
  void aSkippedLocalTimeIsATypedError() {
    String csv = "meter,start,kWh\nA,2024-03-10T01:45,1\nA,2024-03-10T02:30,1\n";
    assertThatThrownBy(() -> CsvIntervalReader.of(local().build()).readAll("dst.csv", csv))
        .isExactlyInstanceOf(LocalTimeException.class)
        .hasMessage("dst.csv at line 3: start does not exist in America/New_York (clocks jump from 2024-03-10T02:00 to"
            + " 2024-03-10T03:00); declare a NonexistentTimeRule: 2024-03-10T02:30")
        .satisfies(e -> {
          LocalTimeException l = (LocalTimeException) e;
          assertThat(l.problem()).isEqualTo(LocalTimeException.Problem.NONEXISTENT);
          assertThat(l.localDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 10, 2, 30));
          assertThat(l.zone()).isEqualTo("America/New_York");
          assertThat(l.location()).isEqualTo("line 3");
        });
    IntervalSeries s = CsvIntervalReader.of(local().nonexistentTime(NonexistentTimeRule.SHIFT_FORWARD).build())
        .readAll("dst.csv", "meter,start,kWh\nA,2024-03-10T02:30,1\n").get(0);
    assertThat(s.grid().start()).isEqualTo(Instant.parse("2024-03-10T07:30:00Z")); // 03:30 EDT
  }

  @Test
  void aRepeatedLocalTimeIsATypedErrorUnlessARuleIsDeclared() {
    String csv = "meter,start,kWh\nA,2024-11-03T01:30,1\n";
    assertThatThrownBy(() -> CsvIntervalReader.of(local().build()).readAll("dst.csv", csv))
        .isExactlyInstanceOf(LocalTimeException.class)
        .hasMessage("dst.csv at line 2: start is ambiguous in America/New_York (it occurs at -04:00 and -05:00);"
            + " declare an AmbiguousTimeRule: 2024-11-03T01:30")
        .satisfies(e -> assertThat(((LocalTimeException) e).problem()).isEqualTo(LocalTimeException.Problem.AMBIGUOUS));
    assertThat(CsvIntervalReader.of(local().ambiguousTime(AmbiguousTimeRule.EARLIER_OFFSET).build())
        .readAll("dst.csv", csv).get(0).grid().start()).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
    assertThat(CsvIntervalReader.of(local().ambiguousTime(AmbiguousTimeRule.LATER_OFFSET).build())
        .readAll("dst.csv", csv).get(0).grid().start()).isEqualTo(Instant.parse("2024-11-03T06:30:00Z"));
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void unknownColumnIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kwh\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("u.csv at line 1: header must name a column of the header ")
        .hasMessageEndingWith(": \"kWh\"");
  }

  @Test
  void textInAValueCellIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z,abc\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: kWh must be a decimal number: \"abc\"");
  }

  @Test
  void negativeImportIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z,-1\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: kWh must not be negative for import (use a NET column for signed values): -1");
  }

  @Test
  void repeatedIntervalIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z,1\n"
        + "B,2024-01-01T00:00:00Z,1\nA,2024-01-01T00:00:00Z,2\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 4: start must not repeat an interval of meter A: 2024-01-01T00:00:00Z");
  }

  @Test
  void offGridTimestampIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z,1\n"
        + "A,2024-01-01T00:20:00Z,1\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 3: start must be on the 15-minute grid of the meter's first row"
            + " (2024-01-01T00:00:00Z): 2024-01-01T00:20:00Z");
  }

  @Test
  void badInstantIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01 00:00,1\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: start must be an ISO instant with an offset, for example 2024-03-10T07:15:00Z:"
            + " \"2024-01-01 00:00\"");
  }

  @Test
  void blankMeterIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\n ,2024-01-01T00:00:00Z,1\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: meter must not be blank: \"\"");
  }

  @Test
  void shortRowIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: kWh must be present (the row is too short): 2 cells");
  }

  @Test
  void missingQualityWithAValueIsRefused() {
    CsvIntervalReader r = CsvIntervalReader.of(base().qualityColumn("q")
        .addValue(ValueColumn.of("kWh", ValueRole.IMPORT, ValueUnit.KWH)).build());
    assertThatThrownBy(() -> r.readAll("u.csv", "meter,start,kWh,q\nA,2024-01-01T00:00:00Z,1,MISSING\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 2: q must come with blank or zero values, but the row holds 1000000 / 0 mWh:"
            + " MISSING");
  }

  @Test
  void aValueAboveTheSaneMaximumIsRefused() {
    assertThatThrownBy(() -> kwhImports().readAll("u.csv", "meter,start,kWh\nA,2024-01-01T00:00:00Z,25000.001\n"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("u.csv at line 2: values must not exceed the sane maximum of 25000000000 mWh");
  }

  @Test
  void mappingRulesAreChecked() {
    assertThatThrownBy(() -> CsvMapping.builder().timestampColumn("t").intervalLength(IntervalLength.SIXTY_MINUTES)
        .addValue(ValueColumn.of("v", ValueRole.IMPORT, ValueUnit.KWH)).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("meterIdColumn must be set exactly when fixedMeterId is not (fixedMeterId null): null");
    assertThatThrownBy(() -> base().addValue(ValueColumn.of("v", ValueRole.IMPORT, ValueUnit.KWH))
        .addValue(ValueColumn.of("n", ValueRole.NET, ValueUnit.KWH)).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("values.role must be IMPORT and/or EXPORT, or NET alone, or LOAD and/or GENERATION:"
            + " [IMPORT, NET]");
    assertThatThrownBy(() -> base().timestampPattern("yyyy").addValue(ValueColumn.of("v", ValueRole.IMPORT,
        ValueUnit.KWH)).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("timestampPattern needs localZone: a patterned timestamp is a local time: yyyy");
  }

  // ---------------------------------------------------------------- quantisation bound

  @Property(tries = 200)
  void quantisationErrorIsAtMostHalfAMilliwattHour(
      @ForAll @BigRange(min = "0", max = "1000") @Scale(9) BigDecimal value, @ForAll ValueUnit unit,
      @ForAll IntervalLength length) {
    CsvIntervalReader r = CsvIntervalReader.of(CsvMapping.builder().fixedMeterId("M")
        .gridStart(Instant.parse("2024-01-01T00:00:00Z")).intervalLength(length)
        .addValue(ValueColumn.of("v", ValueRole.IMPORT, unit)).roundingMode(RoundingMode.HALF_EVEN).build());
    long got = r.readAll("p.csv", "v\n" + value.toPlainString() + "\n").get(0).importAt(0);
    BigDecimal perUnit = Map.of(ValueUnit.WH, new BigDecimal("1000"), ValueUnit.KWH, new BigDecimal("1000000"),
        ValueUnit.W, new BigDecimal("1000"), ValueUnit.KW, new BigDecimal("1000000")).get(unit);
    BigDecimal hours = unit.isPower() ? BigDecimal.valueOf(length.minutes()) : BigDecimal.valueOf(60);
    BigDecimal exactTimes60 = value.multiply(perUnit).multiply(hours);
    BigDecimal error = BigDecimal.valueOf(got).multiply(BigDecimal.valueOf(60)).subtract(exactTimes60).abs();
    assertThat(error).isLessThanOrEqualTo(new BigDecimal("30")); // 0.5 mWh × 60
  }

  // ---------------------------------------------------------------- streaming

  @Test
  void metersAreHandedOverWhileTheSecondPassReads() {
    StringBuilder csv = new StringBuilder("meter,start,kWh\n");
    for (int m = 0; m < 4; m++) {
      Instant t = Instant.parse("2024-01-01T00:00:00Z");
      for (int i = 0; i < 96 * 30; i++) {
        csv.append('M').append(m).append(',').append(t.plusSeconds(900L * i)).append(",0.25\n");
      }
    }
    byte[] doc = csv.toString().getBytes(StandardCharsets.UTF_8);
    long[] consumed = new long[1];
    List<Long> at = new ArrayList<>();
    kwhImports().read("s.csv", () -> new FilterInputStream(new ByteArrayInputStream(doc)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          consumed[0] += n;
        }
        return n;
      }
    }, s -> at.add(consumed[0]));
    assertThat(at).hasSize(4);
    long total = doc.length;
    for (int m = 0; m < 3; m++) {
      assertThat(at.get(m) - total).as("meter %d", m).isLessThan(total * (m + 2) / 4);
    }
  }

  @Test
  void nothingIsHandedOverWhenALaterRowIsBad(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("u.csv");
    Files.writeString(f, "meter,start,kWh\nA,2024-01-01T00:00:00Z,1\nB,2024-01-01T00:00:00Z,1\n"
        + "B,2024-01-01T00:15:00Z,x\n");
    List<IntervalSeries> got = new ArrayList<>();
    assertThatThrownBy(() -> kwhImports().read(f, got::add)).isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("u.csv at line 4: kWh must be a decimal number: \"x\"");
    assertThat(got).isEmpty();
  }
}
