package io.github.gridbill.core.tariff;

/**
 * How a demand-response customer baseline is formed from the eligible like days of its window.
 *
 * <p>A rule's "X of Y" reads: of the Y most recent eligible like days, average X. {@code AVERAGE} with X = Y = 10 is
 * the CAISO "10-in-10" (and DOMAIN.md's example); {@code HIGHEST_X_OF_Y} with 4 of 5 is PJM Manual 11's weekday "High
 * 4 of 5", with 5 of 10 the NYISO weekday CBL and PG&amp;E SmartDays, with 2 of 3 the PJM and NYISO weekend CBL.
 */
public enum BaselineMethod {
  /** Average of the X most recent of the Y eligible days (10-in-10: X = Y = 10). */
  AVERAGE,
  /**
   * Average of the X of the Y eligible days with the highest usage in the event window (4 of 5, 5 of 10, 2 of 3);
   * ties go to the more recent day.
   */
  HIGHEST_X_OF_Y
}
