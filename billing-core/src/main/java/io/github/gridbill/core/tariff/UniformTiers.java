package io.github.gridbill.core.tariff;

import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The SAM rule that TOU tiers have the same bounds in every period used in a month. */
final class UniformTiers {
  private UniformTiers() {}

  static void check(TariffVersionDef v) {
    for (EnergyCharge e : v.energyCharges()) {
      checkCharge("Energy", e.schedule(), e.periods());
    }
    for (DemandCharge d : v.demandCharges()) {
      checkCharge("Demand", d.schedule(), d.periods());
    }
  }

  private static String label(String what, TierUnit u) {
    if (what.equals("Demand")) {
      return "kW";
    }
    switch (u) {
      case KWH_PER_DAY:
        return "kWh/day";
      case KWH_PER_KW:
        return "kWh/kW";
      case KWH_PER_KW_PER_DAY:
        return "kWh/kW/day";
      case KW:
        return "kW";
      default:
        return "kWh";
    }
  }

  private static void checkCharge(String what, Optional<TouSchedule> schedule, List<PeriodTiers> periods) {
    if (schedule.isEmpty()) {
      return;
    }
    TouSchedule s = schedule.get();
    for (Month m : Month.values()) {
      TreeSet<Integer> used = new TreeSet<>();
      LocalDate d = LocalDate.of(2021, m, 1);
      while (d.getMonth() == m) {
        for (int slot : s.profileOn(d).slots()) {
          used.add(slot);
        }
        d = d.plusDays(1);
      }
      PeriodTiers first = null;
      for (int p : used) {
        Optional<PeriodTiers> pt = periods.stream().filter(x -> x.period() == p).findFirst();
        if (pt.isEmpty()) {
          continue;
        }
        if (first == null) {
          first = pt.get();
          continue;
        }
        int n = Math.min(first.tiers().size(), pt.get().tiers().size());
        for (int t = 0; t < n; t++) {
          Optional<BigDecimal> a = first.tiers().get(t).upTo();
          Optional<BigDecimal> b = pt.get().tiers().get(t).upTo();
          boolean same = a.isPresent() == b.isPresent()
              && (a.isEmpty() || a.get().compareTo(b.get()) == 0)
              && first.tiers().get(t).unit() == pt.get().tiers().get(t).unit();
          if (!same) {
            String mon = m.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
            Tier ta = first.tiers().get(t);
            Tier tb = pt.get().tiers().get(t);
            throw new ValidationException(
                what.toLowerCase(Locale.ROOT) + " tier " + (t + 1) + " bound in " + mon + " period \""
                    + s.periodNames().get(p) + "\"",
                b.map(BigDecimal::toPlainString).orElse("unbounded") + " " + label(what, tb.unit()),
                "must equal period \"" + s.periodNames().get(first.period()) + "\"'s "
                    + a.map(BigDecimal::toPlainString).orElse("unbounded") + " " + label(what, ta.unit())
                    + " (tiers should have the same max usage across periods in the same month for TOU rates)");
          }
        }
      }
    }
  }
}
