package io.github.gridbill.formats;

/** What a local timestamp that occurs twice (the repeated hour when DST ends) means. */
public enum AmbiguousTimeRule {
  /** Refuse it with a {@link LocalTimeException} naming the line and value (the default). */
  ERROR,
  /** Take the earlier of the two instants (the offset before the change, summer time). */
  EARLIER_OFFSET,
  /** Take the later of the two instants (the offset after the change, standard time). */
  LATER_OFFSET
}
