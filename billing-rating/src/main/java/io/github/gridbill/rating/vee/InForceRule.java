package io.github.gridbill.rating.vee;

import io.github.gridbill.rating.ReadingQuality;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of an interval's versions is in force. Versions are compared by their order of recording
 * ({@link ReadingVersion#sequence()}), never by wall-clock time.
 */
public enum InForceRule {
  /**
   * The latest actual beats an estimate: the latest ACTUAL or EDITED version if there is one, otherwise the latest
   * estimate. An estimate recorded after an actual reading never replaces it (re-running VEE cannot undo a reading);
   * an actual read after an edit replaces the edit. The default.
   */
  LATEST_ACTUAL_BEATS_ESTIMATE,
  /**
   * A manual edit prevails: the latest EDITED version if there is one, otherwise the latest ACTUAL, otherwise the
   * latest estimate; a reading arriving after an edit does not replace it until someone edits again.
   */
  EDITS_PREVAIL;

  /**
   * The version in force among an interval's versions.
   *
   * @param versions the versions in order of recording, not null
   * @return the version in force, or empty when there are none
   */
  public Optional<ReadingVersion> choose(List<ReadingVersion> versions) {
    Objects.requireNonNull(versions, "versions");
    ReadingVersion best = null;
    int bestRank = -1;
    for (ReadingVersion v : versions) {
      int rank = rank(v.quality());
      if (rank > bestRank || (rank == bestRank && best != null && v.sequence() > best.sequence())) {
        best = v;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  private int rank(ReadingQuality q) {
    switch (q) {
      case EDITED:
        return this == EDITS_PREVAIL ? 3 : 2;
      case ACTUAL:
        return 2;
      default:
        return 1;
    }
  }
}
