package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * One effective-dated version of a tariff: every component that prices a bill from {@link #effectiveFrom()}.
 *
 * <p>A version holds fixed, energy and demand charges, an optional ratchet, net-metering rule and minimum charge,
 * riders, taxes and demand-response programs, plus the {@link RoundingMode} of its lines (HALF_UP by default) and its
 * {@link RatingConventions}. Component ids are unique within the version; riders and taxes may only name components of
 * the same version. Build with {@code TariffVersion.builder()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TariffVersionDef {

  /**
   * The first day this version is in force (in the tariff's zone).
   *
   * @return the effective date
   */
  public abstract LocalDate effectiveFrom();

  /**
   * The day this version stops being in force, exclusive; empty when open-ended. A tariff's versions end where the
   * next begins; this field states an end for the last one (for example an OpenEI item's end date).
   *
   * @return the end date
   */
  public abstract Optional<LocalDate> effectiveUntil();

  /**
   * Fixed charges.
   *
   * @return the fixed charges
   */
  public abstract List<FixedCharge> fixedCharges();

  /**
   * Energy charges.
   *
   * @return the energy charges
   */
  public abstract List<EnergyCharge> energyCharges();

  /**
   * Demand charges.
   *
   * @return the demand charges
   */
  public abstract List<DemandCharge> demandCharges();

  /**
   * The billing-demand rule used by demand charges with {@link DemandBasis#BILLING_DEMAND} and, per the conventions,
   * by kWh/kW tiers.
   *
   * @return the ratchet, or empty
   */
  public abstract Optional<Ratchet> ratchet();

  /**
   * How exports are settled; empty means exports earn nothing and only imports are billed.
   *
   * @return the rule, or empty
   */
  public abstract Optional<NetMeteringRule> netMetering();

  /**
   * Monthly and annual minimum charges.
   *
   * @return the minimum charge, or empty
   */
  public abstract Optional<MinimumCharge> minimumCharge();

  /**
   * Riders and surcharges.
   *
   * @return the riders
   */
  public abstract List<Rider> riders();

  /**
   * Taxes, applied after every other line.
   *
   * @return the taxes
   */
  public abstract List<TaxRule> taxes();

  /**
   * Demand-response programs the tariff credits.
   *
   * @return the programs
   */
  public abstract List<DemandResponseProgram> demandResponsePrograms();

  /**
   * How each line's exact amount is rounded to the currency's minor unit.
   *
   * @return the rounding mode, HALF_UP by default
   */
  @Value.Default
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  /**
   * The rating conventions.
   *
   * @return the conventions, the defaults by default
   */
  @Value.Default
  public RatingConventions conventions() {
    return RatingConventions.defaults();
  }

  /**
   * Every component of the version in bill order: fixed, energy, demand, minimum, riders, programs, taxes.
   *
   * @return the components, never null
   */
  public List<TariffComponent> components() {
    List<TariffComponent> all = new ArrayList<>();
    all.addAll(fixedCharges());
    all.addAll(energyCharges());
    all.addAll(demandCharges());
    minimumCharge().ifPresent(all::add);
    all.addAll(riders());
    all.addAll(demandResponsePrograms());
    all.addAll(taxes());
    return List.copyOf(all);
  }

  @Value.Check
  void check() {
    if (roundingMode() == RoundingMode.UNNECESSARY) {
      throw new ValidationException(
          "roundingMode", roundingMode(), "must round (UNNECESSARY would fail on real bills)");
    }
    effectiveUntil().ifPresent(u -> {
      if (!u.isAfter(effectiveFrom())) {
        throw new ValidationException("effectiveUntil", u, "must be after effectiveFrom " + effectiveFrom());
      }
    });
    Set<String> ids = new HashSet<>();
    for (TariffComponent c : components()) {
      if (!ids.add(c.id())) {
        throw new ValidationException("components.id", c.id(), "must be unique within a tariff version");
      }
    }
    for (Rider r : riders()) {
      for (String target : r.appliesTo()) {
        if (!ids.contains(target) || target.equals(r.id())) {
          throw new ValidationException(r.id() + ".appliesTo", target, "must name another component of this version");
        }
      }
    }
    for (TaxRule t : taxes()) {
      for (String target : t.appliesTo()) {
        if (!ids.contains(target) || target.equals(t.id())) {
          throw new ValidationException(t.id() + ".appliesTo", target, "must name another component of this version");
        }
      }
    }
    for (DemandCharge d : demandCharges()) {
      if (d.basis() == DemandBasis.BILLING_DEMAND && ratchet().isEmpty()) {
        throw new ValidationException(d.id() + ".basis", d.basis(), "needs the version's ratchet rule");
      }
    }
    ratchet().ifPresent(this::checkDemandPeriods);
    if (conventions().uniformTierBoundsAcrossPeriods()) {
      UniformTiers.check(this);
    }
    netMetering().ifPresent(nm -> {
      boolean tierSell = nm.exportRate().map(e -> e.kind() == ExportRateKind.TIER_SELL_RATES).orElse(false);
      if (tierSell) {
        boolean anySell = energyCharges().stream().flatMap(e -> e.periods().stream())
            .flatMap(p -> p.tiers().stream()).anyMatch(t -> t.sellRate().isPresent());
        if (!anySell) {
          throw new ValidationException("netMetering.exportRate", ExportRateKind.TIER_SELL_RATES,
              "needs energy tiers with a sellRate");
        }
      }
    });
  }

  /**
   * RATING.md: the ratchet's demand periods are periods of the demand charge it names ({@code Ratchet.demandCharge}),
   * and of every TOU demand charge when it names none; a period of none of them would count no interval. Without
   * demand periods the name is not checked: it then changes nothing, and SAM's importer names its TOU demand charge
   * whether or not the tariff has one.
   */
  private void checkDemandPeriods(Ratchet r) {
    if (r.demandPeriods().isEmpty()) {
      return;
    }
    int maxPeriod = -1;
    String rule;
    Optional<String> named = r.demandCharge();
    if (named.isPresent()) {
      DemandCharge charge = null;
      for (DemandCharge d : demandCharges()) {
        if (d.id().equals(named.get())) {
          charge = d;
        }
      }
      if (charge == null) {
        throw new ValidationException("ratchet.demandCharge", named.get(),
            "must name a demand charge of this version when ratchet.demandPeriods are given");
      }
      maxPeriod = charge.schedule().map(s -> s.periodNames().size() - 1).orElse(0); // flat: period 0
      rule = "must be periods of demand charge " + charge.id();
    } else {
      for (DemandCharge d : demandCharges()) {
        if (d.schedule().isPresent()) {
          maxPeriod = Math.max(maxPeriod, d.schedule().get().periodNames().size() - 1);
        }
      }
      rule = "must be periods of the version's TOU demand charges (the ratchet names no demand charge)";
    }
    for (int p : new TreeSet<>(r.demandPeriods())) {
      if (p < 0 || p > maxPeriod) {
        throw new ValidationException("ratchet.demandPeriods", p, rule);
      }
    }
  }
}
