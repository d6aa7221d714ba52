package io.github.gridbill.rating.vee;

import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.ReadingQuality;
import java.util.Objects;
import java.util.Optional;

/**
 * The AEMO quality and method flags (Metrology Procedure: Part B; MDFF NEM12 "QualityMethod") that GridBill's
 * qualities and methods correspond to, for exchanging data with Australian market systems.
 *
 * <p>Quality: ACTUAL {@code A}, SUBSTITUTED and ESTIMATED {@code S} (substituted after the fact; {@code E}, a
 * forward estimate, and {@code F}, final substituted, describe settlement status that GridBill does not track), EDITED
 * {@code S} (a manual substitution), MISSING {@code N} (null). Method: LIKE_DAY 14, AVERAGE_OF_LIKE_DAYS 15,
 * LINEAR_INTERPOLATION 17, ZERO_DEENERGISED 19, REGISTER_SCALED 24 ("data scaling"), MANUAL_EDIT 16 ("agreed", an
 * assumption: AEMO retired it in v7.8 and has no exact manual-edit code).
 */
public final class AemoFlags {
  private AemoFlags() {}

  /**
   * The AEMO quality flag of a quality: {@code quality(ACTUAL)} is {@code "A"}.
   *
   * @param quality the quality, not null
   * @return "A", "S" or "N", never null
   */
  public static String quality(ReadingQuality quality) {
    Objects.requireNonNull(quality, "quality");
    switch (quality) {
      case ACTUAL:
        return "A";
      case MISSING:
        return "N";
      default:
        return "S";
    }
  }

  /**
   * The AEMO method flag of a method: {@code method(LINEAR_INTERPOLATION)} is 17.
   *
   * @param method the method, not null
   * @return the flag, or empty for NONE (an actual reading has no method flag)
   */
  public static Optional<Integer> method(EstimationMethod method) {
    Objects.requireNonNull(method, "method");
    switch (method) {
      case LIKE_DAY:
        return Optional.of(14);
      case AVERAGE_OF_LIKE_DAYS:
        return Optional.of(15);
      case MANUAL_EDIT:
        return Optional.of(16);
      case LINEAR_INTERPOLATION:
        return Optional.of(17);
      case ZERO_DEENERGISED:
        return Optional.of(19);
      case REGISTER_SCALED:
        return Optional.of(24);
      default:
        return Optional.empty();
    }
  }
}
