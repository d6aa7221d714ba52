package io.github.gridbill.rating.live;

import java.time.Instant;

/**
 * An alert about a live account, raised once per condition (not once per reading) by {@link LiveAccount#alerts()}.
 * Each {@link AlertKind} has its own type carrying the values behind it: {@link ProjectedBillAlert},
 * {@link UsageIncreaseAlert}, {@link DemandPeakAlert}, {@link TierCrossedAlert}, {@link ExportCreditDayAlert},
 * {@link MeterFaultAlert}.
 *
 * <p>{@code switch (alert.kind()) { case NEW_DEMAND_PEAK: DemandPeakAlert p = (DemandPeakAlert) alert; ... }}.
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
}
