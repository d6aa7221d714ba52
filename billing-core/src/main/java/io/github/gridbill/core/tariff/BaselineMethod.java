package io.github.gridbill.core.tariff;

/** How a demand-response baseline is formed from eligible days. */
public enum BaselineMethod {
  /** Average of the X most recent eligible days of the last Y (10-of-10: X = Y = 10). */
  AVERAGE,
  /** Average of the X eligible days of the last Y with the highest usage in the event window (4-of-5, 5-of-10). */
  HIGHEST_X_OF_Y
}
