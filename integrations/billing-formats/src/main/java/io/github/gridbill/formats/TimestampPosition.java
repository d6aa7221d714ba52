package io.github.gridbill.formats;

/** Which end of its interval a CSV timestamp names. */
public enum TimestampPosition {
  /** The timestamp is the start of the interval (00:00 names [00:00, 00:15)). */
  INTERVAL_START,
  /** The timestamp is the end of the interval, as many utility exports write it (00:15 names [00:00, 00:15)). */
  INTERVAL_END
}
