package io.github.gridbill.core.tariff;

/**
 * Where a demand-response reduction is floored at zero before it is credited.
 *
 * <p>With 15-minute data and an hour whose baseline is 4.0 kWh and actual 3.0 kWh, split as intervals of
 * (1.0 − 1.2), (1.0 − 0.6), (1.0 − 0.6), (1.0 − 0.6): {@code INTERVAL} credits 0 + 0.4 + 0.4 + 0.4 = 1.2 kWh,
 * {@code HOUR} credits max(0, 4.0 − 3.0) = 1.0 kWh. With hourly data both are the same. ISO settlements are hourly
 * (PJM, NYISO; Con Edison's CBL verification subtracts actual from the adjusted CBL "on an hour by hour basis").
 */
public enum ReductionBasis {
  /** {@code Σ_i max(0, baseline_i − actual_i)} over the meter's intervals (the rating issue's first rule). */
  INTERVAL,
  /** {@code Σ_h max(0, Σ_{i in h} baseline_i − Σ_{i in h} actual_i)} over the local clock hours of the event. */
  HOUR
}
