package io.github.gridbill.examples.demo;

import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.formats.GreenButtonImport;
import io.github.gridbill.formats.GreenButtonReader;
import io.github.gridbill.rating.GapFill;
import io.github.gridbill.rating.IntervalReadings;
import io.github.gridbill.rating.IntervalSeries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded, realistic 15-minute load and solar data for one account and month.
 *
 * <p>Household load takes its shape from a real Green Button download (the Coastal Multi-Family sample feed in the
 * jar): its average kWh by day type and hour of day over its March, normalised to a mean of 1, interpolated to the
 * quarter-hour and scaled to the account's size, with a daily weather factor and per-interval noise. Business load
 * follows opening hours. Solar is a clear-sky half-sine between sunrise and sunset scaled by the plant's kWp and a
 * daily cloud factor. The meter sees import = load − solar where positive and export the rest. Values are exact
 * integers (mWh) once generated: the doubles here only shape synthetic data, they never touch money.
 */
final class LoadModel {
  static final String GREEN_BUTTON_RESOURCE =
      "greenbutton_objects_Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml";
  private static final double MWH_PER_KWH = 1_000_000.0;

  /** Shape [weekend?1:0][hour], mean 1 over the week. */
  private final double[][] residential;
  private final String source;

  private LoadModel(double[][] residential, String source) {
    this.residential = residential;
    this.source = source;
  }

  /** Reads the Green Button feed from the jar and derives the household shape from its March. */
  static LoadModel fromGreenButton() {
    byte[] content;
    try (InputStream in = Objects.requireNonNull(LoadModel.class.getResourceAsStream(GREEN_BUTTON_RESOURCE),
        GREEN_BUTTON_RESOURCE)) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenButtonImport gb = GreenButtonReader.create().readAll(GREEN_BUTTON_RESOURCE, content);
    IntervalSeries s = gb.usagePoints().get(0).series().orElseThrow();
    ZoneId zone = ZoneId.of("America/New_York"); // the sample customer's utility is in US Eastern time
    double[][] sum = new double[2][24];
    int[][] n = new int[2][24];
    for (int i = 0; i < s.size(); i++) {
      ZonedDateTime t = s.grid().intervalStart(i).atZone(zone);
      if (t.getMonth() != Month.MARCH) {
        continue;
      }
      int we = isWeekend(t.getDayOfWeek()) ? 1 : 0;
      sum[we][t.getHour()] += s.importAt(i) / MWH_PER_KWH;
      n[we][t.getHour()]++;
    }
    double[][] shape = new double[2][24];
    double total = 0;
    int count = 0;
    for (int we = 0; we < 2; we++) {
      for (int h = 0; h < 24; h++) {
        shape[we][h] = n[we][h] == 0 ? 0 : sum[we][h] / n[we][h];
        total += shape[we][h] * (we == 0 ? 5 : 2);
        count += we == 0 ? 5 : 2;
      }
    }
    double mean = total / count;
    for (int we = 0; we < 2; we++) {
      for (int h = 0; h < 24; h++) {
        shape[we][h] /= mean;
      }
    }
    return new LoadModel(shape, GREEN_BUTTON_RESOURCE + " (" + s.size() + " hourly readings)");
  }

  /** Where the household shape came from. */
  String source() {
    return source;
  }

