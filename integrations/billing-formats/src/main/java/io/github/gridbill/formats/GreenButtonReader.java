package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.formats.EspiFeedIndex.Channel;
import io.github.gridbill.formats.EspiFeedIndex.ChannelRole;
import io.github.gridbill.formats.EspiFeedIndex.Plan;
import io.github.gridbill.formats.EspiFeedIndex.Target;
import io.github.gridbill.formats.EspiScanner.BlockBuffer;
import io.github.gridbill.formats.EspiScanner.EntryHead;
import io.github.gridbill.formats.EspiScanner.XNode;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads Green Button (NAESB ESPI) Atom feeds into one {@link IntervalSeries} per usage point, streaming.
 *
 * <p>Entries are linked by their {@code self}, {@code up} and {@code related} hrefs: a UsagePoint to its MeterReadings
 * and LocalTimeParameters, a MeterReading to its ReadingType (or one embedded in it) and IntervalBlocks. Energy is
 * {@code value × 10^powerOfTenMultiplier} Wh (uom 72) turned into exact milliwatt-hours (quantised with the declared
 * {@link RoundingMode} only when the multiplier is below -3); delivered readings (flowDirection 1) are imports,
 * received readings (19) exports, net readings (4) either by sign. Readings must share one duration of 1, 5, 10, 15, 30
 * or 60 minutes on one grid; intervals of the grid (from the first to the last reading or block bound) that no reading
 * covers are MISSING. ESPI ReadingQuality codes map as {@code EspiQuality} documents.
 *
 * <p>A usage point that is not interval electricity (natural-gas billing in therms, irregular billing periods, register
 * values, no readings) is reported as not convertible, with each {@link UnconvertibleReason} and its detail; nothing is
 * guessed. Costs, usage summaries and unused channels are listed as {@link NotCarried}.
 *
 * <p><b>Streaming.</b> {@link #read(Path, Consumer)} reads the file twice. Pass one validates the whole feed
 * (well-formed XML, numbers, links, overlaps, signs, sane maxima) keeping only per-entry links and per-block-group
 * summaries; pass two fills one usage point's arrays at a time and hands the result to the consumer as soon as its last
 * reading is read, then forgets it. Memory is one usage point's series (plus a few hundred bytes per entry that is not
 * an IntervalBlock), not the file: a feed of 1,000 meters × a year of 15-minute data is read with the memory of one
 * meter's year. Because pass one validates everything first, a malformed feed throws before any usage point is handed
 * over: nothing is half-imported. When the usage points' blocks are interleaved in the file, pass two holds every usage
 * point that is still open.
 *
 * <p>XML is read with the JDK's StAX parser with DTDs and external entities disabled; a document with a DOCTYPE is
 * refused. This class is immutable and thread-safe.
 */
public final class GreenButtonReader {

  /** Opens the document afresh for each pass. */
  interface Opener {
    InputStream open() throws IOException;
  }

  private final RoundingMode rounding;

  private GreenButtonReader(RoundingMode rounding) {
    this.rounding = rounding;
  }

  /**
   * A reader quantising sub-milliwatt-hour values (powerOfTenMultiplier below -3) with HALF_EVEN, an error of at most
   * 0.5 mWh per value.
   *
   * @return the reader, never null
   */
  public static GreenButtonReader create() {
    return new GreenButtonReader(RoundingMode.HALF_EVEN);
  }

  /**
   * A copy of this reader with another rounding mode for sub-milliwatt-hour values. This instance is immutable and
   * unaffected by this method.
   *
   * @param rounding the mode, for example HALF_UP, not UNNECESSARY, not null
   * @return the reader, never null
   * @throws ValidationException if the mode is UNNECESSARY (an inexact value would only be found in pass two)
   */
  public GreenButtonReader withRoundingMode(RoundingMode rounding) {
    Objects.requireNonNull(rounding, "rounding");
    if (rounding == RoundingMode.UNNECESSARY) {
      throw new ValidationException("rounding", rounding, "must round (UNNECESSARY cannot be checked before values"
          + " are handed over)");
    }
    return new GreenButtonReader(rounding);
  }

