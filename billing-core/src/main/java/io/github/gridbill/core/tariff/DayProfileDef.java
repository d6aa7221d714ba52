package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.DayType;
import java.util.List;
import org.immutables.value.Value;

/**
 * The TOU periods of one kind of day in one season: equal time slots from local midnight, each naming a period.
 *
 * <p>24 slots make an hourly profile, 48 half-hourly, 96 quarter-hourly. {@code DayProfile.of("summer",
 * DayType.WEEKDAY, hours)} where {@code hours.get(17) == 2} puts 17:00–18:00 local time in period 2. Instances are
 * immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DayProfileDef {

  /**
   * The season this profile applies in (a {@link io.github.gridbill.core.time.Season} name of the schedule).
   *
   * @return the season name
   */
  @Value.Parameter
  public abstract String season();

  /**
   * The kind of day.
   *
   * @return the day type
   */
  @Value.Parameter
  public abstract DayType dayType();

  /**
   * The period of each slot from local midnight.
   *
   * @return the slot periods: 24, 48, 96, 288 or 1440 entries
   */
  @Value.Parameter
  public abstract List<Integer> slots();

  /**
   * The length of a slot in minutes: 60 for 24 slots.
   *
   * @return minutes per slot
   */
  @Value.Derived
  public int slotMinutes() {
    return slots().isEmpty() ? 0 : 1440 / slots().size();
  }

  @Value.Check
  void check() {
    int n = slots().size();
    if (n == 0 || 1440 % n != 0 || !(n == 24 || n == 48 || n == 96 || n == 288 || n == 1440)) {
      throw new ValidationException(
          "profiles[" + season() + "/" + dayType() + "].slots", n, "must have 24, 48, 96, 288 or 1440 entries");
    }
    for (int i = 0; i < n; i++) {
      if (slots().get(i) < 0) {
        throw new ValidationException(
            "profiles[" + season() + "/" + dayType() + "].slots[" + i + "]", slots().get(i), "must not be negative");
      }
    }
  }
}
