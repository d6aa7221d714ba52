package io.github.gridbill.examples.demo;

import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.RiderKind;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.Season;
import io.github.gridbill.formats.UrdbImport;
import io.github.gridbill.formats.UrdbReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * The demo's six utility tariffs, three per book. The US residential tariff is a real one, Florida Power &amp; Light
 * RS-1 from the OpenEI Utility Rate Database (read by {@link UrdbReader} from the copy in the jar); the others are
 * written here in the shapes real tariffs have.
 *
 * <ul>
 *   <li>{@code IN-LT1-SLAB}: Indian residential slab tariff: block tiers 0–100, 100–300, 300–500, above 500 kWh a
 *       month; a fixed charge per bill; electricity duty 5% of energy (a rider).</li>
 *   <li>{@code IN-LT2-TOD}: Indian commercial time-of-day tariff: peak 18:00–22:00 (+20%), off-peak 22:00–06:00
 *       (−10%), normal otherwise; a demand charge on the month's peak kW; a monthly minimum.</li>
 *   <li>{@code IN-NETBILL}: rooftop solar under net billing: the slab tariff on imports per interval, exports credited
 *       at a feed-in rate.</li>
 *   <li>{@code FPL-RS-1}: the URDB item; rated outside its own effective dates, which the demo states explicitly.</li>
 *   <li>{@code US-GS-TOU}: small business TOU with seasons and NERC holidays, TOU energy with two block tiers per
 *       period, TOU demand with an 80% ratchet over 11 months, and a 6.25% sales tax.</li>
 *   <li>{@code US-GS-TOU-DR}: the same with the demand-response programme the participating businesses signed up for:
 *       a 10-in-10 baseline with a same-day multiplicative adjustment capped at ±20% (CAISO), $0.85 per kWh reduced,
 *       settled hour by hour, one event in the billed month.</li>
 *   <li>{@code US-NEM}: residential net metering, monthly netting, kWh credits rolled over and paid at an avoided-cost
 *       rate at the December true-up; a $10 monthly minimum.</li>
 * </ul>
 */
final class DemoTariffs {
  static final String IN_SLAB = "IN-LT1-SLAB";
  static final String IN_TOD = "IN-LT2-TOD";
  static final String IN_NET_BILLING = "IN-NETBILL";
  static final String US_FPL = "FPL-RS-1";
  static final String US_TOU = "US-GS-TOU";
  static final String US_NEM = "US-NEM";
  static final String US_TOU_DR = "US-GS-TOU-DR";

  static final String FPL_RESOURCE = "reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json";

  private final List<Tariff> tariffs;
  private final List<String> notCarried;

  private DemoTariffs(List<Tariff> tariffs, List<String> notCarried) {
    this.tariffs = tariffs;
    this.notCarried = notCarried;
  }

  /** Builds the six tariffs, reading FPL RS-1 from the jar. */
  static DemoTariffs create(DemoScenario scenario) {
    List<Tariff> all = new ArrayList<>();
    all.add(inSlab());
    all.add(inTod());
    all.add(inNetBilling());
    UrdbImport fpl = readFpl();
    // the URDB item is in force 2015-06-01 to 2015-08-31; rating 2025 with it is a choice the demo makes explicitly
    all.add(fpl.tariffEffectiveFrom(LocalDate.of(2020, 1, 1)).withId(US_FPL));
    all.add(usTou());
    all.add(usTouWithDemandResponse(scenario));
    all.add(usNem());
    List<String> nc = new ArrayList<>();
    fpl.notCarried().forEach(n -> nc.add(String.valueOf(n)));
    return new DemoTariffs(List.copyOf(all), List.copyOf(nc));
  }

  List<Tariff> all() {
    return tariffs;
  }

  Tariff get(String id) {
    for (Tariff t : tariffs) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no demo tariff " + id);
  }