  /**
   * Streams a feed file: validates it whole, then hands over one usage point at a time.
   *
   * @param file the feed, not null
   * @param sink receives each usage point's result, in the order usage points complete, not null
   * @return what the feed holds that belongs to no usage point, never null
   * @throws DataFormatException if the feed is malformed (before anything is handed to the sink)
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<NotCarried> read(Path file, Consumer<UsagePointResult> sink) {
    Objects.requireNonNull(file, "file");
    return read(file.getFileName().toString(), () -> Files.newInputStream(file), sink);
  }

  /**
   * Reads a feed file into memory-held results.
   *
   * @param file the feed, not null
   * @return the import, never null
   * @throws DataFormatException if the feed is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public GreenButtonImport readAll(Path file) {
    Objects.requireNonNull(file, "file");
    return collect(file.getFileName().toString(), () -> Files.newInputStream(file));
  }

  /**
   * Reads a feed held in memory.
   *
   * @param sourceName the name used in errors, for example {@code "feed.xml"}, not null
   * @param content the document bytes, not null
   * @return the import, never null
   * @throws DataFormatException if the feed is malformed
   */
  public GreenButtonImport readAll(String sourceName, byte[] content) {
    Objects.requireNonNull(content, "content");
    byte[] copy = content.clone();
    return collect(sourceName, () -> new ByteArrayInputStream(copy));
  }

  private GreenButtonImport collect(String sourceName, Opener opener) {
    List<UsagePointResult> all = new ArrayList<>();
    List<NotCarried> feed = read(sourceName, opener, all::add);
    return GreenButtonImport.builder().source(sourceName).usagePoints(all).feedNotCarried(feed).build();
  }

