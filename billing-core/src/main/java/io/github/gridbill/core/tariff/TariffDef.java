package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.BillingPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * A tariff: its identity, currency and zone, and its effective-dated versions.
 *
 * <p>Versions are in increasing order of {@link TariffVersion#effectiveFrom()}; each is in force until the next one
 * starts (or its own {@code effectiveUntil}). {@link #segments(BillingPeriod)} splits a billing period at version
 * changes, the basis of mid-period proration. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TariffDef {

  /**
   * The tariff's id, for example {@code "RES-TIERED"} or an OpenEI label.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The tariff's name, for example {@code "Residential Service RS-1"}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The utility or company that publishes it.
   *
   * @return the utility, or empty
   */
  public abstract Optional<String> utility();

  /**
   * The customer sector, for example {@code "Residential"}.
   *
   * @return the sector, or empty
   */
  public abstract Optional<String> sector();

  /**
   * The currency every rate is in.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The zone in which billing days, seasons and TOU hours are evaluated.
   *
   * @return the zone
   */
  public abstract ZoneId zone();

  /**
   * The versions in increasing order of effective date.
   *
   * @return the versions, at least one
   */
  public abstract List<TariffVersion> versions();

  /**
   * The version in force on a day.
   *
   * @param date the day, not null
   * @return the version, or empty before the first version or after the last one's end
   */
  public Optional<TariffVersion> versionOn(LocalDate date) {
    TariffVersion found = null;
    for (TariffVersion v : versions()) {
      if (!v.effectiveFrom().isAfter(date)) {
        found = v;
      }
    }
    if (found == null || found.effectiveUntil().map(u -> !date.isBefore(u)).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /**
   * Splits a billing period at the version changes inside it: each segment is rated with one version.
   *
   * @param period the billing period, not null, in this tariff's zone
   * @return the segments in order, covering the period exactly, never empty
   * @throws ValidationException if the period's zone differs from the tariff's, or a day of the period has no version
   *     in force
   */
  public List<TariffSegment> segments(BillingPeriod period) {
    if (!period.zone().equals(zone())) {
      throw new ValidationException("period.zone", period.zone(), "must be the tariff's zone " + zone());
    }
    List<LocalDate> cuts = new ArrayList<>();
    for (TariffVersion v : versions()) {
      cuts.add(v.effectiveFrom());
      v.effectiveUntil().ifPresent(cuts::add);
    }
    List<TariffSegment> out = new ArrayList<>();
    for (BillingPeriod p : period.splitAt(cuts)) {
      TariffVersion v = versionOn(p.startInclusive()).orElseThrow(() -> new ValidationException(
          "period", p, "must be covered by a version of tariff " + id() + " in force"));
      out.add(TariffSegment.of(p, v));
    }
    return List.copyOf(out);
  }

  @Value.Check
  void check() {
    if (versions().isEmpty()) {
      throw new ValidationException("versions", versions(), "must not be empty");
    }
    for (int i = 1; i < versions().size(); i++) {
      LocalDate prev = versions().get(i - 1).effectiveFrom();
      LocalDate cur = versions().get(i).effectiveFrom();
      if (!cur.isAfter(prev)) {
        throw new ValidationException("versions[" + i + "].effectiveFrom", cur,
            "must be after the previous version's effectiveFrom " + prev);
      }
    }
  }
}
