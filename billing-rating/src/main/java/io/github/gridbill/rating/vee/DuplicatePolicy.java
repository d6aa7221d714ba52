package io.github.gridbill.rating.vee;

/**
 * Which of two conflicting readings for the same interval is used (Oracle's "Final Measurement Replacement" decides
 * the same question by configuration). Identical duplicates are always dropped with an INFO finding.
 */
public enum DuplicatePolicy {
  /** Keep the reading that arrived first; the finding is a WARNING. */
  KEEP_FIRST,
  /** Keep the reading that arrived last, taken as the head-end's correction; the finding is a WARNING. The default. */
  KEEP_LATEST,
  /** Use neither: the interval is rejected and estimated; the finding is a FAILURE. */
  REJECT
}