  List<NotCarried> read(String sourceName, Opener opener, Consumer<UsagePointResult> sink) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(sink, "sink");
    EspiFeedIndex index = new EspiFeedIndex(sourceName, rounding);
    try (InputStream in = opener.open()) {
      EspiScanner.scan(sourceName, in, index, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    index.resolve();
    // every check has passed: hand over what needs no data, then stream the series
    for (UsagePointResult r : index.immediate) {
      sink.accept(r);
    }
    if (!index.plans.isEmpty()) {
      Filler filler = new Filler(sourceName, index, sink);
      try (InputStream in = opener.open()) {
        EspiScanner.scan(sourceName, in, filler, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Plan p : index.plans) {
        if (p.remaining != 0) {
          throw new DataFormatException(sourceName, "document", "IntervalReading", p.remaining + " readings",
              "must be the same in both passes (the file changed while it was read)");
        }
      }
    }
    return List.copyOf(index.feedNotCarried);
  }

  /** Pass two: places readings into the arrays of their usage point and emits it when complete. */
  private static final class Filler implements EspiScanner.Handler {
    private final String source;
    private final EspiFeedIndex index;
    private final Consumer<UsagePointResult> sink;

    Filler(String source, EspiFeedIndex index, Consumer<UsagePointResult> sink) {
      this.source = source;
      this.index = index;
      this.sink = sink;
    }

    @Override
    public void entry(EntryHead head, @Nullable XNode content) {
      // pass two reads blocks only
    }

    @Override
    public void block(EntryHead head, BlockBuffer b) {
      Target t = index.targets.get(EspiFeedIndex.groupKey(head));
      if (t == null) {
        return;
      }
      Plan p = t.plan;
      Channel c = t.channel;
      if (p.imports == null) {
        allocate(p);
      }
      long start = p.grid.start().getEpochSecond();
      long len = p.grid.length().seconds();
      for (int i = 0; i < b.size; i++) {
        long idx = (b.start[i] - start) / len;
        if (idx < 0 || idx >= p.grid.count() || (b.start[i] - start) % len != 0 || b.duration[i] != len) {
          throw new DataFormatException(source, "line " + b.line[i], "IntervalReading/timePeriod", b.start[i],
              "must be the same in both passes (the file changed while it was read)");
        }
        int k = (int) idx;
        long mwh = index.toMilliwattHours(b.value[i], c.powerOfTen);
        byte q = EspiQuality.quality(b.quality[i]).code();
        byte m = EspiQuality.method(b.quality[i]).code();
        long[] imp = Objects.requireNonNull(p.imports);
        if (c.role == ChannelRole.IMPORT) {
          imp[k] = mwh;
          Objects.requireNonNull(p.importQuality)[k] = q;
          Objects.requireNonNull(p.importMethod)[k] = m;
        } else if (c.role == ChannelRole.EXPORT) {
          Objects.requireNonNull(p.exports)[k] = mwh;
          Objects.requireNonNull(p.exportQuality)[k] = q;
          Objects.requireNonNull(p.exportMethod)[k] = m;
        } else {
          imp[k] = Math.max(mwh, 0);
          Objects.requireNonNull(p.exports)[k] = Math.max(-mwh, 0);
          Objects.requireNonNull(p.importQuality)[k] = q;
          Objects.requireNonNull(p.importMethod)[k] = m;
        }
        p.remaining--;
      }
      if (p.remaining == 0) {
        sink.accept(finish(p));
      }
    }

    private static void allocate(Plan p) {
      int n = p.grid.count();
      boolean importChannel = p.channels.stream().anyMatch(c -> c.role != ChannelRole.EXPORT);
      boolean exportChannel = p.channels.stream().anyMatch(c -> c.role == ChannelRole.EXPORT);
      p.imports = new long[n];
      if (p.hasExportChannel()) {
        p.exports = new long[n];
      }
      p.importQuality = new byte[n];
      p.importMethod = new byte[n];
      Arrays.fill(p.importQuality, importChannel ? (byte) -1 : ReadingQuality.ACTUAL.code());
      if (exportChannel) {
        p.exportQuality = new byte[n];
        p.exportMethod = new byte[n];
        Arrays.fill(p.exportQuality, (byte) -1);
      }
    }

    private static UsagePointResult finish(Plan p) {
      int n = p.grid.count();
      long[] imp = Objects.requireNonNull(p.imports);
      long[] exp = p.exports;
      byte[] iq = Objects.requireNonNull(p.importQuality);
      byte[] im = Objects.requireNonNull(p.importMethod);
      byte[] eq = p.exportQuality;
      byte[] em = p.exportMethod;
      byte[] quality = new byte[n];
      byte[] methods = new byte[n];
      int missing = 0;
      int partial = 0;
      boolean anyNonActual = false;
      for (int i = 0; i < n; i++) {
        boolean hasImport = iq[i] >= 0;
        boolean hasExport = eq == null || eq[i] >= 0;
        if (!hasImport || !hasExport) {
          if (eq != null && hasImport != hasExport) {
            partial++;
          }
          missing++;
          imp[i] = 0;
          if (exp != null) {
            exp[i] = 0;
          }
          quality[i] = ReadingQuality.MISSING.code();
          methods[i] = EstimationMethod.NONE.code();
        } else {
          byte q = eq == null ? iq[i] : (byte) Math.max(iq[i], eq[i]);
          quality[i] = q;
          byte m = im[i];
          if (m == 0 && em != null) {
            m = em[i];
          }
          methods[i] = m;
        }
        anyNonActual |= quality[i] != 0 || methods[i] != 0;
      }
      IntervalSeries.Builder b = IntervalSeries.builder(p.usagePoint.head.name(), p.grid).imports(imp);
      if (exp != null) {
        b.exports(exp);
      }
      if (anyNonActual) {
        b.quality(quality).methods(methods);
      }
      List<NotCarried> notes = new ArrayList<>(p.notCarried);
      if (partial > 0) {
        notes.add(NotCarried.of(p.usagePoint.head.where(), partial + " intervals with only one of import and export",
            "an interval is MISSING unless every channel has a reading"));
      }
      List<Assumption> assumptions = new ArrayList<>(p.assumptions);
      if (missing > 0) {
        assumptions.add(Assumption.of(p.usagePoint.head.where(), missing + " of " + n
            + " intervals of the grid have no reading", "MISSING with 0 energy"));
      }
      IntervalSeries series = b.build();
      p.imports = null;
      p.exports = null;
      p.importQuality = null;
      p.exportQuality = null;
      p.importMethod = null;
      p.exportMethod = null;
      return EspiFeedIndex.result(p.usagePoint, series, List.of(), p.localTime, notes, assumptions);
    }
  }
}
