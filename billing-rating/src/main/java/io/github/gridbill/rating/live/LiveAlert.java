package io.github.gridbill.rating.live;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An alert about a live account, raised once per condition (not once per reading) by {@link LiveAccount#alerts()}.
 * Each {@link AlertKind} has its own type carrying the values behind it: {@link ProjectedBillAlert},
 * {@link UsageIncreaseAlert}, {@link DemandPeakAlert}, {@link TierCrossedAlert}, {@link ExportCreditDayAlert},
 * {@link MeterFaultAlert}.
 *
 * <p>{@code switch (alert.kind()) { case NEW_DEMAND_PEAK: DemandPeakAlert p = (DemandPeakAlert) alert; ... }}, or
 * {@link #describe(ZoneId)} for the alert in words.
 * Alerts are immutable and thread-safe.
 */
public interface LiveAlert {

  /**
   * The account the alert is about.
   *
   * @return the account id
   */
  String accountId();

  /**
   * The data time the condition was found at: the end of the latest interval received, or of the day judged.
   *
   * @return the instant
   */
  Instant asOf();

  /**
   * The kind, naming the alert's type.
   *
   * @return the kind
   */
  AlertKind kind();

  /**
   * The alert in one line of plain text, for a notice to the customer or an operator's screen: the account, when
   * (the wall clock of {@code zone} with its UTC offset) and what, with the values behind it.
   *
   * <p>{@code alert.describe(ZoneId.of("America/New_York"))}: {@code M-1 at 2024-07-11 00:00 -04:00: projected
   * USD 162.40 (run rate) over the threshold USD 150.00}.
   *
   * @param zone the zone to give times in, usually the tariff's ({@code plan.tariff().zone()}), not null
   * @return the text, never null
   */
  String describe(ZoneId zone);
}
