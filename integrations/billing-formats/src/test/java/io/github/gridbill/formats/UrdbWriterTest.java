package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.tariff.DemandBasis;
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
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.Season;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrdbWriterTest {

  static final ZoneId DENVER = ZoneId.of("America/Denver");

  // ---------------------------------------------------------------- round trip

  @Property(tries = 200)
  void urdbExpressibleTariffsSurviveWriteThenRead(@ForAll("tariffs") Tariff t) {
    UrdbExport e = UrdbWriter.write(t);
    assertThat(e.notWritten()).isEmpty();
    Tariff back = UrdbReader.forZone(t.zone()).withCurrency(t.currency()).read("round-trip.json", e.json()).tariff();
    assertThat(back).isEqualTo(t);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json", "reoptapi_PGE_E-19_post.json",
      "reoptapi_SCE_GS-2_TOU_B_post.json", "reoptapi_EntergyArkansas_LPS-TOU_generator_post.json",
      "reoptapi_PECO_GS-HT_post.json", "reoptapi_PSCo_Residential_Demand_RD_post.json", "reoptjl_leap_year.json",
      "reoptjl_multi_tier_urdb_response.json"})
  void everyRealTariffSurvivesReadWriteRead(String file) {
    UrdbReader reader = UrdbReader.forZone(DENVER);
    Tariff t = reader.read(UrdbReaderTest.fixture(file)).tariff();
    UrdbExport e = UrdbWriter.write(t);
    assertThat(e.notWritten()).isEmpty();
    assertThat(reader.read("again.json", e.json()).tariff()).isEqualTo(t);
  }

  @Provide
  Arbitrary<Tariff> tariffs() {
    return Arbitraries.randomValue(UrdbWriterTest::randomTariff);
  }

  static BigDecimal amount(Random r, boolean positive) {
    return BigDecimal.valueOf(r.nextInt(100_000) + (positive ? 1 : 0), r.nextInt(6));
  }

  /** A percentage from 0.01 to 150 with 0 to 2 decimals. */
  static BigDecimal percent(Random r) {
    int scale = r.nextInt(3);
    return BigDecimal.valueOf(1 + r.nextInt(150 * (int) Math.pow(10, scale)), scale);
  }

  static int[][] matrix(Random r, int n) {
    int[][] m = new int[12][24];
    for (int i = 0; i < 12; i++) {
      for (int h = 0; h < 24; h++) {
        m[i][h] = r.nextInt(n);
      }
    }
    return m;
  }

  static List<Tier> tiers(Random r, boolean energy) {
    int k = 1 + r.nextInt(3);
    TierUnit[] units = {TierUnit.KWH, TierUnit.KWH_PER_DAY, TierUnit.KWH_PER_KW, TierUnit.KWH_PER_KW_PER_DAY};
    TierUnit unit = energy ? units[r.nextInt(units.length)] : TierUnit.KW;
    List<Tier> out = new ArrayList<>();
    BigDecimal bound = BigDecimal.ZERO;
    for (int i = 0; i < k; i++) {
      Tier.Builder b = Tier.builder().rate(amount(r, false)).unit(unit);
      if (i < k - 1 || r.nextInt(3) == 0) {
        bound = bound.add(amount(r, true));
        b.upTo(bound);
      }
      if (energy && r.nextInt(3) == 0) {
        b.sellRate(amount(r, false));
      }
      out.add(b.build());
    }
    return out;
  }

  static Tariff randomTariff(Random r) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      id.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    LocalDate from = LocalDate.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28));
    TariffVersion.Builder v = TariffVersion.builder().effectiveFrom(from);
    if (r.nextBoolean()) {
      v.effectiveUntil(from.plusDays(1 + r.nextInt(800)));
    }
    if (r.nextBoolean()) {
      v.addFixedCharge(FixedCharge.of("fixed", "Fixed charge", amount(r, true),
          r.nextBoolean() ? FixedChargeBasis.PER_BILL : FixedChargeBasis.PER_DAY));
    }
    boolean anySell = false;
    if (r.nextInt(4) != 0) {
      int n = 1 + r.nextInt(4);
      EnergyCharge.Builder e = EnergyCharge.builder().id("energy").description("Energy charge");
      if (n > 1) {
        e.schedule(TouSchedule.fromMonthHourMatrices("energy", UrdbItemParser.periodNames(n), matrix(r, n),
            matrix(r, n), DayCalendar.standard())).counter(TierCounter.ALL_PERIODS)
            .allocation(TierAllocation.PROPORTIONAL);
      }
      for (int p = 0; p < n; p++) {
        List<Tier> ts = tiers(r, true);
        anySell |= ts.stream().anyMatch(t -> t.sellRate().isPresent());
        e.addPeriod(PeriodTiers.of(p, ts));
      }
      v.addEnergyCharge(e.build());
    }
    if (r.nextBoolean()) {
      int n = 1 + r.nextInt(3);
      DemandCharge.Builder d = DemandCharge.builder().id("demand-tou").description("TOU demand charge");
      if (n > 1) {
        d.schedule(TouSchedule.fromMonthHourMatrices("demand", UrdbItemParser.periodNames(n), matrix(r, n),
            matrix(r, n), DayCalendar.standard()));
      }
      for (int p = 0; p < n; p++) {
        d.addPeriod(PeriodTiers.of(p, tiers(r, false)));
      }
      v.addDemandCharge(d.build());
    }
    boolean ratchet = r.nextInt(3) == 0;
    if (r.nextBoolean()) {
      int n = 1 + r.nextInt(13);
      DemandCharge.Builder d = DemandCharge.builder().id("demand-flat").description("Flat demand charge")
          .basis(ratchet ? DemandBasis.BILLING_DEMAND : DemandBasis.PEAK);
      if (n > 1) {
        int[][] rows = new int[12][24];
        for (int m = 0; m < 12; m++) {
          java.util.Arrays.fill(rows[m], r.nextInt(n));
        }
        d.schedule(TouSchedule.fromMonthHourMatrices("flat demand", UrdbItemParser.periodNames(n), rows, rows,
            DayCalendar.standard()));
      }
      for (int p = 0; p < n; p++) {
        d.addPeriod(PeriodTiers.of(p, tiers(r, false)));
      }
      v.addDemandCharge(d.build());
    } else {
      ratchet = ratchet && r.nextBoolean(); // a ratchet without a flat charge is allowed too
    }
    if (ratchet) {
      List<BigDecimal> pct = new ArrayList<>();
      BigDecimal common = percent(r);
      boolean uniform = r.nextBoolean();
      for (int m = 0; m < 12; m++) {
        if (r.nextInt(4) == 0 && m > 0) {
          pct.add(BigDecimal.ZERO);
        } else {
          pct.add(uniform ? common : percent(r));
        }
      }
      v.ratchet(Ratchet.builder().percentByMonth(pct).includeCurrentPeakByMonth(Collections.nCopies(12, true))
          .lookbackMonths(1 + r.nextInt(36)).reference(RatchetReference.PEAK_DEMAND).build());
    }
    if (r.nextBoolean()) {
      MinimumCharge.Builder m = MinimumCharge.builder();
      boolean monthly = r.nextBoolean();
      if (monthly) {
        m.monthly(amount(r, true));
      }
      if (!monthly || r.nextBoolean()) {
        m.annual(amount(r, true));
      }
      v.minimumCharge(m.build());
    }
    if (r.nextBoolean()) {
      NetMeteringMode mode = List.of(NetMeteringMode.NET_METERING, NetMeteringMode.NET_BILLING,
          NetMeteringMode.BUY_ALL_SELL_ALL).get(r.nextInt(3));
      NetMeteringRule.Builder n = NetMeteringRule.builder().mode(mode)
          .carry(mode == NetMeteringMode.NET_METERING ? CreditCarry.KWH : CreditCarry.NONE);
      if (anySell) {
        n.exportRate(ExportRate.tierSellRates());
      }
      v.netMetering(n.build());
    }
    Tariff.Builder t = Tariff.builder().id(id.toString()).name("Tariff " + r.nextInt(1000))
        .currency(CurrencyUnit.USD).zone(DENVER).addVersion(v.build());
    if (r.nextBoolean()) {
      t.utility("Utility " + r.nextInt(50));
    }
    if (r.nextBoolean()) {
      t.sector(List.of("Residential", "Commercial", "Industrial").get(r.nextInt(3)));
    }
    return t.build();
  }

  // ---------------------------------------------------------------- what URDB cannot hold

  static TariffVersion.Builder version() {
    return TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1));
  }

  static Tariff tariff(TariffVersion v) {
    return Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(DENVER).addVersion(v).build();
  }

  @org.junit.jupiter.api.Test
  void volumeTiersAndTrueUpAreReportedNotWritten() {
    TariffVersion v = version()
        .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy charge").mode(TierMode.VOLUME)
            .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(new BigDecimal("100"), new BigDecimal("0.1")),
                Tier.unbounded(new BigDecimal("0.2"))))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
            .trueUpMonth(Month.APRIL).build())
        .build();
    UrdbExport e = UrdbWriter.write(tariff(v));
    assertThat(e.notWritten()).containsExactly(
        NotCarried.of("energyCharges[0].mode", "tier mode VOLUME", "URDB tiers are blocks"),
        NotCarried.of("netMetering.trueUpMonth", "APRIL", "URDB has no true-up"));
  }

  @org.junit.jupiter.api.Test
  void subHourlyAndHolidaySchedulesAreReportedNotWritten() {
    List<Integer> quarter = new ArrayList<>(Collections.nCopies(96, 0));
    quarter.set(70, 1);
    Season all = Season.allYear();
    TouSchedule fine = TouSchedule.builder().name("q").addPeriodName("off").addPeriodName("on").addSeason(all)
        .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, quarter))
        .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, quarter)).build();
    TariffVersion v = version().addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy charge")
        .schedule(fine).addPeriod(PeriodTiers.flat(0, BigDecimal.ONE)).addPeriod(PeriodTiers.flat(1, BigDecimal.TEN))
        .build()).build();
    assertThat(UrdbWriter.write(tariff(v)).notWritten()).containsExactly(NotCarried.of("energyCharges[0].schedule",
        "energy charge energy schedule", "URDB schedules are hourly by month, weekday and weekend, without holidays"));
  }

  @org.junit.jupiter.api.Test
  void aRatchetLookingBackNoMonthIsReportedNotWritten() {
    TariffVersion v = version().ratchet(Ratchet.uniform(new BigDecimal("80"), 0)).build();
    UrdbExport written = UrdbWriter.write(tariff(v));
    assertThat(written.notWritten()).containsExactly(NotCarried.of("ratchet.lookbackMonths",
        "ratchet looking back 0 months", "URDB reads a look-back range of 0 as absent (11 months)"));
    assertThat(written.json()).doesNotContain("lookback");
  }

  @org.junit.jupiter.api.Test
  void secondFixedChargeAndForeignIdsAreReported() {
    TariffVersion v = version()
        .addFixedCharge(FixedCharge.of("customer", "Customer charge", BigDecimal.TEN, FixedChargeBasis.PER_BILL))
        .addFixedCharge(FixedCharge.of("meter", "Meter charge", BigDecimal.ONE, FixedChargeBasis.PER_DAY)).build();
    assertThat(UrdbWriter.write(tariff(v)).notWritten()).extracting(NotCarried::location)
        .containsExactly("fixedCharges[0].id", "fixedCharges[1]");
  }

  @org.junit.jupiter.api.Test
  void severalVersionsNeedTheVersionNamed() {
    Tariff two = Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(DENVER)
        .addVersion(version().build()).addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2025, 1, 1))
            .build()).build();
    assertThatThrownBy(() -> UrdbWriter.write(two))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("tariff.versions must be exactly one for write(tariff); pass the version to write: 2 versions");
    assertThat(UrdbWriter.write(two, two.versions().get(1)).json()).contains("\"startdate\" : 1735689600");
  }
}
