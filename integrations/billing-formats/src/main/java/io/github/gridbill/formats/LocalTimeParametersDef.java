package io.github.gridbill.formats;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.immutables.value.Value;

/**
 * A Green Button LocalTimeParameters resource: the standard offset, the DST offset and the DST start and end rules.
 *
 * <p>{@code tzOffset -18000, dstOffset 3600, dstStartRule 360E2000, dstEndRule B40E2000} is US Eastern time: DST from
 * the second Sunday of March 02:00 to the first Sunday of November 02:00. The rules are 32-bit words (IEEE 2030.5 /
 * ESPI): bits 0–11 seconds, 12–16 hour, 17–19 day of week (1 = Monday), 20–24 day of month, 25–27 operator (0 day of
 * month, 1 day of week on or after the day of month, 2–6 first to fifth day of week of the month, 7 last), 28–31 month.
 * Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class LocalTimeParametersDef {

  /**
   * The standard offset from UTC in seconds, for example -18000.
   *
   * @return the offset
   */
  public abstract int tzOffsetSeconds();

  /**
   * The DST shift in seconds, for example 3600; 0 when the zone has no DST.
   *
   * @return the shift
   */
  public abstract int dstOffsetSeconds();

  /**
   * The DST start rule word, for example {@code 0x360E2000}.
   *
   * @return the rule
   */
  public abstract long dstStartRule();

  /**
   * The DST end rule word, for example {@code 0xB40E2000}.
   *
   * @return the rule
   */
  public abstract long dstEndRule();

  /**
   * The zone rules these parameters describe: the same rules every year from 1970 on.
   *
   * @return the rules, never null
   * @throws ValidationException if a rule word names no month or day
   */
  public ZoneRules zoneRules() {
    ZoneOffset std = ZoneOffset.ofTotalSeconds(tzOffsetSeconds());
    if (dstOffsetSeconds() == 0 || dstStartRule() == 0) {
      return ZoneRules.of(std);
    }
    ZoneOffset dst = ZoneOffset.ofTotalSeconds(tzOffsetSeconds() + dstOffsetSeconds());
    ZoneOffsetTransitionRule start = rule("dstStartRule", dstStartRule(), std, std, dst);
    ZoneOffsetTransitionRule end = rule("dstEndRule", dstEndRule(), std, dst, std);
    // java.time applies the yearly rules only after the last listed transition: list the end of DST in 1969
    return ZoneRules.of(std, dst, List.of(), List.of(end.createTransition(1969)), List.of(start, end));
  }

  private static ZoneOffsetTransitionRule rule(String field, long word, ZoneOffset std, ZoneOffset before,
      ZoneOffset after) {
    int seconds = (int) (word & 0xFFF);
    int hour = (int) ((word >> 12) & 0x1F);
    int dow = (int) ((word >> 17) & 0x7);
    int dom = (int) ((word >> 20) & 0x1F);
    int op = (int) ((word >> 25) & 0x7);
    int month = (int) ((word >> 28) & 0xF);
    if (month < 1 || month > 12 || hour > 23 || seconds > 3599) {
      throw new ValidationException(field, Long.toHexString(word).toUpperCase(java.util.Locale.ROOT),
          "must name a month 1-12, an hour 0-23 and seconds 0-3599");
    }
    Month m = Month.of(month);
    LocalTime time = LocalTime.of(hour, seconds / 60, seconds % 60);
    if (op == 0) {
      if (dom < 1) {
        throw new ValidationException(field, Long.toHexString(word), "must name a day of the month");
      }
      return ZoneOffsetTransitionRule.of(m, dom, null, time, false, TimeDefinition.WALL, std, before, after);
    }
    if (dow < 1) {
      throw new ValidationException(field, Long.toHexString(word), "must name a day of the week");
    }
    DayOfWeek d = DayOfWeek.of(dow);
    if (op == 1) {
      return ZoneOffsetTransitionRule.of(m, Math.max(dom, 1), d, time, false, TimeDefinition.WALL, std, before, after);
    }
    if (op == 7) {
      return ZoneOffsetTransitionRule.of(m, -1, d, time, false, TimeDefinition.WALL, std, before, after);
    }
    int nth = op - 1; // 2 -> first ... 6 -> fifth
    return ZoneOffsetTransitionRule.of(m, 1 + 7 * (nth - 1), d, time, false, TimeDefinition.WALL, std, before, after);
  }

}
