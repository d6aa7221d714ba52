package io.github.gridbill.formats;

import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.ReadingQuality;

/**
 * ESPI QualityOfReading codes and the GridBill {@link ReadingQuality} and {@link EstimationMethod} each maps to.
 *
 * <p>0 valid, 14 raw, 17 validated, 18 verified, 19 revenue-quality: ACTUAL. 7 manually edited: EDITED / MANUAL_EDIT.
 * 8 estimated using a reference day: ESTIMATED / LIKE_DAY. 9 estimated using linear interpolation: ESTIMATED /
 * LINEAR_INTERPOLATION. 11 derived-deterministic: SUBSTITUTED. 10 questionable, 12 projected, 13 mixed,
 * 15 normalized for weather, 16 other, and unknown codes: ESTIMATED (the reader reports these codes as not carried).
 */
final class EspiQuality {
  private EspiQuality() {}

  static ReadingQuality quality(int code) {
    switch (code) {
      case -1:
      case 0:
      case 14:
      case 17:
      case 18:
      case 19:
        return ReadingQuality.ACTUAL;
      case 7:
        return ReadingQuality.EDITED;
      case 11:
        return ReadingQuality.SUBSTITUTED;
      default:
        return ReadingQuality.ESTIMATED;
    }
  }

  static EstimationMethod method(int code) {
    switch (code) {
      case 7:
        return EstimationMethod.MANUAL_EDIT;
      case 8:
        return EstimationMethod.LIKE_DAY;
      case 9:
        return EstimationMethod.LINEAR_INTERPOLATION;
      default:
        return EstimationMethod.NONE;
    }
  }

  /** Whether the code maps to GridBill without losing what it says. */
  static boolean isExact(int code) {
    return code == 0 || code == 7 || code == 8 || code == 9 || code == 14 || code == 17 || code == 18 || code == 19;
  }

  static String name(int code) {
    switch (code) {
      case 0:
        return "valid";
      case 7:
        return "manually edited";
      case 8:
        return "estimated using reference day";
      case 9:
        return "estimated using linear interpolation";
      case 10:
        return "questionable";
      case 11:
        return "derived";
      case 12:
        return "projected (forecast)";
      case 13:
        return "mixed";
      case 14:
        return "raw";
      case 15:
        return "normalized for weather";
      case 16:
        return "other";
      case 17:
        return "validated";
      case 18:
        return "verified";
      case 19:
        return "revenue-quality";
      default:
        return "unknown";
    }
  }
}
