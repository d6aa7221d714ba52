package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class UrdbReaderTest {

  static final ZoneId NY = ZoneId.of("America/New_York");
  static final UrdbReader READER = UrdbReader.forZone(NY);

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(UrdbReaderTest.class.getResource("/fixtures/urdb/" + name)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  static TariffVersion only(Tariff t) {
    assertThat(t.versions()).hasSize(1);
    return t.versions().get(0);
  }

  static List<String> notCarriedLocations(UrdbImport i) {
    return i.notCarried().stream().map(NotCarried::location).collect(Collectors.toList());
  }

  @Test
  void fplRs1TwoTiersWithAdjAndFixedCharge() {
    UrdbImport imp = READER.read(fixture("reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json"));
    Tariff t = imp.tariff();
    assertThat(t.id()).isEqualTo("5550d6fd5457a3187e8b4567");
    assertThat(t.name()).isEqualTo("RS-1 Residential Service");
    assertThat(t.utility()).contains("Florida Power & Light Co.");
    assertThat(t.sector()).contains("Residential");
    assertThat(t.currency()).isEqualTo(CurrencyUnit.USD);
    assertThat(t.zone()).isEqualTo(NY);
    TariffVersion v = only(t);
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2015, 6, 1));
    assertThat(v.effectiveUntil()).contains(LocalDate.of(2015, 8, 31));
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("7.57"), FixedChargeBasis.PER_BILL));
    assertThat(v.energyCharges()).hasSize(1);
    EnergyCharge e = v.energyCharges().get(0);
    assertThat(e.schedule()).isEmpty();
    List<Tier> tiers = e.tiersOf(0).orElseThrow().tiers();
    assertThat(tiers).hasSize(2);
    assertThat(tiers.get(0).upTo()).contains(bd("1000"));
    assertThat(tiers.get(0).unit()).isEqualTo(TierUnit.KWH);
    assertThat(tiers.get(0).rate()).isEqualByComparingTo(bd("0.07531").add(bd("0.0119")));
    assertThat(tiers.get(1).upTo()).isEmpty();
    assertThat(tiers.get(1).rate()).isEqualByComparingTo(bd("0.09613").add(bd("0.0119")));
    assertThat(v.demandCharges()).isEmpty();
    assertThat(v.netMetering()).isEmpty();
    assertThat(v.minimumCharge()).isEmpty();
    assertThat(notCarriedLocations(imp)).containsExactly("$.energycomments");
    assertThat(imp.assumptions()).extracting(Assumption::location).containsExactly("$.enddate", "$.dgrules");
    // GOLD G1: 12 months of 2000 kWh: 12 × 1000 at tier 1 + 12 × 1000 at tier 2 = 2342.88 (adj included)
    BigDecimal year = BigDecimal.ZERO;
    for (int m = 0; m < 12; m++) {
      year = year.add(bd("1000").multiply(tiers.get(0).rate())).add(bd("1000").multiply(tiers.get(1).rate()));
    }
    assertThat(year.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2342.88");
  }

  @Test
  void pgeE19TouEnergyTouDemandSeasonalFlatDemandDailyFixedNetMetering() {
    UrdbImport imp = READER.read(fixture("reoptapi_PGE_E-19_post.json"));
    assertThat(imp.itemPath()).isEqualTo("$.Scenario.Site.ElectricTariff.urdb_response");
    TariffVersion v = only(imp.tariff());
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2019, 5, 1));
    assertThat(v.effectiveUntil()).contains(LocalDate.of(2019, 6, 30));
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("19.71253"), FixedChargeBasis.PER_DAY));
    EnergyCharge e = v.energyCharges().get(0);
    assertThat(e.periods()).extracting(p -> p.tiers().get(0).rate())
        .containsExactly(bd("0.09593"), bd("0.11253"), bd("0.08837"), bd("0.11883"), bd("0.16484"));
    assertThat(e.counter()).isEqualTo(TierCounter.ALL_PERIODS);
    assertThat(e.allocation()).isEqualTo(TierAllocation.PROPORTIONAL);
    DemandCharge tou = demand(v, "demand-tou");
    assertThat(tou.periods()).extracting(p -> p.tiers().get(0).rate())
        .containsExactly(bd("0"), bd("0.13"), bd("5.81"), bd("20.97"));
    assertThat(tou.basis()).isEqualTo(DemandBasis.PEAK);
    DemandCharge flat = demand(v, "demand-flat");
    assertThat(flat.periods()).extracting(p -> p.tiers().get(0).rate()).containsExactly(bd("19.53"), bd("19.53"));
    assertThat(flat.schedule()).isPresent();
    assertThat(v.netMetering().orElseThrow().mode()).isEqualTo(NetMeteringMode.NET_METERING);
    assertThat(v.netMetering().orElseThrow().carry()).isEqualTo(CreditCarry.KWH);
    assertThat(v.netMetering().orElseThrow().exportRate()).isEmpty();
    String b = "$.Scenario.Site.ElectricTariff";
    String u = b + ".urdb_response";
    assertThat(notCarriedLocations(imp)).containsExactly(b + ".net_metering_limit_kw", b + ".interconnection_limit_kw",
        u + ".demandattrs[0]", u + ".demandattrs[1]", u + ".demandattrs[2]", u + ".demandattrs[3]",
        u + ".demandattrs[4]", u + ".demandattrs[5]", u + ".energyattrs[0]", u + ".energyattrs[1]",
        u + ".energyattrs[2]", u + ".energyattrs[3]", u + ".energyattrs[4]", u + ".basicinformationcomments");
  }

  @Test
  void sceGs2TouEnergyTouDemandFlatDemand() {
    UrdbImport imp = READER.read(fixture("reoptapi_SCE_GS-2_TOU_B_post.json"));
    TariffVersion v = only(imp.tariff());
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("259.2"), FixedChargeBasis.PER_BILL));
    assertThat(v.energyCharges().get(0).periods()).hasSize(5);
    assertThat(demand(v, "demand-tou").periods()).extracting(p -> p.tiers().get(0).rate())
        .containsExactly(bd("0"), bd("5.3"), bd("18.11"));
    DemandCharge flat = demand(v, "demand-flat");
    assertThat(flat.schedule()).isEmpty();
    assertThat(flat.periods().get(0).tiers()).containsExactly(
        Tier.builder().rate(bd("13.2")).unit(TierUnit.KW).build());
    assertThat(v.netMetering()).isEmpty();
    String b = "$.Scenario.Site.ElectricTariff";
    String u = b + ".urdb_response";
    assertThat(notCarriedLocations(imp)).containsExactly(b + ".interconnection_limit_kw", u + ".energyattrs[0]",
        u + ".energyattrs[1]", u + ".energyattrs[2]", u + ".energyattrs[3]", u + ".demandattrs[0]",
        u + ".demandattrs[1]", u + ".demandattrs[2]", u + ".demandattrs[3]", u + ".demandattrs[4]",
        u + ".demandattrs[5]");
    assertThat(imp.notCarried().get(4).what())
        .isEqualTo("energyattrs {\"California Climate credit\":\"$-0.00669/kwh\"}");
  }

  @Test
  void entergyAdjOnEnergyAndDemandAndUseNetMetering() {
    UrdbImport imp = READER.read(fixture("reoptapi_EntergyArkansas_LPS-TOU_generator_post.json"));
    TariffVersion v = only(imp.tariff());
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2018, 1, 1));
    assertThat(v.effectiveUntil()).contains(LocalDate.of(2019, 1, 31));
    assertThat(v.energyCharges().get(0).periods()).extracting(p -> p.tiers().get(0).rate())
        .containsExactly(bd("0.03855"), bd("0.03290"), bd("0.02968"), bd("0.02812"));
    assertThat(demand(v, "demand-tou").periods()).extracting(p -> p.tiers().get(0).rate())
        .containsExactly(bd("18.887"), bd("6.037"), bd("16.017"), bd("5.337"));
    assertThat(v.fixedCharges().get(0).amount()).isEqualByComparingTo("468.6");
    assertThat(v.netMetering().orElseThrow().mode()).isEqualTo(NetMeteringMode.NET_METERING);
    String b = "$.Scenario.Site.ElectricTariff";
    String u = b + ".urdb_response";
    assertThat(notCarriedLocations(imp)).containsExactly(b + ".interconnection_limit_kw",
        u + ".basicinformationcomments", u + ".demandcomments", u + ".energycomments");
    assertThat(imp.assumptions()).extracting(Assumption::location)
        .containsExactly(u + ".enddate", u + ".usenetmetering", u + ".demandwindow");
    assertThat(imp.assumptions()).extracting(Assumption::what).containsExactly(
        "enddate 1548896400 (2019-01-31T01:00:00Z) is not midnight UTC", "usenetmetering true without a true-up",
        "demand window 15 minutes");
  }

  @Test
  void pecoSellRateFlatDemandAndCoincidentNotCarried() {
    UrdbImport imp = READER.read(fixture("reoptapi_PECO_GS-HT_post.json"));
    TariffVersion v = only(imp.tariff());
    Tier tier = v.energyCharges().get(0).periods().get(0).tiers().get(0);
    assertThat(tier.rate()).isEqualByComparingTo("0.0699");
    assertThat(tier.sellRate()).contains(bd("0.0699"));
    assertThat(demand(v, "demand-flat").periods().get(0).tiers().get(0).rate()).isEqualByComparingTo("5.26");
    assertThat(v.fixedCharges().get(0).amount()).isEqualByComparingTo("298.92");
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2014, 6, 1));
    assertThat(v.effectiveUntil()).contains(LocalDate.of(2015, 4, 30));
    String u = "$.Scenario.Site.ElectricTariff.urdb_response";
    assertThat(notCarriedLocations(imp)).containsExactly(u + ".coincidentratestructure", u + ".demandcomments",
        u + ".demandattrs[0]", u + ".demandattrs[1]", u + ".demandattrs[2]", u + ".energycomments");
    assertThat(imp.notCarried().get(0).what()).isEqualTo("coincident demand charge (1 periods): [[{\"rate\":0.79}]]");
  }

  @Test
  void psCoResidentialDemandTwoSeasonalFlatPeriods() {
    UrdbImport imp = READER.read(fixture("reoptapi_PSCo_Residential_Demand_RD_post.json"));
    TariffVersion v = only(imp.tariff());
    assertThat(v.energyCharges().get(0).periods().get(0).tiers().get(0).rate()).isEqualByComparingTo("0.0481085");
    DemandCharge flat = demand(v, "demand-flat");
    assertThat(flat.periods()).extracting(p -> p.tiers().get(0).rate()).containsExactly(bd("9.14"), bd("11.51"));
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("15.91"), FixedChargeBasis.PER_BILL));
    assertThat(v.effectiveUntil()).isEmpty();
    assertThat(v.netMetering().orElseThrow().carry()).isEqualTo(CreditCarry.KWH);
    String b = "$.Scenario.Site.ElectricTariff";
    assertThat(notCarriedLocations(imp)).containsExactly(b + ".interconnection_limit_kw",
        b + ".urdb_response.energycomments");
    assertThat(imp.assumptions()).extracting(Assumption::location).containsExactly(b + ".urdb_response.dgrules");
  }

  @Test
  void leapYearCustomTariffThirteenFlatPeriodsDailyFixed() {
    UrdbImport imp = READER.withDefaultId("leap-year").read(fixture("reoptjl_leap_year.json"));
    assertThat(imp.itemPath()).isEqualTo("$.ElectricTariff.urdb_response");
    Tariff t = imp.tariff();
    assertThat(t.id()).isEqualTo("leap-year");
    TariffVersion v = only(t);
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.EPOCH);
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("24.878"), FixedChargeBasis.PER_DAY));
    EnergyCharge e = v.energyCharges().get(0);
    TouSchedule s = e.schedule().orElseThrow();
    // GOLD G3 (a): 2024-02-29 is a Monday 15:00-16:00 local = period 2 ($0.36); 2023-03-05 is a Sunday = $0.28
    assertThat(e.tiersOf(s.periodAt(LocalDate.of(2024, 3, 4).atTime(15, 0))).orElseThrow().tiers().get(0).rate())
        .isEqualByComparingTo("0.36");
    assertThat(e.tiersOf(s.periodAt(LocalDate.of(2023, 3, 5).atTime(15, 0))).orElseThrow().tiers().get(0).rate())
        .isEqualByComparingTo("0.28");
    DemandCharge flat = demand(v, "demand-flat");
    assertThat(flat.periods()).hasSize(13);
    TouSchedule fs = flat.schedule().orElseThrow();
    for (int m = 1; m <= 12; m++) {
      assertThat(fs.periodAt(LocalDate.of(2024, m, 10).atTime(12, 0))).isEqualTo(m);
    }
    assertThat(flat.tiersOf(2).orElseThrow().tiers().get(0).rate()).isEqualByComparingTo("18.05");
    DemandCharge tou = demand(v, "demand-tou");
    assertThat(tou.tiersOf(2).orElseThrow().tiers().get(0).rate()).isEqualByComparingTo("10.0");
    assertThat(v.ratchet()).isEmpty(); // lookbackpercent 0
    assertThat(imp.notCarried()).isEmpty();
  }

  @Test
  void multiTierEnergyAndDemandTiers() {
    UrdbImport imp = READER.read(fixture("reoptjl_multi_tier_urdb_response.json"));
    TariffVersion v = only(imp.tariff());
    EnergyCharge e = v.energyCharges().get(0);
    assertThat(e.tiersOf(1).orElseThrow().tiers()).containsExactly(
        Tier.upTo(bd("20000"), bd("0.078891")), Tier.unbounded(bd("0.06")));
    assertThat(demand(v, "demand-tou").tiersOf(1).orElseThrow().tiers()).containsExactly(
        Tier.upToKw(bd("100.0"), bd("24.368")), Tier.builder().rate(bd("17.031")).unit(TierUnit.KW).build());
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("3.298"), FixedChargeBasis.PER_DAY));
    assertThat(imp.notCarried()).isEmpty();
    assertThat(imp.assumptions()).extracting(Assumption::location)
        .containsExactly("$.label", "$.name", "$.startdate", "$.energyratestructure", "$.dgrules");
  }

  @ParameterizedTest
  @ValueSource(strings = {"reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json", "reoptapi_PGE_E-19_post.json",
      "reoptapi_SCE_GS-2_TOU_B_post.json", "reoptapi_EntergyArkansas_LPS-TOU_generator_post.json",
      "reoptapi_PECO_GS-HT_post.json", "reoptapi_PSCo_Residential_Demand_RD_post.json", "reoptjl_leap_year.json",
      "reoptjl_multi_tier_urdb_response.json"})
  void schedulesMatchTheFileHourByHour(String file) throws Exception {
    UrdbImport imp = READER.read(fixture(file));
    JsonNode item =
        UrdbReader.MAPPER.readTree(fixture(file).toFile()).at(imp.itemPath().substring(1).replace('.', '/'));
    TariffVersion v = only(imp.tariff());
    EnergyCharge e = v.energyCharges().get(0);
    checkSchedule(e.schedule().orElse(null), item.get("energyweekdayschedule"), item.get("energyweekendschedule"));
    for (DemandCharge d : v.demandCharges()) {
      if (d.id().equals("demand-tou")) {
        checkSchedule(d.schedule().orElse(null), item.get("demandweekdayschedule"), item.get("demandweekendschedule"));
      }
    }
  }

  private static void checkSchedule(@org.jspecify.annotations.Nullable TouSchedule s, JsonNode weekday,
      JsonNode weekend) {
    for (int m = 0; m < 12; m++) {
      LocalDate d = LocalDate.of(2021, m + 1, 1);
      while (d.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
        d = d.plusDays(1);
      }
      LocalDate sat = d.plusDays(3);
      for (int h = 0; h < 24; h++) {
        int wd = s == null ? 0 : s.periodAt(d.atTime(h, 30));
        int we = s == null ? 0 : s.periodAt(sat.atTime(h, 30));
        assertThat(wd).as("weekday month %d hour %d", m, h).isEqualTo(weekday.get(m).get(h).asInt());
        assertThat(we).as("weekend month %d hour %d", m, h).isEqualTo(weekend.get(m).get(h).asInt());
      }
    }
  }

  private static DemandCharge demand(TariffVersion v, String id) {
    return v.demandCharges().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void missingRateIsRefusedNamingTheTier() {
    assertThatThrownBy(() -> READER.read(fixture("reoptapi_DixieEscalante_NetMetering_missing_rate_INVALID.json")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("reoptapi_DixieEscalante_NetMetering_missing_rate_INVALID.json at $.energyratestructure[0][0]:"
            + " rate must be present: null")
        .satisfies(x -> {
          DataFormatException d = (DataFormatException) x;
          assertThat(d.field()).isEqualTo("rate");
          assertThat(d.location()).isEqualTo("$.energyratestructure[0][0]");
          assertThat(d.source()).isEqualTo("reoptapi_DixieEscalante_NetMetering_missing_rate_INVALID.json");
        });
  }

  @Test
  void scheduleNamingAMissingPeriodIsRefused() {
    assertThatThrownBy(() -> READER.read(fixture("reoptapi_SewardCounty_D28_missing_schedule_INVALID.json")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("reoptapi_SewardCounty_D28_missing_schedule_INVALID.json at $.energyweekdayschedule[0][0]:"
            + " energyweekdayschedule must name a period of energyratestructure (0 to 0): 1");
  }

  static String item(String body) {
    return "{\"label\":\"L\",\"name\":\"N\",\"startdate\":1704067200," + body + "}";
  }

  static final String FLAT_ENERGY = "\"energyratestructure\":[[{\"rate\":0.1}]]";

  @Test
  void notJsonIsRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> READER.read("bad.json", "{\"label\": }"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("bad.json at line 1, column 11: json must be well-formed JSON");
  }

  @Test
  void aNumberPastBigDecimalsRangeIsRefusedLikeOtherBadJson() {
    // Jackson refuses 1e+3922... while parsing with a NumberFormatException, not one of its own exceptions
    String json = "{\"items\":[{\"fixedchargefirstmeter\": 1e+39223372036854775808}]}";
    assertThatThrownBy(() -> READER.read("big.json", json))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("big.json at $: json must be well-formed JSON with numbers in range (");
  }

  @Test
  void rateThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> READER.read("t.json", item("\"energyratestructure\":[[{\"rate\":\"0.1\"}]]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyratestructure[0][0].rate: rate must be a number: \"0.1\"");
  }

  @Test
  void nonPositiveMaxIsRefused() {
    assertThatThrownBy(() -> READER.read("t.json", item("\"energyratestructure\":[[{\"rate\":0.1,\"max\":0}]]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyratestructure[0][0].max: max must be positive: 0");
  }

  @Test
  void unboundedTierBeforeTheLastIsRefused() {
    assertThatThrownBy(() -> READER.read("t.json",
        item("\"energyratestructure\":[[{\"rate\":0.1},{\"rate\":0.2}]]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyratestructure[0]: periods[0].tiers[0].upTo must be bounded unless it is the"
            + " last tier: unbounded");
  }

  @Test
  void decreasingTierBoundsAreRefused() {
    assertThatThrownBy(() -> READER.read("t.json",
        item("\"energyratestructure\":[[{\"rate\":0.1,\"max\":500},{\"rate\":0.2,\"max\":100}]]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyratestructure[0]: periods[0].tiers[1].upTo must be greater than the previous"
            + " tier's bound 500: 100");
  }

  @Test
  void scheduleWithElevenRowsIsRefused() {
    String rows = String.join(",", java.util.Collections.nCopies(11, zeros()));
    assertThatThrownBy(() -> READER.read("t.json", item("\"energyratestructure\":[[{\"rate\":0.1}],[{\"rate\":0.2}]],"
        + "\"energyweekdayschedule\":[" + rows + "],\"energyweekendschedule\":[" + rows + "]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyweekdayschedule: energyweekdayschedule must have 12 rows (months): 11 rows");
  }

  @Test
  void scheduleRowWithTwentyThreeHoursIsRefused() {
    String bad = "[" + String.join(",", java.util.Collections.nCopies(23, "0")) + "]";
    String rows = String.join(",", java.util.Collections.nCopies(11, zeros())) + "," + bad;
    assertThatThrownBy(() -> READER.read("t.json", item(FLAT_ENERGY + ",\"energyweekdayschedule\":[" + rows + "]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyweekdayschedule[11]: energyweekdayschedule must have 24 entries (hours):"
            + " 23 entries");
  }

  @Test
  void missingScheduleForSeveralPeriodsIsRefused() {
    assertThatThrownBy(() -> READER.read("t.json", item("\"energyratestructure\":[[{\"rate\":0.1}],[{\"rate\":0.2}]]")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.energyweekdayschedule: energyweekdayschedule must be present when"
            + " energyratestructure has 2 periods: null");
  }

  @Test
  void flatDemandMonthsOutOfRangeIsRefused() {
    String months = "[0,0,0,0,0,0,0,0,0,0,0,2]";
    assertThatThrownBy(() -> READER.read("t.json", item("\"flatdemandstructure\":[[{\"rate\":5}],[{\"rate\":6}]],"
        + "\"flatdemandmonths\":" + months)))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.flatdemandmonths[11]: flatdemandmonths must name a period of flatdemandstructure"
            + " (0 to 1): 2");
  }

  @Test
  void endBeforeStartIsRefused() {
    assertThatThrownBy(() -> READER.read("t.json", item(FLAT_ENERGY + ",\"enddate\":1704067200")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("t.json at $.enddate: enddate must be after startdate 2024-01-01: 2024-01-01");
  }

  @Test
  void reoptPostWithoutUrdbResponseIsRefused() {
    assertThatThrownBy(() -> READER.read("post.json", "{\"ElectricTariff\":{\"urdb_label\":\"abc\"}}"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("post.json at $.ElectricTariff.urdb_response: urdb_response must be present: the REopt POST must"
            + " carry the URDB item itself (a urdb_label alone cannot be read offline): null");
  }

  @Test
  void severalItemsNeedReadAll() {
    String two = "{\"items\":[" + item(FLAT_ENERGY) + "," + item(FLAT_ENERGY).replace("\"L\"", "\"M\"") + "]}";
    assertThatThrownBy(() -> READER.read("api.json", two))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage("api.json at $.items: items must hold exactly one rate item for read(); use readAll(): 2 items");
    assertThat(READER.readAll("api.json", new java.io.ByteArrayInputStream(two.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)))).extracting(i -> i.tariff().id()).containsExactly("L", "M");
  }

  // ---------------------------------------------------------------- units, rules, ratchets

  @Test
  void tierUnitsMapToGridBillUnits() {
    UrdbImport imp = READER.read("t.json", item(
        "\"energyratestructure\":[[{\"rate\":0.1,\"max\":10,\"unit\":\"kWh daily\"},"
        + "{\"rate\":0.2,\"max\":200,\"unit\":\"kWh/kW\"},{\"rate\":0.3,\"max\":300,\"unit\":\"kWh/kW daily\"},"
        + "{\"rate\":0.4,\"unit\":\"kWh\"}]]"));
    assertThat(only(imp.tariff()).energyCharges().get(0).periods().get(0).tiers()).extracting(Tier::unit)
        .containsExactly(TierUnit.KWH_PER_DAY, TierUnit.KWH_PER_KW, TierUnit.KWH_PER_KW_PER_DAY, TierUnit.KWH);
  }

  @Test
  void unknownTierUnitIsNotCarriedNotGuessed() {
    UrdbImport imp = READER.read("t.json", item(
        "\"energyratestructure\":[[{\"rate\":0.1,\"max\":10,\"unit\":\"therm\"},"
        + "{\"rate\":0.2}]],\"fixedmonthlycharge\":5"));
    assertThat(only(imp.tariff()).energyCharges()).isEmpty();
    assertThat(imp.notCarried()).containsExactly(NotCarried.of("$.energyratestructure[0][0].unit",
        "energy charge (1 periods) with tier unit \"therm\"",
        "unknown tier unit: the tier bounds cannot be interpreted"));
    assertThat(only(imp.tariff()).fixedCharges()).hasSize(1);
  }

  @Test
  void demandInKvaIsNotCarried() {
    UrdbImport imp = READER.read("t.json", item(FLAT_ENERGY + ",\"flatdemandstructure\":[[{\"rate\":5}]],"
        + "\"flatdemandunit\":\"kVA\",\"demandreactivepowercharge\":0.5"));
    assertThat(only(imp.tariff()).demandCharges()).isEmpty();
    assertThat(notCarriedLocations(imp)).containsExactly("$.flatdemandunit", "$.demandreactivepowercharge");
  }

  @Test
  void dgRulesMapToNetMeteringModes() {
    String sell = "\"energyratestructure\":[[{\"rate\":0.1,\"sell\":0.04}]]";
    assertThat(only(READER.read("t.json", item(sell + ",\"dgrules\":\"Net Billing Instantaneous\"")).tariff())
        .netMetering().orElseThrow()).satisfies(r -> {
          assertThat(r.mode()).isEqualTo(NetMeteringMode.NET_BILLING);
          assertThat(r.carry()).isEqualTo(CreditCarry.NONE);
          assertThat(r.exportRate().orElseThrow().kind()).isEqualTo(ExportRateKind.TIER_SELL_RATES);
        });
    assertThat(only(READER.read("t.json", item(sell + ",\"dgrules\":\"Net Billing Hourly\"")).tariff())
        .netMetering().orElseThrow().mode()).isEqualTo(NetMeteringMode.NET_BILLING);
    assertThat(only(READER.read("t.json", item(sell + ",\"dgrules\":\"Buy All Sell All\"")).tariff())
        .netMetering().orElseThrow().mode()).isEqualTo(NetMeteringMode.BUY_ALL_SELL_ALL);
    UrdbImport odd = READER.read("t.json", item(sell + ",\"dgrules\":\"Something Else\""));
    assertThat(only(odd.tariff()).netMetering()).isEmpty();
    assertThat(notCarriedLocations(odd)).containsExactly("$.dgrules");
  }

  @Test
  void fixedAndMinimumChargeShapes() {
    TariffVersion v = only(READER.read("t.json", item(FLAT_ENERGY + ",\"fixedchargefirstmeter\":10,"
        + "\"fixedchargeunits\":\"$/month\",\"mincharge\":120,\"minchargeunits\":\"$/year\",\"minmonthlycharge\":5"))
        .tariff());
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("fixed", "Fixed charge", bd("10"), FixedChargeBasis.PER_BILL));
    assertThat(v.minimumCharge().orElseThrow().monthly()).contains(bd("5"));
    assertThat(v.minimumCharge().orElseThrow().annual()).contains(bd("120"));
    UrdbImport yearly = READER.read("t.json", item(FLAT_ENERGY + ",\"fixedchargefirstmeter\":120,"
        + "\"fixedchargeunits\":\"$/year\""));
    assertThat(only(yearly.tariff()).fixedCharges()).isEmpty();
    assertThat(yearly.notCarried()).containsExactly(NotCarried.of("$.fixedchargefirstmeter", "fixed charge 120 $/year",
        "GridBill fixed charges are per bill or per day"));
  }

  @Test
  void lookbackRatchetAppliesToTheFlatDemandCharge() {
    String months = "[true,true,true,true,true,false,false,false,false,true,true,true]";
    TariffVersion v = only(READER.read("t.json", item(FLAT_ENERGY + ",\"flatdemandstructure\":[[{\"rate\":5}]],"
        + "\"lookbackpercent\":0.8,\"lookbackrange\":11,\"lookbackmonths\":" + months)).tariff());
    assertThat(v.ratchet().orElseThrow().percentByMonth()).containsExactly(bd("80"), bd("80"), bd("80"), bd("80"),
        bd("80"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, bd("80"), bd("80"), bd("80"));
    assertThat(v.ratchet().orElseThrow().lookbackMonths()).isEqualTo(11);
    assertThat(v.ratchet().orElseThrow().reference()).isEqualTo(RatchetReference.PEAK_DEMAND);
    assertThat(demand(v, "demand-flat").basis()).isEqualTo(DemandBasis.BILLING_DEMAND);
  }

  @Test
  void demandRatchetPercentageIsReadAsFractions() {
    String pct = "[0.35,0.35,0.35,0.35,0.35,0.35,0.35,0.35,0.35,0.35,0.35,0.35]";
    UrdbImport imp = READER.read("t.json", item(FLAT_ENERGY + ",\"flatdemandstructure\":[[{\"rate\":5}]],"
        + "\"demandratchetpercentage\":" + pct));
    assertThat(only(imp.tariff()).ratchet().orElseThrow().percentByMonth()).allMatch(p -> p.compareTo(bd("35")) == 0);
    assertThat(only(imp.tariff()).ratchet().orElseThrow().lookbackMonths()).isEqualTo(11);
    assertThat(imp.assumptions()).extracting(Assumption::location).contains("$.demandratchetpercentage",
        "$.lookbackrange");
  }

  @Test
  void unknownFieldsAreReportedNotDropped() {
    UrdbImport imp = READER.read("t.json", item(FLAT_ENERGY + ",\"brandnewcharge\":42,\"uri\":\"http://x\""));
    assertThat(imp.notCarried()).containsExactly(NotCarried.of("$.brandnewcharge", "brandnewcharge = 42",
        "unknown URDB field"));
  }

  @Test
  void currencyAndDefaultsCanBeSet() {
    UrdbImport imp = UrdbReader.forZone(ZoneId.of("Asia/Kolkata")).withCurrency(CurrencyUnit.of("INR"))
        .withDefaultEffectiveFrom(LocalDate.of(2024, 4, 1))
        .read("t.json", "{" + FLAT_ENERGY + "}");
    assertThat(imp.tariff().currency()).isEqualTo(CurrencyUnit.of("INR"));
    assertThat(only(imp.tariff()).effectiveFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
  }

  static String zeros() {
    return "[" + String.join(",", java.util.Collections.nCopies(24, "0")) + "]";
  }
}
