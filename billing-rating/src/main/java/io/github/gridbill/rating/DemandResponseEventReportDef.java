package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.time.DayType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How one demand-response event was settled for one meter, step by step, so that an auditor can follow it hour by
 * hour: the days the baseline looked at and why each was excluded or chosen, the low-usage threshold, the same-day
 * adjustment (window, values, factor or offset, cap), and per hour the unadjusted and adjusted baseline, the actual
 * load, the reduction and the credit.
 *
 * <p>It is carried by the event's {@link BillLine#demandResponse()} and listed by {@link Bill#demandResponseEvents()};
 * {@link #text()} prints it, and {@link BillExplanation} includes it. Instances are immutable and thread-safe; treat
 * them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandResponseEventReportDef {

  /**
   * The program's id.
   *
   * @return the id
   */
  public abstract String programId();

  /**
   * The program's description.
   *
   * @return the description
   */
  public abstract String programDescription();

  /**
   * The event's id.
   *
   * @return the id
   */
  public abstract String eventId();

  /**
   * The local start of the event.
   *
   * @return the start
   */
  public abstract LocalDateTime startInclusive();

  /**
   * The local end of the event, exclusive.
   *
   * @return the end
   */
  public abstract LocalDateTime endExclusive();

  /**
   * The event day's type by the baseline's calendar.
   *
   * @return the day type
   */
  public abstract DayType eventDayType();

  /**
   * Which days were like days, in words: {@code "weekdays"}, {@code "weekend days and holidays"},
   * {@code "Saturdays"}, {@code "Sundays and holidays"}.
   *
   * @return the description
   */
  public abstract String likeDays();

  /**
   * The selection method applied.
   *
   * @return the method
   */
  public abstract BaselineMethod method();

  /**
   * X: how many days were to be averaged.
   *
   * @return X
   */
  public abstract int days();

  /**
   * Y: how many eligible days were to be considered.
   *
   * @return Y
   */
  public abstract int window();

  /**
   * How many calendar days back the search could go.
   *
   * @return the limit
   */
  public abstract int maxLookbackDays();

  /**
   * The low-usage threshold in kWh over the event hours (the percentage of the candidates' average).
   *
   * @return the threshold, or empty when the rule is off or there were no candidates
   */
  public abstract Optional<BigDecimal> lowUsageThresholdKwh();

  /**
   * Every day the search looked at, most recent first.
   *
   * @return the days
   */
  public abstract List<BaselineDay> consideredDays();

  /**
   * The same-day adjustment.
   *
   * @return the adjustment, or empty when the rule has none
   */
  public abstract Optional<BaselineAdjustmentDetail> adjustment();

  /**
   * Where reductions were floored at zero.
   *
   * @return the basis
   */
  public abstract ReductionBasis reductionBasis();

  /**
   * The incentive rate per kWh applied (escalated where the tariff escalates).
   *
   * @return the rate
   */
  public abstract BigDecimal incentiveRate();

  /**
   * The event hour by hour, in time order.
   *
   * @return the hours
   */
  public abstract List<DemandResponseHour> hours();

  /**
   * The unadjusted baseline over the event.
   *
   * @return the kWh
   */
  public abstract BigDecimal unadjustedBaselineKwh();

  /**
   * The adjusted baseline over the event.
   *
   * @return the kWh
   */
  public abstract BigDecimal baselineKwh();

  /**
   * The actual load over the event.
   *
   * @return the kWh
   */
  public abstract BigDecimal actualKwh();

  /**
   * The reduction credited: the sum of the hours' reductions.
   *
   * @return the kWh
   */
  public abstract BigDecimal reductionKwh();

  /**
   * The credit: reduction × incentive rate, exact (positive: paid to the customer); the bill line carries it negated
   * and rounded once.
   *
   * @return the amount
   */
  public abstract BigDecimal credit();

  /**
   * The days averaged into the baseline, most recent first.
   *
   * @return the dates, never null
   */
  public List<LocalDate> chosenDays() {
    List<LocalDate> out = new ArrayList<>();
    for (BaselineDay d : consideredDays()) {
      if (d.status() == BaselineDayStatus.CHOSEN) {
        out.add(d.date());
      }
    }
    return out;
  }

  /**
   * The settlement as text, one fact per line, every figure as computed; an hour reads for example
   * {@code "2024-07-15T14:00  4  2  2.4  0.5  1.9  0.95"}.
   *
   * @return the text, never null
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Event ").append(eventId()).append(" of ").append(programDescription()).append(" (").append(programId())
        .append("): ").append(startInclusive().toLocalDate()).append(' ').append(startInclusive().toLocalTime())
        .append(" to ").append(endExclusive().toLocalDate().equals(startInclusive().toLocalDate())
            ? endExclusive().toLocalTime().toString() : endExclusive().toString())
        .append(", a ").append(eventDayType().name().toLowerCase(Locale.ROOT)).append('\n');
    b.append("  Baseline: ").append(method() == BaselineMethod.AVERAGE ? "average of the " + days() + " most recent"
        : "average of the " + days() + " highest").append(" of the last ").append(window()).append(" eligible ")
        .append(likeDays()).append(" within ").append(maxLookbackDays()).append(" days; ")
        .append(chosenDays().size()).append(" day(s) chosen\n");
    b.append("  Days considered (usage in the event hours):\n");
    for (BaselineDay d : consideredDays()) {
      String row = "    " + d.date() + ' ' + d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT)
          + ' ' + pad(d.dayType().name().toLowerCase(Locale.ROOT), 8) + pad(d.status().label(), 22)
          + d.usageKwh().map(u -> kwh(u) + " kWh").orElse("");
      b.append(row.stripTrailing()).append('\n');
    }
    lowUsageThresholdKwh().ifPresent(t -> b.append("  Low-usage threshold: ").append(kwh(t))
        .append(" kWh in the event hours\n"));
    adjustment().ifPresent(a -> {
      b.append("  Same-day adjustment (").append(a.kind().name().toLowerCase(Locale.ROOT)).append(") over ")
          .append(a.windowStart().toLocalTime()).append('-').append(a.windowEnd().toLocalTime());
      if (a.notAppliedBecause().isPresent()) {
        b.append(": not applied, ").append(a.notAppliedBecause().get()).append('\n');
      } else {
        b.append(": actual ").append(a.actualKwh().map(DemandResponseEventReportDef::kwh).orElse("?"))
            .append(" kWh, baseline ").append(a.baselineKwh().map(DemandResponseEventReportDef::kwh).orElse("?"))
            .append(" kWh; ").append(a.kind() == BaselineAdjustment.MULTIPLICATIVE ? "ratio " : "offset per interval ")
            .append(a.rawValue().map(DemandResponseEventReportDef::kwh).orElse("?")).append(", cap ")
            .append(a.lowerBound().map(DemandResponseEventReportDef::kwh).orElse("?")).append(" to ")
            .append(a.upperBound().map(DemandResponseEventReportDef::kwh).orElse("?")).append(", applied ")
            .append(kwh(a.value())).append(a.capped() ? " (capped)" : " (within the cap)").append('\n');
      }
    });
    b.append("  Hour              intervals  baseline kWh  adjusted kWh  actual kWh  reduction kWh  credit\n");
    for (DemandResponseHour h : hours()) {
      b.append("    ").append(pad(h.localStart().toString(), 18)).append(pad(Integer.toString(h.intervals()), 9))
          .append(pad(kwh(h.unadjustedBaselineKwh()), 14)).append(pad(kwh(h.baselineKwh()), 14))
          .append(pad(kwh(h.actualKwh()), 12)).append(pad(kwh(h.reductionKwh()), 15))
          .append(h.credit().stripTrailingZeros().toPlainString()).append('\n');
    }
    b.append("  Total: baseline ").append(kwh(baselineKwh())).append(" kWh (unadjusted ")
        .append(kwh(unadjustedBaselineKwh())).append("), actual ").append(kwh(actualKwh())).append(" kWh, reduction ")
        .append(kwh(reductionKwh())).append(" kWh (floored per ")
        .append(reductionBasis() == ReductionBasis.HOUR ? "hour" : "interval").append(") × ")
        .append(incentiveRate().stripTrailingZeros().toPlainString()).append(" = credit ")
        .append(credit().stripTrailingZeros().toPlainString()).append('\n');
    return b.toString();
  }

  /** A figure exactly as computed, without trailing zeros. */
  private static String kwh(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static String pad(String s, int n) {
    return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
  }
}
