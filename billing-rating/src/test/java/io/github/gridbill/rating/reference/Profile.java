package io.github.gridbill.rating.reference;

import io.github.gridbill.core.time.IntervalGrid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * A compact, shrinkable description of a meter's load and generation; {@link #imports} and {@link #exports} expand it
 * deterministically per interval start instant, so an instant gets the same reading whichever grid it is on.
 *
 * <p>All parameters shrink toward zero: {@code Profile(0, 0, 0, 0, 0, 0)} is a meter that reads zero everywhere.
 *
 * @param loadWatts the average load level in W (0 to 20,000)
 * @param seed the noise seed
 * @param zeroPct percentage of intervals with zero import
 * @param spikePct percentage of intervals with a spike
 * @param spikeKw the spike level in kW
 * @param genWatts the generation level in W at solar noon (0 for no generation)
 */
public record Profile(int loadWatts, int seed, int zeroPct, int spikePct, int spikeKw, int genWatts) {

  /** A meter that reads zero. */
  public static final Profile ZERO = new Profile(0, 0, 0, 0, 0, 0);

  private SplittableRandom random(Instant t, long salt) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ t.getEpochSecond() * 0xBF58476D1CE4E5B9L ^ salt);
  }

  /** mWh in an interval of {@code minutes} at an average power in mW. */
  private static long mwh(double milliwatts, int minutes) {
    return Math.round(milliwatts * minutes / 60.0);
  }

  /**
   * The import of every interval of a grid, in mWh.
   *
   * @param grid the grid
   * @param zone the zone for the daily shape
   * @return the imports
   */
  public long[] imports(IntervalGrid grid, ZoneId zone) {
    long[] v = new long[grid.count()];
    int minutes = grid.length().minutes();
    for (int i = 0; i < v.length; i++) {
      Instant t = grid.intervalStart(i);
      SplittableRandom r = random(t, 1);
      int u = r.nextInt(100);
      if (u < zeroPct) {
        v[i] = 0;
      } else if (u < zeroPct + spikePct) {
        v[i] = mwh(spikeKw * 1_000_000.0 * (0.5 + r.nextDouble()), minutes);
      } else {
        int hour = LocalDateTime.ofInstant(t, zone).getHour();
        double shape = hour < 6 ? 0.5 : hour >= 17 && hour < 21 ? 1.8 : 1.0;
        v[i] = mwh(loadWatts * 1000.0 * shape * (0.2 + 1.6 * r.nextDouble()), minutes);
      }
    }
    return v;
  }

  /**
   * The export of every interval of a grid, in mWh.
   *
   * @param grid the grid
   * @param zone the zone for the solar shape
   * @return the exports
   */
  public long[] exports(IntervalGrid grid, ZoneId zone) {
    long[] v = new long[grid.count()];
    if (genWatts == 0) {
      return v;
    }
    int minutes = grid.length().minutes();
    for (int i = 0; i < v.length; i++) {
      Instant t = grid.intervalStart(i);
      LocalDateTime local = LocalDateTime.ofInstant(t, zone);
      double h = local.getHour() + local.getMinute() / 60.0;
      double sun = h < 6 || h >= 19 ? 0 : Math.sin(Math.PI * (h - 6) / 13);
      SplittableRandom r = random(t, 2);
      v[i] = mwh(genWatts * 1000.0 * sun * (0.3 + 0.9 * r.nextDouble()), minutes);
    }
    return v;
  }

  @Override
  public String toString() {
    return "Profile[loadWatts=" + loadWatts + ", seed=" + seed + ", zeroPct=" + zeroPct + ", spikePct=" + spikePct
        + ", spikeKw=" + spikeKw + ", genWatts=" + genWatts + "]";
  }
}