  /** What the URDB import of FPL RS-1 reported it could not carry over. */
  List<String> fplNotCarried() {
    return notCarried;
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static UrdbImport readFpl() {
    try (InputStream in = Objects.requireNonNull(DemoTariffs.class.getResourceAsStream(FPL_RESOURCE), FPL_RESOURCE)) {
      return UrdbReader.forZone(DemoBook.USD.zone()).withDefaultId(US_FPL).read(FPL_RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Integer> slots(int[] h) {
    List<Integer> out = new ArrayList<>(h.length);
    for (int v : h) {
      out.add(v);
    }
    return out;
  }

  private static HolidayCalendar indiaHolidays() {
    // national and widely observed holidays of 2025 (Holi, Id-ul-Fitr, Mahavir Jayanti, Good Friday, ...)
    return HolidayCalendar.builder().name("India 2025 (national and gazetted)")
        .addDates(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 31),
            LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 8, 15),
            LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 20), LocalDate.of(2025, 12, 25))
        .build();
  }

  static TouSchedule indiaTod() {
    // 0 normal, 1 peak 18:00-22:00, 2 off-peak 22:00-06:00; the same every day
    int[] day = {2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    return TouSchedule.builder().name("IN-TOD").periodNames(List.of("normal", "peak", "off-peak"))
        .addSeason(Season.allYear())
        .calendar(DayCalendar.builder().weekendDays(List.of(java.time.DayOfWeek.SUNDAY))
            .holidays(indiaHolidays()).build())
        .addProfile(DayProfile.of(Season.allYear().name(), DayType.WEEKDAY, slots(day)))
        .addProfile(DayProfile.of(Season.allYear().name(), DayType.WEEKEND, slots(day)))
        .build();
  }

  private static List<Tier> slabs() {
    return List.of(Tier.upTo(d("100"), d("3.00")), Tier.upTo(d("300"), d("4.50")), Tier.upTo(d("500"), d("6.50")),
        Tier.unbounded(d("8.00")));
  }

  private static Rider duty() {
    return Rider.builder().id("duty").description("Electricity duty").kind(RiderKind.PERCENT).rate(d("5"))
        .addAppliesTo("energy").build();
  }

  static Tariff inSlab() {
    return Tariff.builder().id(IN_SLAB).name("LT-1 Domestic (slab)").utility("GridBill Power (demo DISCOM)")
        .sector("Residential").currency(DemoBook.INR.currency()).zone(DemoBook.INR.zone())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 1))
            .addFixedCharge(FixedCharge.of("fixed", "Fixed charge", d("60.00"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy (slab)")
                .addPeriod(PeriodTiers.of(0, slabs())).build())
            .addRider(duty())
            .build())
        .build();
  }

  static Tariff inTod() {
    TouSchedule tod = indiaTod();
    return Tariff.builder().id(IN_TOD).name("LT-2 Commercial (time of day)").utility("GridBill Power (demo DISCOM)")
        .sector("Commercial").currency(DemoBook.INR.currency()).zone(DemoBook.INR.zone())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 1))
            .addFixedCharge(FixedCharge.of("fixed", "Fixed charge", d("250.00"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy (time of day)").schedule(tod)
                .addPeriod(PeriodTiers.flat(0, d("7.50")))
                .addPeriod(PeriodTiers.flat(1, d("9.00")))
                .addPeriod(PeriodTiers.flat(2, d("6.75")))
                .build())
            .addDemandCharge(DemandCharge.builder().id("demand").description("Demand charge")
                .addPeriod(PeriodTiers.flat(0, d("350.00"))).build())
            .addRider(duty())
            .minimumCharge(MinimumCharge.builder().monthly(d("1500.00")).build())
            .build())
        .build();
  }

