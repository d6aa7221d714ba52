package io.github.gridbill.formats;

/** What a CSV value column measures. */
public enum ValueRole {
  /** Energy imported from the grid (delivered). */
  IMPORT,
  /** Energy exported to the grid (received). */
  EXPORT,
  /** Net energy at the meter: positive is import, negative export. */
  NET,
  /** Behind-the-meter load; with {@link #GENERATION}, the meter sees load − generation per interval. */
  LOAD,
  /** Behind-the-meter generation; with {@link #LOAD}, the meter sees load − generation per interval. */
  GENERATION
}
