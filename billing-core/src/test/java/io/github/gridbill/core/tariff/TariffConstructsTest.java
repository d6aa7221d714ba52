package io.github.gridbill.core.tariff;

import static io.github.gridbill.core.tariff.TariffFixtures.NEW_YORK;
import static io.github.gridbill.core.tariff.TariffFixtures.OFF_PEAK;
import static io.github.gridbill.core.tariff.TariffFixtures.PEAK;
import static io.github.gridbill.core.tariff.TariffFixtures.SHOULDER;
import static io.github.gridbill.core.tariff.TariffFixtures.USD;
import static io.github.gridbill.core.tariff.TariffFixtures.bd;
import static io.github.gridbill.core.tariff.TariffFixtures.date;
import static io.github.gridbill.core.tariff.TariffFixtures.domainTiers;
import static io.github.gridbill.core.tariff.TariffFixtures.flatEnergy;
import static io.github.gridbill.core.tariff.TariffFixtures.reference;
import static io.github.gridbill.core.tariff.TariffFixtures.tariff;
import static io.github.gridbill.core.tariff.TariffFixtures.twoSeasonSchedule;
import static io.github.gridbill.core.tariff.TariffFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * One test per tariff construct of DOMAIN.md: each builds a real tariff with the builders, checks it holds what was put
 * in and, where the model has logic, checks that logic with exact values.
 */
class TariffConstructsTest {

  @Test
  void fixed_charge_per_bill() {
    FixedCharge customer = FixedCharge.of("customer", "Customer charge", bd("7.57"), FixedChargeBasis.PER_BILL);
    Tariff t = tariff("RES-1", version("2024-01-01").addFixedCharge(customer).build());
    FixedCharge held = t.versions().get(0).fixedCharges().get(0);
    assertThat(held.id()).isEqualTo("customer");
    assertThat(held.description()).isEqualTo("Customer charge");
    assertThat(held.amount()).isEqualByComparingTo("7.57");
    assertThat(held.basis()).isEqualTo(FixedChargeBasis.PER_BILL);
    assertThat(t.versions().get(0).components()).containsExactly(customer);
  }

  @Test
  void fixed_charge_per_day() {
    FixedCharge daily = FixedCharge.of("daily", "Daily service charge", bd("0.50"), FixedChargeBasis.PER_DAY);
    Tariff t = tariff("RES-DAILY", version("2024-01-01").addFixedCharge(daily).build());
    FixedCharge held = t.versions().get(0).fixedCharges().get(0);
    assertThat(held.basis()).isEqualTo(FixedChargeBasis.PER_DAY);
    // DOMAIN: a 30-day period × 0.50/day = 15.00
    BillingPeriod april = BillingPeriod.ofMonth(YearMonth.of(2024, 4), NEW_YORK);
    assertThat(Monies.extend(t.currency(), BigDecimal.valueOf(april.days()), held.amount(), RoundingMode.HALF_UP))
        .isEqualTo(Money.parse("USD 15.00"));
  }

