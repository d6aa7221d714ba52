package io.github.gridbill.core.tariff;

import static io.github.gridbill.core.tariff.TariffFixtures.NEW_YORK;
import static io.github.gridbill.core.tariff.TariffFixtures.bd;
import static io.github.gridbill.core.tariff.TariffFixtures.date;
import static io.github.gridbill.core.tariff.TariffFixtures.domainTiers;
import static io.github.gridbill.core.tariff.TariffFixtures.flatEnergy;
import static io.github.gridbill.core.tariff.TariffFixtures.hours;
import static io.github.gridbill.core.tariff.TariffFixtures.tariff;
import static io.github.gridbill.core.tariff.TariffFixtures.twoSeasonSchedule;
import static io.github.gridbill.core.tariff.TariffFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.EqualityGroups;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalLength;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Equality groups for the tariff value types, and the immutability of their collections. */
class TariffValueSemanticsTest {

  @Test
  void tiers_and_period_tiers() {
    EqualityGroups.create()
        .group(Tier.upTo(bd("100"), bd("0.10")), Tier.builder().upTo(bd("100")).rate(bd("0.10")).build(),
            Tier.builder().upTo(bd("100")).rate(bd("0.10")).unit(TierUnit.KWH).build())
        .group(Tier.upToKw(bd("100"), bd("0.10")))
        .group(Tier.upTo(bd("100"), bd("0.11")))
        .group(Tier.unbounded(bd("0.10")))
        .group(Tier.upTo(bd("100"), bd("0.10")).withSellRate(bd("0.03")))
        .verify();
    EqualityGroups.create()
        .group(PeriodTiers.of(0, domainTiers()), PeriodTiers.builder().period(0).addAllTiers(domainTiers()).build())
        .group(PeriodTiers.of(1, domainTiers()))
        .group(PeriodTiers.flat(0, bd("0.10")), PeriodTiers.of(0, List.of(Tier.unbounded(bd("0.10")))))
        .verify();
  }

  @Test
  void charges() {
    EqualityGroups.create()
        .group(FixedCharge.of("customer", "Customer", bd("7.57"), FixedChargeBasis.PER_BILL),
            FixedCharge.builder().id("customer").description("Customer").amount(bd("7.57"))
                .basis(FixedChargeBasis.PER_BILL).build())
        .group(FixedCharge.of("customer", "Customer", bd("7.57"), FixedChargeBasis.PER_DAY))
        .group(FixedCharge.of("customer", "Customer charge", bd("7.57"), FixedChargeBasis.PER_BILL))
        .verify();
    EnergyCharge e = flatEnergy("energy", "0.15");
    EqualityGroups.create()
        .group(e, flatEnergy("energy", "0.15"), e.withMode(TierMode.BLOCK))
        .group(e.withMode(TierMode.VOLUME))
        .group(e.withCounter(TierCounter.ALL_PERIODS))
        .group(flatEnergy("energy", "0.16"))
        .group(flatEnergy("energy2", "0.15"))
        .verify();
    DemandCharge d = DemandCharge.builder().id("demand").description("D").addPeriod(PeriodTiers.flat(0, bd("9")))
        .build();
    EqualityGroups.create()
        .group(d, DemandCharge.builder().from(d).build())
        .group(d.withBasis(DemandBasis.BILLING_DEMAND))
        .group(d.withSchedule(TouSchedule.allHours()))
        .verify();
  }

  @Test
  void schedules() {
    EqualityGroups.create()
        .group(twoSeasonSchedule(), twoSeasonSchedule())
        .group(twoSeasonSchedule().withName("other"))
        .group(twoSeasonSchedule().withCalendar(DayCalendar.standard()))
        .group(TouSchedule.allHours(), TouSchedule.allHours())
        .verify();
    EqualityGroups.create()
        .group(DayProfile.of("summer", DayType.WEEKDAY, hours(0, 14, 20, 2)),
            DayProfile.builder().season("summer").dayType(DayType.WEEKDAY).addAllSlots(hours(0, 14, 20, 2)).build())
        .group(DayProfile.of("summer", DayType.WEEKEND, hours(0, 14, 20, 2)))
        .group(DayProfile.of("summer", DayType.WEEKDAY, hours(0, 15, 20, 2)))
        .verify();
  }

