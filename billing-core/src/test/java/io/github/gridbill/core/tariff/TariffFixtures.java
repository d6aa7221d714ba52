package io.github.gridbill.core.tariff;

import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.Season;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;

/** Small builders shared by the tariff tests: decimals, hourly profiles and a two-season, three-period schedule. */
final class TariffFixtures {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final int OFF_PEAK = 0;
  static final int SHOULDER = 1;
  static final int PEAK = 2;
  static final Season SUMMER = Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30));
  static final Season WINTER = Season.of("winter", MonthDay.of(10, 1), MonthDay.of(5, 31));

  private TariffFixtures() {}

  static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** 24 hourly slots: {@code base} everywhere, {@code period} in {@code [fromHour, toHour)}. */
  static List<Integer> hours(int base, int fromHour, int toHour, int period) {
    List<Integer> slots = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      slots.add(h >= fromHour && h < toHour ? period : base);
    }
    return slots;
  }

  /**
   * Hourly slots with a shoulder band around a peak band: off-peak, shoulder [s1, p1), peak [p1, p2), shoulder
   * [p2, s2).
   */
  static List<Integer> threeBands(int s1, int p1, int p2, int s2) {
    List<Integer> slots = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      int p = OFF_PEAK;
      if (h >= s1 && h < s2) {
        p = SHOULDER;
      }
      if (h >= p1 && h < p2) {
        p = PEAK;
      }
      slots.add(p);
    }
    return slots;
  }

  /**
   * Summer (June to September) and winter seasons; three periods (off-peak, shoulder, peak); weekday, weekend and a
   * summer holiday profile; NERC holidays. Summer weekdays: shoulder 7–14, peak 14–20, shoulder 20–22. Summer weekends:
   * shoulder 14–20. Summer holidays: off-peak all day. Winter weekdays: shoulder 7–17, peak 17–20, shoulder 20–22.
   * Winter weekends off-peak; winter holidays fall back to the weekend profile.
   */
  static TouSchedule twoSeasonSchedule() {
    return TouSchedule.builder()
        .name("summer/winter 3-period")
        .addPeriodNames("off-peak", "shoulder", "peak")
        .addSeasons(SUMMER, WINTER)
        .calendar(DayCalendar.standard(HolidayCalendar.nerc()))
        .addProfile(DayProfile.of("summer", DayType.WEEKDAY, threeBands(7, 14, 20, 22)))
        .addProfile(DayProfile.of("summer", DayType.WEEKEND, hours(OFF_PEAK, 14, 20, SHOULDER)))
        .addProfile(DayProfile.of("summer", DayType.HOLIDAY, hours(OFF_PEAK, 0, 0, OFF_PEAK)))
        .addProfile(DayProfile.of("winter", DayType.WEEKDAY, threeBands(7, 17, 20, 22)))
        .addProfile(DayProfile.of("winter", DayType.WEEKEND, hours(OFF_PEAK, 0, 0, OFF_PEAK)))
        .build();
  }

  /** The DOMAIN tiers: 0–100 kWh @0.10, 100–300 @0.15, above 300 @0.20. */
  static List<Tier> domainTiers() {
    return List.of(Tier.upTo(bd("100"), bd("0.10")), Tier.upTo(bd("300"), bd("0.15")), Tier.unbounded(bd("0.20")));
  }

  static EnergyCharge flatEnergy(String id, String rate) {
    return EnergyCharge.builder().id(id).description("Energy").addPeriod(PeriodTiers.flat(0, bd(rate))).build();
  }

  static TariffVersion.Builder version(String effectiveFrom) {
    return TariffVersion.builder().effectiveFrom(date(effectiveFrom));
  }

  static Tariff tariff(String id, TariffVersion... versions) {
    return Tariff.builder().id(id).name(id).currency(USD).zone(NEW_YORK).addVersions(versions).build();
  }

  /**
   * A small reference of the DOMAIN tier arithmetic, to show the model carries what rating needs: BLOCK prices each
   * tier's share at its rate, VOLUME prices every unit at the rate of the tier reached. Bounds are in the tiers' unit
   * already scaled by {@code boundScale} (days, kW, ...).
   */
  static BigDecimal reference(List<Tier> tiers, TierMode mode, BigDecimal usage, BigDecimal boundScale) {
    BigDecimal lower = BigDecimal.ZERO;
    BigDecimal amount = BigDecimal.ZERO;
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      boolean last = i == tiers.size() - 1;
      BigDecimal upper = t.upTo().map(u -> u.multiply(boundScale)).orElse(null);
      if (mode == TierMode.VOLUME) {
        if (last || usage.compareTo(upper) < 0) {
          return usage.multiply(t.rate());
        }
      } else {
        BigDecimal top = last || upper == null ? usage : usage.min(upper);
        if (top.compareTo(lower) > 0) {
          amount = amount.add(top.subtract(lower).multiply(t.rate()));
        }
        if (upper != null) {
          lower = upper;
        }
      }
    }
    return amount;
  }
}
