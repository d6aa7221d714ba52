package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Usage reached a higher energy tier: the bill-to-date has a line of the charge (and TOU period) in that tier; raised
 * once per charge, period, segment and tier.
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-11 00:00 -04:00: energy-tou [peak] reached tier 2 at 0.38/kWh with
 * 104.25 kWh so far}. Immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TierCrossedAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * The energy charge's component id.
   *
   * @return the id
   */
  public abstract String componentId();

  /**
   * The TOU period, for charges with a schedule.
   *
   * @return the period name, or empty
   */
  public abstract Optional<String> touPeriod();

  /**
   * The tariff segment (the whole cycle unless the tariff changed inside it).
   *
   * @return the segment
   */
  public abstract BillingPeriod segment();

  /**
   * The tier reached, counting from 1.
   *
   * @return the tier
   */
  public abstract int tier();

  /**
   * The tier's rate.
   *
   * @return the rate per kWh
   */
  public abstract BigDecimal rate();

  /**
   * The kWh the charge has priced in that period and segment so far, all tiers.
   *
   * @return the kWh
   */
  public abstract BigDecimal usageKwh();

  @Override
  public AlertKind kind() {
    return AlertKind.TIER_CROSSED;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    return AlertText.of(this, zone, componentId() + touPeriod().map(p -> " [" + p + "]").orElse("") + " reached tier "
        + tier() + " at " + AlertText.plain(rate()) + "/kWh with " + AlertText.plain(usageKwh()) + " kWh so far");
  }
}