  @Test
  void other_components() {
    EqualityGroups.create()
        .group(Ratchet.uniform(bd("80"), 11), Ratchet.uniform(bd("80"), 11))
        .group(Ratchet.uniform(bd("80"), 12))
        .group(Ratchet.uniform(bd("80"), 11).withReference(RatchetReference.PEAK_DEMAND))
        .verify();
    NetMeteringRule nem = NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
        .trueUpMonth(Month.APRIL).build();
    EqualityGroups.create()
        .group(nem, NetMeteringRule.builder().from(nem).build())
        .group(nem.withTrueUpMonth(Month.MAY))
        .group(nem.withCarry(CreditCarry.MONEY))
        .verify();
    EqualityGroups.create()
        .group(ExportRate.flat(bd("0.05")), ExportRate.builder().kind(ExportRateKind.FLAT).flatRate(bd("0.05")).build())
        .group(ExportRate.flat(bd("0.06")))
        .group(ExportRate.tierSellRates(), ExportRate.tierSellRates())
        .verify();
    Instant start = Instant.parse("2024-07-15T04:00:00Z");
    PriceSeries ps = PriceSeries.builder().start(start).intervalLength(IntervalLength.SIXTY_MINUTES)
        .addPrices(bd("0.02"), bd("0.03")).build();
    EqualityGroups.create()
        .group(ps, PriceSeries.builder().from(ps).build())
        .group(ps.withIntervalLength(IntervalLength.THIRTY_MINUTES))
        .group(ps.withStart(start.plusSeconds(3600)))
        .verify();
    EqualityGroups.create()
        .group(MinimumCharge.builder().monthly(bd("10")).build(), MinimumCharge.builder().monthly(bd("10")).build())
        .group(MinimumCharge.builder().annual(bd("10")).build())
        .group(MinimumCharge.builder().build())
        .verify();
    Rider fuel = Rider.builder().id("fuel").description("Fuel").kind(RiderKind.PER_KWH).rate(bd("0.0119")).build();
    EqualityGroups.create()
        .group(fuel, Rider.builder().from(fuel).build())
        .group(fuel.withKind(RiderKind.PER_KW))
        .group(fuel.withAppliesTo("energy").withKind(RiderKind.PERCENT))
        .verify();
    EqualityGroups.create()
        .group(TaxRule.onAll("cgst", "CGST", bd("9")), TaxRule.onAll("cgst", "CGST", bd("9")))
        .group(TaxRule.onAll("sgst", "SGST", bd("9")))
        .group(TaxRule.onAll("cgst", "CGST", bd("9")).withCalculation(TaxCalculation.PER_LINE))
        .verify();
    EqualityGroups.create()
        .group(Escalation.of(2024, bd("1.025")), Escalation.builder().baseYear(2024).annualFactor(bd("1.025")).build())
        .group(Escalation.of(2025, bd("1.025")))
        .verify();
    EqualityGroups.create()
        .group(RatingConventions.defaults(), RatingConventions.builder().build())
        .group(RatingConventions.builder().calendarMonthBills(true).build())
        .group(RatingConventions.builder().escalation(Escalation.of(2024, bd("1.02"))).build())
        .verify();
    DemandResponseEvent ev = DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-15T14:00"),
        LocalDateTime.parse("2024-07-15T18:00"));
    EqualityGroups.create()
        .group(ev, DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-15T14:00"),
            LocalDateTime.parse("2024-07-15T18:00")))
        .group(ev.withId("E2"))
        .group(ev.withEndExclusive(LocalDateTime.parse("2024-07-15T19:00")))
        .verify();
    EqualityGroups.create()
        .group(BaselineRule.builder().build(), BaselineRule.builder().days(10).window(10).build())
        .group(BaselineRule.builder().days(4).window(5).method(BaselineMethod.HIGHEST_X_OF_Y).build())
        .verify();
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr").description("DR").incentiveRate(bd("0.75"))
        .addEvent(ev).build();
    EqualityGroups.create()
        .group(dr, DemandResponseProgram.builder().from(dr).build())
        .group(dr.withEvents(List.of()))
        .verify();
  }

  @Test
  void versions_tariffs_and_segments() {
    TariffVersion v1 = version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15")).build();
    EqualityGroups.create()
        .group(v1, version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15")).build())
        .group(v1.withRoundingMode(RoundingMode.HALF_EVEN))
        .group(v1.withEffectiveFrom(date("2024-02-01")))
        .group(v1.withEnergyCharges(flatEnergy("energy", "0.16")))
        .verify();
    Tariff t = tariff("RES-1", v1);
    EqualityGroups.create()
        .group(t, tariff("RES-1", v1), Tariff.builder().from(t).build())
        .group(t.withCurrency(CurrencyUnit.EUR))
        .group(t.withZone(java.time.ZoneId.of("America/Chicago")))
        .group(t.withUtility("Example Power"))
        .group(tariff("RES-2", v1))
        .verify();
    BillingPeriod march = BillingPeriod.ofMonth(YearMonth.of(2024, 3), NEW_YORK);
    EqualityGroups.create()
        .group(TariffSegment.of(march, v1), t.segments(march).get(0))
        .group(TariffSegment.of(BillingPeriod.ofMonth(YearMonth.of(2024, 4), NEW_YORK), v1))
        .verify();
  }

  @Test
  void collections_are_copied_and_unmodifiable() {
    List<Tier> tiers = new ArrayList<>(domainTiers());
    PeriodTiers p = PeriodTiers.of(0, tiers);
    tiers.clear();
    assertThat(p.tiers()).hasSize(3);
    assertThatThrownBy(() -> p.tiers().add(Tier.unbounded(bd("1"))))
        .isInstanceOf(UnsupportedOperationException.class);
    Tariff t = tariff("RES-1", version("2024-01-01").build());
    assertThatThrownBy(() -> t.versions().clear()).isInstanceOf(UnsupportedOperationException.class);
    TouSchedule s = twoSeasonSchedule();
    assertThatThrownBy(() -> s.profiles().get(0).slots().set(0, 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> version("2024-01-01").build().components().add(flatEnergy("e", "1")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(HolidayCalendar.nerc().rules()).hasSize(6);
  }

  @Test
  void copies_leave_the_original_unchanged() {
    EnergyCharge e = flatEnergy("energy", "0.15");
    EnergyCharge v = e.withMode(TierMode.VOLUME);
    assertThat(e.mode()).isEqualTo(TierMode.BLOCK);
    assertThat(v.mode()).isEqualTo(TierMode.VOLUME);
    assertThat(v.id()).isEqualTo("energy");
  }
}