  static Tariff inNetBilling() {
    return Tariff.builder().id(IN_NET_BILLING).name("LT-1 Domestic with rooftop solar (net billing)")
        .utility("GridBill Power (demo DISCOM)").sector("Residential").currency(DemoBook.INR.currency())
        .zone(DemoBook.INR.zone())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 1))
            .addFixedCharge(FixedCharge.of("fixed", "Fixed charge", d("60.00"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy (slab)")
                .addPeriod(PeriodTiers.of(0, slabs())).build())
            .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
                .exportRate(ExportRate.flat(d("3.10"))).build())
            .addRider(duty())
            .build())
        .build();
  }

  static TouSchedule usTouSchedule() {
    int[] summerWeekday = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0};
    int[] winterWeekday = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0};
    int[] weekend = new int[24];
    return TouSchedule.builder().name("US-GS-TOU").periodNames(List.of("off-peak", "mid-peak", "on-peak"))
        .addSeason(Season.of("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)))
        .addSeason(Season.of("winter", MonthDay.of(10, 1), MonthDay.of(5, 31)))
        .calendar(DayCalendar.standard(HolidayCalendar.nerc()))
        .addProfile(DayProfile.of("summer", DayType.WEEKDAY, slots(summerWeekday)))
        .addProfile(DayProfile.of("summer", DayType.WEEKEND, slots(weekend)))
        .addProfile(DayProfile.of("winter", DayType.WEEKDAY, slots(winterWeekday)))
        .addProfile(DayProfile.of("winter", DayType.WEEKEND, slots(weekend)))
        .build();
  }

  static Tariff usTou() {
    TouSchedule s = usTouSchedule();
    return Tariff.builder().id(US_TOU).name("GS-TOU Small business time of use").utility("GridBill Energy (demo)")
        .sector("Commercial").currency(CurrencyUnit.USD).zone(DemoBook.USD.zone())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("0.95"), FixedChargeBasis.PER_DAY))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy").schedule(s)
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("1000"), d("0.0842")), Tier.unbounded(d("0.0791")))))
                .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("1000"), d("0.1217")), Tier.unbounded(d("0.1133")))))
                .addPeriod(PeriodTiers.of(2, List.of(Tier.upTo(d("1000"), d("0.1764")), Tier.unbounded(d("0.1652")))))
                .build())
            .addDemandCharge(DemandCharge.builder().id("demand").description("Demand").schedule(s)
                .addPeriod(PeriodTiers.flat(0, d("1.85")))
                .addPeriod(PeriodTiers.flat(1, d("5.40")))
                .addPeriod(PeriodTiers.flat(2, d("14.20")))
                .build())
            .ratchet(Ratchet.uniform(d("80"), 11))
            .addTax(TaxRule.onAll("sales-tax", "Sales tax", d("6.25")))
            .build())
        .build();
  }

  static Tariff usTouWithDemandResponse(DemoScenario scenario) {
    Tariff base = usTou();
    DemandResponseProgram dr = DemandResponseProgram.builder().id("dr-peak-saver")
        .description("Peak Saver demand response").incentiveRate(d("0.85"))
        .baseline(BaselineRule.builder().method(BaselineMethod.AVERAGE).days(10).window(10)
            .adjustment(BaselineAdjustment.MULTIPLICATIVE).adjustmentHours(3).adjustmentCapPercent(d("20")).build())
        .reductionBasis(ReductionBasis.HOUR)
        .addEvent(DemandResponseEvent.builder().id("DR-" + scenario.drEventLocalStart().toLocalDate())
            .startInclusive(scenario.drEventLocalStart()).endExclusive(scenario.drEventLocalEnd()).build())
        .build();
    TariffVersion v = base.versions().get(0);
    return base.withId(US_TOU_DR).withName(base.name() + ", Peak Saver demand response")
        .withVersions(List.of(v.withDemandResponsePrograms(List.of(dr))));
  }

  static Tariff usNem() {
    return Tariff.builder().id(US_NEM).name("R-NEM Residential net metering").utility("GridBill Energy (demo)")
        .sector("Residential").currency(CurrencyUnit.USD).zone(DemoBook.USD.zone())
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("12.00"), FixedChargeBasis.PER_BILL))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("600"), d("0.1385")), Tier.unbounded(d("0.1612")))))
                .build())
            .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
                .trueUpMonth(Month.DECEMBER).surplusRate(d("0.0412")).trueUpSettlement(TrueUpSettlement.PAY)
                .build())
            .minimumCharge(MinimumCharge.builder().monthly(d("10.00")).build())
            .build())
        .build();
  }
}