  private static boolean isWeekend(DayOfWeek d) {
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  /** The household shape at a fractional local hour, interpolated between hourly averages. */
  double household(boolean weekend, double hour) {
    double[] row = residential[weekend ? 1 : 0];
    int h0 = (int) Math.floor(hour - 0.5);
    double f = hour - 0.5 - h0;
    double a = row[Math.floorMod(h0, 24)];
    double b = row[Math.floorMod(h0 + 1, 24)];
    return a + (b - a) * f;
  }

  private static double business(boolean closed, double hour) {
    if (closed) {
      return 0.25;
    }
    double open = smoothStep(hour, 7.0, 9.0) * (1 - smoothStep(hour, 18.0, 20.0));
    return 0.25 + 1.55 * open;
  }

  private static double smoothStep(double x, double from, double to) {
    double t = Math.max(0, Math.min(1, (x - from) / (to - from)));
    return t * t * (3 - 2 * t);
  }

  /** Solar output per kWp at a local hour on a day with a cloud factor (kW). */
  private static double solar(double hour, double cloud) {
    double sunrise = 6.4;
    double sunset = 18.5;
    if (hour <= sunrise || hour >= sunset) {
      return 0;
    }
    return 0.82 * cloud * Math.sin(Math.PI * (hour - sunrise) / (sunset - sunrise));
  }

  /** One account's month: the meter's import/export series and the solar plant's own generation (mWh). */
  static final class Month15 {
    final IntervalSeries meter;
    final long generationMwh;
    final int estimated;

    Month15(IntervalSeries meter, long generationMwh, int estimated) {
      this.meter = meter;
      this.generationMwh = generationMwh;
      this.estimated = estimated;
    }
  }

  /**
   * Generates an account's month. Accounts with {@link DemoAccount#gapIntervals()} lose that many consecutive
   * readings (a communication failure), which are estimated by linear interpolation, the declared rule, and flagged
   * ESTIMATED on the bill.
   */
  Month15 generate(DemoAccount a, BillingPeriod period, IntervalLength length) {
    IntervalGrid grid = IntervalGrid.forPeriod(period, length);
    SplittableRandom r = new SplittableRandom(a.seed());
    int n = grid.count();
    double hours = length.minutes() / 60.0;
    ZoneId zone = period.zone();
    IntervalReadings readings = IntervalReadings.forMeter(a.meterId(), length);
    int gapFrom = a.gapIntervals() > 0 ? 200 + r.nextInt(Math.max(1, n - 400)) : -1;
    long generation = 0;
    int lastDay = -1;
    double weather = 1;
    double cloud = 1;
    boolean closed = false;
    boolean weekend = false;
    double meanKw = a.annualKwh() / 8760.0;
    Instant start = grid.start();
    long step = length.seconds();
    Instant shedFrom = a.drShedFrom();
    Instant shedTo = a.drShedTo();
    for (int i = 0; i < n; i++) {
      Instant at = start.plusSeconds(i * step);
      ZonedDateTime t = at.atZone(zone);
      if (t.getDayOfYear() != lastDay) {
        lastDay = t.getDayOfYear();
        weather = 0.85 + 0.3 * r.nextDouble();
        cloud = r.nextDouble() < 0.2 ? 0.25 + 0.4 * r.nextDouble() : 0.8 + 0.2 * r.nextDouble();
        weekend = isWeekend(t.getDayOfWeek());
        closed = a.kind().book() == DemoBook.INR ? t.getDayOfWeek() == DayOfWeek.SUNDAY : weekend;
      }
      double hour = t.getHour() + t.getMinute() / 60.0 + hours / 2;
      double shape = a.kind().isBusiness() ? business(closed, hour) : household(weekend, hour);
      double loadKw = meanKw * shape * weather * (0.85 + 0.3 * r.nextDouble());
      if (shedFrom != null && shedTo != null && !at.isBefore(shedFrom) && at.isBefore(shedTo)) {
        loadKw *= 0.55; // the customer sheds load during the demand-response event
      }
      double pvKw = a.solarKwp() * solar(hour, cloud) * (0.97 + 0.06 * r.nextDouble());
      long pv = Math.round(pvKw * hours * MWH_PER_KWH);
      long load = Math.round(loadKw * hours * MWH_PER_KWH);
      generation += pv;
      if (i >= gapFrom && i < gapFrom + a.gapIntervals()) {
        continue; // no reading arrived for this interval
      }
      readings.add(at, Math.max(load - pv, 0), Math.max(pv - load, 0));
    }
    IntervalSeries s = readings.toSeries(period, GapFill.linear(Duration.ofHours(2)));
    return new Month15(s, generation, a.gapIntervals());
  }
}