  @Test
  void block_tiers() {
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, domainTiers())).mode(TierMode.BLOCK).build();
    Tariff t = tariff("RES-BLOCK", version("2024-01-01").addEnergyCharge(energy).build());
    EnergyCharge held = t.versions().get(0).energyCharges().get(0);
    assertThat(held.mode()).isEqualTo(TierMode.BLOCK);
    assertThat(held.schedule()).isEmpty();
    assertThat(held.counter()).isEqualTo(TierCounter.PER_PERIOD);
    List<Tier> tiers = held.tiersOf(0).orElseThrow().tiers();
    assertThat(tiers).extracting(x -> x.upTo().map(BigDecimal::toPlainString).orElse("∞"))
        .containsExactly("100", "300", "∞");
    assertThat(tiers).extracting(Tier::unit).containsOnly(TierUnit.KWH);
    assertThat(held.tiersOf(1)).isEmpty();
    // DOMAIN: 450 kWh = 10.00 + 30.00 + 30.00 = 70.00
    assertThat(reference(tiers, held.mode(), bd("450"), BigDecimal.ONE)).isEqualByComparingTo("70.00");
  }

  @Test
  void volume_tiers() {
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, domainTiers())).mode(TierMode.VOLUME).build();
    Tariff t = tariff("RES-VOLUME", version("2024-01-01").addEnergyCharge(energy).build());
    EnergyCharge held = t.versions().get(0).energyCharges().get(0);
    assertThat(held.mode()).isEqualTo(TierMode.VOLUME);
    // DOMAIN: 450 kWh = 450 × 0.20 = 90.00
    assertThat(reference(held.tiersOf(0).orElseThrow().tiers(), held.mode(), bd("450"), BigDecimal.ONE))
        .isEqualByComparingTo("90.00");
  }

  @Test
  void tier_bounds_per_day() {
    Tier perDay = Tier.builder().upTo(bd("10")).rate(bd("0.10")).unit(TierUnit.KWH_PER_DAY).build();
    Tier rest = Tier.builder().rate(bd("0.20")).unit(TierUnit.KWH_PER_DAY).build();
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(perDay, rest))).build();
    Tariff t = tariff("RES-DAYTIER", version("2024-01-01").addEnergyCharge(energy).build());
    List<Tier> held = t.versions().get(0).energyCharges().get(0).tiersOf(0).orElseThrow().tiers();
    assertThat(held.get(0).unit()).isEqualTo(TierUnit.KWH_PER_DAY);
    assertThat(held.get(0).upTo()).contains(bd("10"));
    // 10 kWh/day over 30 days is a 300 kWh bound: 450 kWh = 300 × 0.10 + 150 × 0.20
    assertThat(reference(held, TierMode.BLOCK, bd("450"), bd("30"))).isEqualByComparingTo("60.00");
  }

  @Test
  void tier_bounds_per_kw() {
    Tier perKw = Tier.builder().upTo(bd("200")).rate(bd("0.09")).unit(TierUnit.KWH_PER_KW).build();
    Tier perKwPerDay = Tier.builder().upTo(bd("10")).rate(bd("0.07")).unit(TierUnit.KWH_PER_KW_PER_DAY).build();
    Tier rest = Tier.builder().rate(bd("0.05")).unit(TierUnit.KWH_PER_KW).build();
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(perKw, rest))).build();
    EnergyCharge daily = EnergyCharge.builder().id("energy-daily").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(perKwPerDay, Tier.unbounded(bd("0.04"))))).build();
    RatingConventions byBillingDemand = RatingConventions.builder().perKwTierDemand(DemandBasis.BILLING_DEMAND).build();
    Tariff t = tariff("GS-KWHKW", version("2024-01-01").addEnergyCharges(energy, daily)
        .ratchet(Ratchet.uniform(bd("80"), 11)).conventions(byBillingDemand).build());
    TariffVersion v = t.versions().get(0);
    assertThat(v.conventions().perKwTierDemand()).isEqualTo(DemandBasis.BILLING_DEMAND);
    List<Tier> held = v.energyCharges().get(0).tiersOf(0).orElseThrow().tiers();
    assertThat(held.get(0).unit()).isEqualTo(TierUnit.KWH_PER_KW);
    assertThat(v.energyCharges().get(1).tiersOf(0).orElseThrow().tiers().get(0).unit())
        .isEqualTo(TierUnit.KWH_PER_KW_PER_DAY);
    // DOMAIN: 200 kWh/kW with a 50 kW demand is a 10,000 kWh bound
    assertThat(reference(held, TierMode.BLOCK, bd("12000"), bd("50"))).isEqualByComparingTo("1000.00");
  }

  @Test
  void time_of_use_with_two_seasons_day_types_holidays_and_three_periods() {
    TouSchedule s = twoSeasonSchedule();
    EnergyCharge energy = EnergyCharge.builder().id("energy-tou").description("Energy, time of use").schedule(s)
        .addPeriod(PeriodTiers.flat(OFF_PEAK, bd("0.08")))
        .addPeriod(PeriodTiers.flat(SHOULDER, bd("0.14")))
        .addPeriod(PeriodTiers.flat(PEAK, bd("0.31")))
        .build();
    Tariff t = tariff("RES-TOU", version("2024-01-01").addEnergyCharge(energy).build());
    EnergyCharge held = t.versions().get(0).energyCharges().get(0);
    TouSchedule sched = held.schedule().orElseThrow();
    assertThat(sched.periodNames()).containsExactly("off-peak", "shoulder", "peak");
    assertThat(sched.seasons()).extracting(x -> x.name()).containsExactly("summer", "winter");
    assertThat(sched.calendar().holidays()).isEqualTo(HolidayCalendar.nerc());
    assertThat(held.tiersOf(PEAK).orElseThrow().tiers().get(0).rate()).isEqualByComparingTo("0.31");
    // summer weekday, weekend and holiday (Independence Day) at 17:00
    assertThat(sched.periodAt(LocalDateTime.parse("2024-07-15T17:00"))).isEqualTo(PEAK);
    assertThat(sched.periodAt(LocalDateTime.parse("2024-07-13T17:00"))).isEqualTo(SHOULDER);
    assertThat(sched.periodAt(LocalDateTime.parse("2024-07-04T17:00"))).isEqualTo(OFF_PEAK);
    // winter weekday 18:00 peak; Thanksgiving falls back to the winter weekend profile
    assertThat(sched.periodAt(LocalDateTime.parse("2024-11-27T18:00"))).isEqualTo(PEAK);
    assertThat(sched.periodAt(LocalDateTime.parse("2024-11-28T18:00"))).isEqualTo(OFF_PEAK);
  }

  @Test
  void tiers_inside_tou_periods_with_one_counter_for_the_bill() {
    TouSchedule s = twoSeasonSchedule();
    EnergyCharge energy = EnergyCharge.builder().id("energy-tou-tiered").description("Energy").schedule(s)
        .addPeriod(PeriodTiers.of(OFF_PEAK, List.of(Tier.upTo(bd("500"), bd("0.07")), Tier.unbounded(bd("0.09")))))
        .addPeriod(PeriodTiers.of(SHOULDER, List.of(Tier.upTo(bd("500"), bd("0.12")), Tier.unbounded(bd("0.15")))))
        .addPeriod(PeriodTiers.of(PEAK, List.of(Tier.upTo(bd("500"), bd("0.25")), Tier.unbounded(bd("0.33")))))
        .counter(TierCounter.ALL_PERIODS)
        .allocation(TierAllocation.PROPORTIONAL)
        .build();
    RatingConventions sam = RatingConventions.builder().uniformTierBoundsAcrossPeriods(true).calendarMonthBills(true)
        .build();
    Tariff t = tariff("RES-TOU-TIER", version("2024-01-01").addEnergyCharge(energy).conventions(sam).build());
    EnergyCharge held = t.versions().get(0).energyCharges().get(0);
    assertThat(held.counter()).isEqualTo(TierCounter.ALL_PERIODS);
    assertThat(held.allocation()).isEqualTo(TierAllocation.PROPORTIONAL);
    assertThat(held.periods()).hasSize(3);
    assertThat(held.tiersOf(PEAK).orElseThrow().tiers()).extracting(Tier::rate)
        .containsExactly(bd("0.25"), bd("0.33"));
    assertThat(t.versions().get(0).conventions().uniformTierBoundsAcrossPeriods()).isTrue();
    assertThat(t.versions().get(0).conventions().calendarMonthBills()).isTrue();
    // the defaults: a counter per period, chronological allocation
    EnergyCharge perPeriod = held.withCounter(TierCounter.PER_PERIOD);
    assertThat(perPeriod.counter()).isEqualTo(TierCounter.PER_PERIOD);
    assertThat(EnergyCharge.builder().from(held).build()).isEqualTo(held);
    assertThat(flatEnergy("e", "0.1").allocation()).isEqualTo(TierAllocation.CHRONOLOGICAL);
  }

  @Test
  void flat_demand() {
    DemandCharge demand = DemandCharge.builder().id("demand").description("Demand charge")
        .addPeriod(PeriodTiers.flat(0, bd("12.50"))).build();
    Tariff t = tariff("GS-DEMAND", version("2024-01-01").addDemandCharge(demand).build());
    DemandCharge held = t.versions().get(0).demandCharges().get(0);
    assertThat(held.basis()).isEqualTo(DemandBasis.PEAK);
    assertThat(held.schedule()).isEmpty();
    assertThat(held.mode()).isEqualTo(TierMode.BLOCK);
    assertThat(held.tiersOf(0).orElseThrow().tiers().get(0).rate()).isEqualByComparingTo("12.50");
    // DOMAIN: 15 minutes of 2.5 kWh = 10 kW; 10 kW × 12.50 = 125.00
    Power peak = Power.averageOver(Energy.ofKilowattHours(bd("2.5")), IntervalLength.FIFTEEN_MINUTES.duration());
    assertThat(Monies.extend(USD, peak.toKilowatts(), held.tiersOf(0).orElseThrow().tiers().get(0).rate(),
        RoundingMode.HALF_UP)).isEqualTo(Money.parse("USD 125.00"));
  }

  @Test
  void tou_demand() {
    TouSchedule s = twoSeasonSchedule();
    DemandCharge demand = DemandCharge.builder().id("demand-tou").description("Demand, time of use").schedule(s)
        .addPeriod(PeriodTiers.flat(SHOULDER, bd("4.00")))
        .addPeriod(PeriodTiers.flat(PEAK, bd("15.00")))
        .build();
    Tariff t = tariff("GS-TOU-DEMAND", version("2024-01-01").addDemandCharge(demand).build());
    DemandCharge held = t.versions().get(0).demandCharges().get(0);
    assertThat(held.schedule()).contains(s);
    assertThat(held.tiersOf(OFF_PEAK)).isEmpty(); // off-peak demand is free
    assertThat(held.tiersOf(PEAK).orElseThrow().tiers().get(0).rate()).isEqualByComparingTo("15.00");
  }

  @Test
  void tiered_demand() {
    DemandCharge demand = DemandCharge.builder().id("demand").description("Demand charge")
        .addPeriod(PeriodTiers.of(0, List.of(Tier.upToKw(bd("50"), bd("10.00")), Tier.unbounded(bd("8.00")))))
        .build();
    Tariff t = tariff("GS-TIER-DEMAND", version("2024-01-01").addDemandCharge(demand).build());
    List<Tier> tiers = t.versions().get(0).demandCharges().get(0).tiersOf(0).orElseThrow().tiers();
    assertThat(tiers.get(0).unit()).isEqualTo(TierUnit.KW);
    assertThat(tiers.get(0).upTo()).contains(bd("50"));
    // 80 kW = 50 × 10.00 + 30 × 8.00
    assertThat(reference(tiers, TierMode.BLOCK, bd("80"), BigDecimal.ONE)).isEqualByComparingTo("740.00");
  }

  @Test
  void ratchet_with_a_billing_demand_charge() {
    Ratchet ratchet = Ratchet.uniform(bd("80"), 11);
    DemandCharge demand = DemandCharge.builder().id("demand").description("Billing demand")
        .addPeriod(PeriodTiers.flat(0, bd("9.00"))).basis(DemandBasis.BILLING_DEMAND).build();
    Tariff t = tariff("GS-RATCHET", version("2024-01-01").addDemandCharge(demand).ratchet(ratchet).build());
    TariffVersion v = t.versions().get(0);
    assertThat(v.demandCharges().get(0).basis()).isEqualTo(DemandBasis.BILLING_DEMAND);
    Ratchet held = v.ratchet().orElseThrow();
    assertThat(held.percentByMonth()).hasSize(12).allSatisfy(p -> assertThat(p).isEqualByComparingTo("80"));
    assertThat(held.includeCurrentPeakByMonth()).hasSize(12).containsOnly(true);
    assertThat(held.lookbackMonths()).isEqualTo(11);
    assertThat(held.minimumKw()).isEqualByComparingTo("0");
    assertThat(held.reference()).isEqualTo(RatchetReference.BILLED_DEMAND);
    assertThat(held.demandPeriods()).isEmpty();
    // DOMAIN: billed demand = max(actual, 80% × highest billed demand of the previous 11 months)
    BigDecimal actual = bd("60");
    BigDecimal highestPrevious = bd("100");
    BigDecimal billed = actual.max(held.percentByMonth().get(Month.MARCH.getValue() - 1).movePointLeft(2)
        .multiply(highestPrevious));
    assertThat(billed).isEqualByComparingTo("80");
  }

  @Test
  void net_metering_monthly_netting_with_kwh_rollover_true_up_and_surplus_rate() {
    NetMeteringRule nem = NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_METERING)
        .carry(CreditCarry.KWH)
        .trueUpMonth(Month.APRIL)
        .surplusRate(bd("0.04"))
        .build();
    Tariff t = tariff("RES-NEM", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(nem).build());
    NetMeteringRule held = t.versions().get(0).netMetering().orElseThrow();
    assertThat(held.mode()).isEqualTo(NetMeteringMode.NET_METERING);
    assertThat(held.carry()).isEqualTo(CreditCarry.KWH);
    assertThat(held.trueUpMonth()).contains(Month.APRIL);
    assertThat(held.surplusRate()).contains(bd("0.04"));
    assertThat(held.trueUpSettlement()).isEqualTo(TrueUpSettlement.PAY);
    assertThat(held.exportRate()).isEmpty();
    assertThat(held.withTrueUpSettlement(TrueUpSettlement.ROLL_OVER).trueUpSettlement())
        .isEqualTo(TrueUpSettlement.ROLL_OVER);
  }

  @Test
  void net_metering_with_money_rollover() {
    NetMeteringRule nem = NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_METERING)
        .carry(CreditCarry.MONEY)
        .exportRate(ExportRate.flat(bd("0.06")))
        .trueUpMonth(Month.DECEMBER)
        .creditsOffsetSameBill(false)
        .trueUpSettlement(TrueUpSettlement.FORFEIT)
        .build();
    Tariff t = tariff("RES-NEM-MONEY", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(nem).build());
    NetMeteringRule held = t.versions().get(0).netMetering().orElseThrow();
    assertThat(held.carry()).isEqualTo(CreditCarry.MONEY);
    assertThat(held.exportRate().orElseThrow().flatRate()).contains(bd("0.06"));
    assertThat(held.creditsOffsetSameBill()).isFalse();
    assertThat(held.trueUpSettlement()).isEqualTo(TrueUpSettlement.FORFEIT);
    assertThat(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).build().creditsOffsetSameBill()).isTrue();
  }

  @Test
  void net_billing_with_a_flat_export_rate() {
    NetMeteringRule nb = NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
        .exportRate(ExportRate.flat(bd("0.05"))).build();
    Tariff t = tariff("RES-NB-FLAT", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(nb).build());
    ExportRate rate = t.versions().get(0).netMetering().orElseThrow().exportRate().orElseThrow();
    assertThat(rate.kind()).isEqualTo(ExportRateKind.FLAT);
    assertThat(rate.flatRate()).contains(bd("0.05"));
    assertThat(t.versions().get(0).netMetering().orElseThrow().carry()).isEqualTo(CreditCarry.NONE);
  }

  @Test
  void net_billing_with_a_tou_export_rate() {
    TouSchedule s = twoSeasonSchedule();
    ExportRate perPeriod = ExportRate.perPeriod(s, List.of(bd("0.03"), bd("0.05"), bd("0.11")));
    NetMeteringRule nb = NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY)
        .exportRate(perPeriod).build();
    Tariff t = tariff("RES-NB-TOU", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(nb).build());
    ExportRate held = t.versions().get(0).netMetering().orElseThrow().exportRate().orElseThrow();
    assertThat(held.kind()).isEqualTo(ExportRateKind.PER_PERIOD);
    assertThat(held.schedule()).contains(s);
    // an export at 17:00 on a summer weekday earns the peak export rate
    int period = held.schedule().orElseThrow().periodAt(LocalDateTime.parse("2024-07-15T17:00"));
    assertThat(held.periodRates().get(period)).isEqualByComparingTo("0.11");
  }

  @Test
  void net_billing_with_a_time_series_export_rate() {
    Instant start = Instant.parse("2024-07-15T04:00:00Z");
    PriceSeries prices = PriceSeries.builder().start(start).intervalLength(IntervalLength.SIXTY_MINUTES)
        .addPrices(bd("0.021"), bd("0.019"), bd("-0.004"), bd("0.035")).build();
    NetMeteringRule nb = NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
        .exportRate(ExportRate.timeSeries(prices)).build();
    Tariff t = tariff("RES-NB-RTP", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(nb).build());
    ExportRate held = t.versions().get(0).netMetering().orElseThrow().exportRate().orElseThrow();
    assertThat(held.kind()).isEqualTo(ExportRateKind.TIME_SERIES);
    PriceSeries series = held.series().orElseThrow();
    assertThat(series.grid().count()).isEqualTo(4);
    assertThat(series.grid().end()).isEqualTo(start.plus(Duration.ofHours(4)));
    assertThat(series.priceAt(start)).contains(bd("0.021"));
    assertThat(series.priceAt(start.plusSeconds(2 * 3600 + 1799))).contains(bd("-0.004"));
    assertThat(series.priceAt(start.plus(Duration.ofHours(4)))).isEmpty();
    assertThat(series.priceAt(start.minusSeconds(1))).isEmpty();
  }

  @Test
  void net_billing_with_tier_sell_rates() {
    Tier withSell = Tier.builder().upTo(bd("500")).rate(bd("0.12")).sellRate(bd("0.04")).build();
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.of(0, List.of(withSell, Tier.unbounded(bd("0.16"))))).build();
    NetMeteringRule nb = NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
        .exportRate(ExportRate.tierSellRates()).build();
    Tariff t = tariff("RES-NB-SELL", version("2024-01-01").addEnergyCharge(energy).netMetering(nb).build());
    assertThat(t.versions().get(0).netMetering().orElseThrow().exportRate().orElseThrow().kind())
        .isEqualTo(ExportRateKind.TIER_SELL_RATES);
    assertThat(t.versions().get(0).energyCharges().get(0).tiersOf(0).orElseThrow().tiers().get(0).sellRate())
        .contains(bd("0.04"));
  }

  @Test
  void buy_all_sell_all() {
    NetMeteringRule rule = NetMeteringRule.builder().mode(NetMeteringMode.BUY_ALL_SELL_ALL)
        .exportRate(ExportRate.flat(bd("0.0725"))).build();
    Tariff t = tariff("RES-BASA", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .netMetering(rule).build());
    NetMeteringRule held = t.versions().get(0).netMetering().orElseThrow();
    assertThat(held.mode()).isEqualTo(NetMeteringMode.BUY_ALL_SELL_ALL);
    assertThat(held.carry()).isEqualTo(CreditCarry.NONE);
    assertThat(held.exportRate().orElseThrow().flatRate()).contains(bd("0.0725"));
  }

  @Test
  void minimum_monthly_and_annual() {
    MinimumCharge min = MinimumCharge.builder().monthly(bd("10.00")).annual(bd("180.00"))
        .annualSettlementMonth(Month.MARCH).build();
    Tariff t = tariff("RES-MIN", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .minimumCharge(min).build());
    MinimumCharge held = t.versions().get(0).minimumCharge().orElseThrow();
    assertThat(held.id()).isEqualTo("minimum");
    assertThat(held.description()).isEqualTo("Minimum charge");
    assertThat(held.monthly()).contains(bd("10.00"));
    assertThat(held.annual()).contains(bd("180.00"));
    assertThat(held.annualSettlementMonth()).isEqualTo(Month.MARCH);
    assertThat(MinimumCharge.builder().build().annualSettlementMonth()).isEqualTo(Month.DECEMBER);
    assertThat(t.versions().get(0).components()).extracting(TariffComponent::id).containsExactly("energy", "minimum");
    // DOMAIN: monthly minimum 10.00 and a bill of 6.40 before taxes: a minimum line of 3.60
    assertThat(held.monthly().orElseThrow().subtract(bd("6.40"))).isEqualByComparingTo("3.60");
  }

  @Test
  void riders_per_kwh_and_percentage() {
    Rider fuel = Rider.builder().id("fuel").description("Fuel adjustment").kind(RiderKind.PER_KWH)
        .rate(bd("0.0119")).build();
    Rider duty = Rider.builder().id("duty").description("Electricity duty").kind(RiderKind.PERCENT).rate(bd("5"))
        .addAppliesTo("energy", "demand").build();
    Rider perKw = Rider.builder().id("transmission").description("Transmission").kind(RiderKind.PER_KW)
        .rate(bd("1.10")).build();
    Rider perBill = Rider.builder().id("meter").description("Meter rental").kind(RiderKind.PER_BILL)
        .rate(bd("2.00")).build();
    DemandCharge demand = DemandCharge.builder().id("demand").description("Demand")
        .addPeriod(PeriodTiers.flat(0, bd("9"))).build();
    Tariff t = tariff("GS-RIDERS", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .addDemandCharge(demand).addRiders(fuel, duty, perKw, perBill).build());
    List<Rider> held = t.versions().get(0).riders();
    assertThat(held).extracting(Rider::kind)
        .containsExactly(RiderKind.PER_KWH, RiderKind.PERCENT, RiderKind.PER_KW, RiderKind.PER_BILL);
    assertThat(held.get(0).rate()).isEqualByComparingTo("0.0119");
    assertThat(held.get(0).appliesTo()).isEmpty();
    assertThat(held.get(1).appliesTo()).containsExactlyInAnyOrder("energy", "demand");
    // 5% of energy 67.50 + demand 90.00 = 7.875 -> 7.88
    assertThat(Monies.extend(USD, bd("157.50"), held.get(1).rate().movePointLeft(2), RoundingMode.HALF_UP))
        .isEqualTo(Money.parse("USD 7.88"));
  }

  @Test
  void taxes_cgst_and_sgst() {
    TaxRule cgst = TaxRule.builder().id("cgst").description("CGST 9%").percent(bd("9")).addAppliesTo("energy", "fixed")
        .build();
    TaxRule sgst = TaxRule.builder().id("sgst").description("SGST 9%").percent(bd("9")).addAppliesTo("energy", "fixed")
        .calculation(TaxCalculation.PER_LINE).build();
    CurrencyUnit inr = CurrencyUnit.of("INR");
    Tariff t = Tariff.builder().id("IN-LT-1").name("LT domestic").currency(inr)
        .zone(java.time.ZoneId.of("Asia/Kolkata"))
        .addVersion(version("2024-04-01")
            .addFixedCharge(FixedCharge.of("fixed", "Fixed charge", bd("120"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(flatEnergy("energy", "7.35"))
            .addTaxes(cgst, sgst)
            .build())
        .build();
    TariffVersion v = t.versions().get(0);
    assertThat(v.taxes()).extracting(TaxRule::id).containsExactly("cgst", "sgst");
    assertThat(v.taxes().get(0).calculation()).isEqualTo(TaxCalculation.ON_SUBTOTAL);
    assertThat(v.taxes().get(1).calculation()).isEqualTo(TaxCalculation.PER_LINE);
    assertThat(v.components()).extracting(TariffComponent::id).containsExactly("fixed", "energy", "cgst", "sgst");
    // 1250 kWh × 7.35 = 9187.50; + 120 fixed = 9307.50; 9% = 837.675 -> 837.68 each
    Money subtotal = Monies.extend(inr, bd("1250"), bd("7.35"), RoundingMode.HALF_UP).plus(Money.of(inr, bd("120")));
    Money each = Monies.extend(inr, subtotal.getAmount(), v.taxes().get(0).percent().movePointLeft(2),
        v.roundingMode());
    assertThat(each).isEqualTo(Money.parse("INR 837.68"));
    TaxRule onAll = TaxRule.onAll("gst", "GST", bd("18"));
    assertThat(onAll.appliesTo()).isEmpty();
    assertThat(onAll.calculation()).isEqualTo(TaxCalculation.ON_SUBTOTAL);
  }

  @Test
  void demand_response_program_with_a_ten_of_ten_baseline_and_events() {
    DemandResponseEvent e1 = DemandResponseEvent.of("E-2024-07-15", LocalDateTime.parse("2024-07-15T14:00"),
        LocalDateTime.parse("2024-07-15T18:00"));
    DemandResponseEvent e2 = DemandResponseEvent.of("E-2024-07-16", LocalDateTime.parse("2024-07-16T20:00"),
        LocalDateTime.parse("2024-07-17T00:00"));
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr").description("Peak time rebate")
        .incentiveRate(bd("0.75")).addEvents(e1, e2).build();
    Tariff t = tariff("RES-PTR", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15"))
        .addDemandResponseProgram(dr).build());
    DemandResponseProgram held = t.versions().get(0).demandResponsePrograms().get(0);
    assertThat(held.incentiveRate()).isEqualByComparingTo("0.75");
    assertThat(held.events()).containsExactly(e1, e2);
    assertThat(held.events().get(1).endExclusive()).isEqualTo(LocalDateTime.parse("2024-07-17T00:00"));
    BaselineRule b = held.baseline();
    assertThat(b.method()).isEqualTo(BaselineMethod.AVERAGE);
    assertThat(b.days()).isEqualTo(10);
    assertThat(b.window()).isEqualTo(10);
    assertThat(b.maxLookbackDays()).isEqualTo(45);
    assertThat(b.lowUsagePercent()).isEqualByComparingTo("25");
    assertThat(b.adjustment()).isEqualTo(BaselineAdjustment.NONE);
    assertThat(b.adjustmentHours()).isEqualTo(3);
    assertThat(b.adjustmentCapPercent()).isEqualByComparingTo("20");
    assertThat(b.adjustmentGapHours()).isEqualTo(1);
    assertThat(b.weekend()).isEmpty();
    assertThat(b.calendar()).isEmpty();
    assertThat(held.reductionBasis()).isEqualTo(ReductionBasis.INTERVAL);
    assertThat(held.excludedDays()).isEmpty();
    WeekendBaseline w = WeekendBaseline.builder().build();
    assertThat(w.method()).isEqualTo(BaselineMethod.HIGHEST_X_OF_Y);
    assertThat(List.of(w.days(), w.window())).containsExactly(2, 3);
    assertThat(w.matching()).isEqualTo(WeekendMatching.ANY_WEEKEND_OR_HOLIDAY);
    assertThat(w.holidayLikeDay()).isEqualTo(java.time.DayOfWeek.SUNDAY);
    DemandResponseProgram excluding = held.withExcludedDays(List.of(LocalDate.parse("2024-07-09"),
        LocalDate.parse("2024-07-02")));
    assertThat(excluding.excludedDays()).containsExactly(LocalDate.parse("2024-07-02"), LocalDate.parse("2024-07-09"));
    BaselineRule fourOfFive = BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(4).window(5)
        .adjustment(BaselineAdjustment.MULTIPLICATIVE).build();
    assertThat(held.withBaseline(fourOfFive).baseline().days()).isEqualTo(4);
    // DOMAIN: credit = max(0, baseline − actual) × rate; 3.2 kWh baseline, 1.0 kWh actual -> 2.2 × 0.75 = 1.65
    assertThat(bd("3.2").subtract(bd("1.0")).max(BigDecimal.ZERO).multiply(held.incentiveRate()))
        .isEqualByComparingTo("1.65");
  }

  @Test
  void time_series_energy_prices() {
    Instant start = Instant.parse("2024-07-15T04:00:00Z");
    List<BigDecimal> prices = new ArrayList<>(Collections.nCopies(96, bd("0.045")));
    prices.set(68, bd("0.412"));
    PriceSeries series = PriceSeries.builder().start(start).intervalLength(IntervalLength.FIFTEEN_MINUTES)
        .prices(prices).build();
    EnergyCharge rtp = EnergyCharge.builder().id("energy-rtp").description("Real-time energy")
        .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO)).priceSeries(series).build();
    Tariff t = tariff("RES-RTP", version("2024-01-01").addEnergyCharge(rtp).build());
    EnergyCharge held = t.versions().get(0).energyCharges().get(0);
    PriceSeries s = held.priceSeries().orElseThrow();
    assertThat(s.prices()).hasSize(96);
    assertThat(s.grid().end()).isEqualTo(start.plus(Duration.ofDays(1)));
    assertThat(s.priceAt(start.plus(Duration.ofMinutes(68 * 15 + 7)))).contains(bd("0.412"));
    assertThat(s.priceAt(start.plus(Duration.ofMinutes(69 * 15)))).contains(bd("0.045"));
  }

  @Test
  void mid_period_tariff_change() {
    FixedCharge customer = FixedCharge.of("customer", "Customer charge", bd("10.00"), FixedChargeBasis.PER_BILL);
    TariffVersion v1 = version("2024-01-01").addFixedCharge(customer).addEnergyCharge(flatEnergy("energy", "0.15"))
        .build();
    TariffVersion v2 = version("2024-03-15").addFixedCharge(customer).addEnergyCharge(flatEnergy("energy", "0.17"))
        .build();
    Tariff t = tariff("RES-CHANGE", v1, v2);
    BillingPeriod march = BillingPeriod.ofMonth(YearMonth.of(2024, 3), NEW_YORK);
    List<TariffSegment> segments = t.segments(march);
    assertThat(segments).extracting(TariffSegment::period).containsExactly(
        BillingPeriod.of(date("2024-03-01"), date("2024-03-15"), NEW_YORK),
        BillingPeriod.of(date("2024-03-15"), date("2024-04-01"), NEW_YORK));
    assertThat(segments).extracting(TariffSegment::version).containsExactly(v1, v2);
    assertThat(segments).extracting(x -> x.period().days()).containsExactly(14, 17);
    // DOMAIN: fixed charges are prorated by days: 10.00 × 14/31 and × 17/31
    assertThat(Monies.allocate(Money.parse("USD 10.00"), List.of(bd("14"), bd("17"))))
        .containsExactly(Money.parse("USD 4.52"), Money.parse("USD 5.48"));
  }

  @Test
  void tou_schedule_from_month_hour_matrices() {
    int[][] weekday = new int[12][24];
    int[][] weekend = new int[12][24];
    for (int m = 5; m <= 8; m++) { // June to September
      for (int h = 16; h < 21; h++) {
        weekday[m][h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("URDB", List.of("off-peak", "on-peak"), weekday, weekend,
        DayCalendar.standard(HolidayCalendar.nerc()));
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy").schedule(s)
        .addPeriod(PeriodTiers.flat(0, bd("0.09"))).addPeriod(PeriodTiers.flat(1, bd("0.29"))).build();
    Tariff t = tariff("URDB-TOU", version("2024-01-01").addEnergyCharge(energy).build());
    TouSchedule held = t.versions().get(0).energyCharges().get(0).schedule().orElseThrow();
    assertThat(held.seasons()).extracting(x -> x.name())
        .containsExactly("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    assertThat(held.profiles()).hasSize(24);
    assertThat(held.slotMinutes()).isEqualTo(60);
    assertThat(held.periodAt(LocalDateTime.parse("2024-07-15T16:00"))).isEqualTo(1);
    assertThat(held.periodAt(LocalDateTime.parse("2024-07-15T21:00"))).isZero();
    assertThat(held.periodAt(LocalDateTime.parse("2024-07-13T17:00"))).isZero(); // Saturday
    assertThat(held.periodAt(LocalDateTime.parse("2024-07-04T17:00"))).isZero(); // holiday: weekend matrix
    assertThat(held.periodAt(LocalDateTime.parse("2024-05-31T17:00"))).isZero();
    assertThat(held.seasonOf(date("2024-02-29")).name()).isEqualTo("Feb");
    assertThat(held.seasonOf(date("2023-02-28")).name()).isEqualTo("Feb");
  }

  @Test
  void escalation_of_all_rates_by_year() {
    Escalation esc = Escalation.of(2024, bd("1.025"));
    RatingConventions conventions = RatingConventions.builder().escalation(esc).build();
    Tariff t = tariff("SAM-ESC", version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.10"))
        .conventions(conventions).build());
    Escalation held = t.versions().get(0).conventions().escalation().orElseThrow();
    assertThat(held.factorFor(2023)).isEqualByComparingTo("1");
    assertThat(held.factorFor(2024)).isEqualByComparingTo("1");
    assertThat(held.factorFor(2025)).isEqualByComparingTo("1.025");
    assertThat(held.factorFor(2026)).isEqualTo(bd("1.050625"));
    assertThat(held.factorFor(2027)).isEqualTo(bd("1.076890625"));
  }

  @Test
  void version_defaults() {
    TariffVersion v = version("2024-01-01").build();
    assertThat(v.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(v.conventions()).isEqualTo(RatingConventions.defaults());
    assertThat(v.conventions().calendarMonthBills()).isFalse();
    assertThat(v.conventions().perKwTierDemand()).isEqualTo(DemandBasis.PEAK);
    assertThat(v.conventions().uniformTierBoundsAcrossPeriods()).isFalse();
    assertThat(v.conventions().escalation()).isEmpty();
    assertThat(v.effectiveUntil()).isEmpty();
    assertThat(v.components()).isEmpty();
    assertThat(version("2024-01-01").roundingMode(RoundingMode.HALF_EVEN).build().roundingMode())
        .isEqualTo(RoundingMode.HALF_EVEN);
  }

  @Test
  void components_are_in_bill_order() {
    TariffVersion v = version("2024-01-01")
        .addTax(TaxRule.onAll("tax", "Tax", bd("5")))
        .addDemandResponseProgram(DemandResponseProgram.builder().id("dr").description("DR").incentiveRate(bd("1"))
            .build())
        .addRider(Rider.builder().id("rider").description("Rider").kind(RiderKind.PER_BILL).rate(bd("1")).build())
        .minimumCharge(MinimumCharge.builder().monthly(bd("5")).build())
        .addDemandCharge(DemandCharge.builder().id("demand").description("D").addPeriod(PeriodTiers.flat(0, bd("1")))
            .build())
        .addEnergyCharge(flatEnergy("energy", "0.1"))
        .addFixedCharge(FixedCharge.of("fixed", "F", bd("1"), FixedChargeBasis.PER_BILL))
        .build();
    assertThat(v.components()).extracting(TariffComponent::id)
        .containsExactly("fixed", "energy", "demand", "minimum", "rider", "dr", "tax");
  }
}
