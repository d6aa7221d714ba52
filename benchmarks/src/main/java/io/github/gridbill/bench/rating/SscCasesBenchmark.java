package io.github.gridbill.bench.rating;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.formats.SscImport;
import io.github.gridbill.formats.SscReader;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import io.github.gridbill.rating.reference.ReferenceRater;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NREL SAM's {@code utilityrate5} test cases (the 33 that ssc rates; {@code SscConformanceTest} checks the results)
 * rated by GridBill: every case's first year with the system, month by month with the state carried, plans compiled
 * in setup (as a bill run with a plan cache does).
 *
 * <ul>
 *   <li>{@link #engineAllCases()}: one op = one annual bill of every case (33 annual bills, 12 monthly bills each);
 *       annual bills/s = 33 × 1e9 / score, intervals/s = {@link #intervalsAll} × 1e9 / score.</li>
 *   <li>{@link #engineReferenceCases()} and {@link #referenceRater()}: the same work by the engine and by the
 *       per-interval {@code BigDecimal} reference rater of the tests, each case with its real tariff (every SAM
 *       convention: SAM billing demand, nested hours-use blocks, kWh banks moved by weekday hour, the net-surplus
 *       true-up, roll-over) and its imported initial state (prior-year peaks). A case is compared only where the
 *       reference agrees with the engine to the cent on all twelve bills (checked in setup; today every case). The
 *       speed-up is the ratio of the two scores.</li>
 * </ul>
 *
 * <p>The case files are read from the {@code billing-formats} test jar (inside the shaded benchmarks jar). For scale:
 * ssc itself rates cases of these kinds at about 7 million intervals/s (about 200 annual 15-minute bills/s) on this
 * machine class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SscCasesBenchmark {

  /** One case's first year: its twelve compiled plans and its meter data. */
  static final class Case {
    final String name;
    final RatingPlan[] plans;
    final IntervalSeries series;
    final BillingState initial;
    final long[][] imports;
    final long[][] exports;

    Case(String name, SscImport imp) {
      this.name = name;
      this.series = imp.withSystem();
      this.initial = imp.initialState();
      List<YearMonth> months = imp.months().subList(0, 12);
      this.plans = new RatingPlan[12];
      this.imports = new long[12][];
      this.exports = new long[12][];
      long[] imp0 = series.importsCopy();
      long[] exp0 = series.exportsCopy().orElse(new long[imp0.length]);
      for (int m = 0; m < 12; m++) {
        BillingPeriod p = BillingPeriod.ofMonth(months.get(m), ZoneOffset.UTC);
        plans[m] = RatingPlan.compile(imp.tariff(), p, series.grid().length());
        IntervalGrid g = plans[m].grid();
        int from = series.grid().indexOf(g.start());
        imports[m] = java.util.Arrays.copyOfRange(imp0, from, from + g.count());
        exports[m] = java.util.Arrays.copyOfRange(exp0, from, from + g.count());
      }
    }

    int intervals() {
      int n = 0;
      for (long[] a : imports) {
        n += a.length;
      }
      return n;
    }

    RatedBill engineYear(Rater rater) {
      RatedBill last = rater.rate(plans[0], series, initial);
      for (int m = 1; m < 12; m++) {
        last = rater.rate(plans[m], series, last.nextState());
      }
      return last;
    }

    List<BigDecimal> engineTotals(Rater rater) {
      List<BigDecimal> totals = new ArrayList<>();
      BillingState s = initial;
      for (int m = 0; m < 12; m++) {
        RatedBill b = rater.rate(plans[m], series, s);
        totals.add(b.bill().total().getAmount());
        s = b.nextState();
      }
      return totals;
    }

    ReferenceRater.Result referenceYear() {
      ReferenceRater.Result last = null;
      ReferenceRater.State s = ReferenceRater.State.from(initial);
      for (int m = 0; m < 12; m++) {
        last = ReferenceRater.rate(plans[m].tariff(), plans[m].period(), plans[m].intervalLength(), imports[m],
            exports[m], s);
        s = last.next();
      }
      return Objects.requireNonNull(last);
    }

    List<BigDecimal> referenceTotals() {
      List<BigDecimal> totals = new ArrayList<>();
      ReferenceRater.State s = ReferenceRater.State.from(initial);
      for (int m = 0; m < 12; m++) {
        ReferenceRater.Result r = ReferenceRater.rate(plans[m].tariff(), plans[m].period(),
            plans[m].intervalLength(), imports[m], exports[m], s);
        totals.add(r.total());
        s = r.next();
      }
      return totals;
    }
  }

  Rater rater = Rater.create();
  List<Case> all = List.of();
  List<Case> referenceCases = List.of();
  /** Intervals rated by one {@link #engineAllCases()} op. */
  long intervalsAll;
  /** Intervals rated by one {@link #referenceRater()} op (and one {@link #engineReferenceCases()} op). */
  long intervalsReference;
  /** Cases left out of the reference comparison, with why. */
  List<String> notCompared = new ArrayList<>();

  /** Reads every case that ssc rates, compiles its plans and picks the cases the reference rater agrees on. */
  @Setup
  public void setup() {
    Path base = sscFolder();
    List<Case> cases = new ArrayList<>();
    List<Case> ref = new ArrayList<>();
    notCompared = new ArrayList<>();
    try (Stream<Path> files = Files.list(base.resolve("cases"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".json", "");
        SscImport imp;
        try {
          imp = SscReader.read(f);
        } catch (BillingException refused) {
          continue; // the three cases ssc itself refuses
        }
        Case c = new Case(name, imp);
        cases.add(c);
        try {
          List<BigDecimal> e = c.engineTotals(rater);
          List<BigDecimal> r = c.referenceTotals();
          if (sameAmounts(e, r)) {
            ref.add(c);
          } else {
            notCompared.add(name + ": reference differs (" + r + " vs " + e + ")");
          }
        } catch (UnsupportedOperationException | BillingException e) {
          notCompared.add(name + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all = List.copyOf(cases);
    referenceCases = List.copyOf(ref);
    intervalsAll = all.stream().mapToLong(Case::intervals).sum();
    intervalsReference = referenceCases.stream().mapToLong(Case::intervals).sum();
    System.out.printf("%n[ssc] %d cases, %d intervals per op; reference rater on %d cases, %d intervals per op%n",
        all.size(), intervalsAll, referenceCases.size(), intervalsReference);
    for (String n : notCompared) {
      System.out.println("[ssc] not compared with the reference rater: " + n);
    }
  }

  /**
   * Rates the first year of every case.
   *
   * @return a checksum of the December bills
   */
  @Benchmark
  public long engineAllCases() {
    long h = 0;
    for (Case c : all) {
      h += c.engineYear(rater).bill().total().getAmountMinorLong();
    }
    return h;
  }

  /**
   * Rates the first year of the cases the reference rater supports, with the engine.
   *
   * @return a checksum of the December bills
   */
  @Benchmark
  public long engineReferenceCases() {
    long h = 0;
    for (Case c : referenceCases) {
      h += c.engineYear(rater).bill().total().getAmountMinorLong();
    }
    return h;
  }

  /**
   * Rates the same cases with the per-interval reference rater.
   *
   * @return a checksum of the December bills
   */
  @Benchmark
  public long referenceRater() {
    long h = 0;
    for (Case c : referenceCases) {
      h += c.referenceYear().total().movePointRight(2).longValue();
    }
    return h;
  }

  private static boolean sameAmounts(List<BigDecimal> a, List<BigDecimal> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).compareTo(b.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The folder holding {@code expected.json}, {@code cases/} and {@code inputs/}, inside a jar or on disk. */
  static Path sscFolder() {
    try {
      URI uri = Objects.requireNonNull(SscCasesBenchmark.class.getResource("/ssc/expected.json"),
          "the billing-formats test jar with /ssc/expected.json must be on the class path").toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // opened by an earlier setup in this JVM
        }
      }
      return Objects.requireNonNull(Path.of(uri).getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the ssc cases", e);
    }
  }
}
