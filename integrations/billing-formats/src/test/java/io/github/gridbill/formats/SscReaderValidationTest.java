package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.DataFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tariff-model rule broken by an ssc input is reported at the ssc variable the value came from: SAM's own cases,
 * as they are or with one variable changed, each asserting the exact type, JSON path, field, value and message.
 */
class SscReaderValidationTest {
  private static final String BILLING_DEMAND = "Test_Commercial_kWh_per_kW_charges_with_billing_demand_percents";

  @TempDir
  Path dir;

  /** A SAM case with one change, written as {@code case.json}; its CSV series point at SAM's inputs. */
  Path changed(String test, Consumer<ObjectNode> change) throws IOException {
    ObjectNode vars = (ObjectNode) UrdbReader.MAPPER.readTree(Files.readString(
        SscConformanceTest.base().resolve("cases").resolve(test + ".json"), StandardCharsets.UTF_8));
    for (String series : new String[] {"gen", "load"}) {
      JsonNode v = vars.get(series);
      if (v != null && v.isObject() && v.has("csv")) {
        ((ObjectNode) v).put("csv", SscConformanceTest.base().resolve(v.get("csv").asString()).toString());
      }
    }
    change.accept(vars);
    Path file = dir.resolve("case.json");
    Files.writeString(file, UrdbReader.MAPPER.writeValueAsString(vars), StandardCharsets.UTF_8);
    return file;
  }

  static JsonNode number(String decimal) {
    return UrdbReader.MAPPER.getNodeFactory().numberNode(new BigDecimal(decimal));
  }

  static DataFormatException refused(Path file) {
    Throwable t = catchThrowable(() -> SscReader.read(file));
    assertThat(t).as("the import should have been refused").isExactlyInstanceOf(DataFormatException.class);
    return (DataFormatException) t;
  }

  @Test
  void aNumberPastBigDecimalsRangeIsRefused() throws IOException {
    Path file = dir.resolve("big.json");
    Files.writeString(file, "{\"analysis_period\": 1e+39223372036854775808}", StandardCharsets.UTF_8);
    assertThat(refused(file)).hasMessageStartingWith(file + " at $: json must be valid JSON: ");
  }

  @Test
  void aSeriesNamingAMissingCsvFileIsReportedAtItsVariable() throws IOException {
    // it was an UncheckedIOException (NoSuchFileException)
    DataFormatException e = refused(changed(BILLING_DEMAND, v -> ((ObjectNode) v.get("load")).put("csv",
        "no-such-load.csv")));
    assertThat(e.location()).isEqualTo("$.load.csv");
    assertThat(e.field()).isEqualTo("load");
    assertThat(e.value()).isEqualTo("no-such-load.csv");
    assertThat(e.reason()).startsWith("must name a file next to the case or in ../ (").endsWith(" does not exist)");
  }

  @Test
  void theCaseItselfImports() throws IOException {
    assertThat(SscReader.read(changed(BILLING_DEMAND, v -> { })).tariff().versions()).hasSize(2);
  }

  @Test
  void aLookBackOfZeroMonthsImports() throws IOException {
    // ssc allows 0 to 12 months; 0 looks back at no previous bill (RATING.md: SAM's January still reaches December)
    SscImport imp = SscReader.read(changed(BILLING_DEMAND, v -> v.set("ur_billing_demand_lookback_period",
        number("0"))));
    assertThat(imp.tariff().versions()).allSatisfy(v -> assertThat(v.ratchet().orElseThrow().lookbackMonths())
        .isZero());
  }

  @Test
  void aBillingDemandPeriodThatIsNoDemandPeriodIsReportedAtTheBillingDemandPeriods() throws IOException {
    // one TOU demand period; the row flags period 3
    Path file = changed(BILLING_DEMAND, v -> {
      ArrayNode row = UrdbReader.MAPPER.createArrayNode().add(3.0).add(1.0);
      v.set("ur_dc_billing_demand_periods", UrdbReader.MAPPER.createArrayNode().add(row));
    });

    DataFormatException e = refused(file);

    assertThat(e.source()).isEqualTo("case.json");
    assertThat(e.location()).isEqualTo("$.ur_dc_billing_demand_periods");
    assertThat(e.field()).isEqualTo("ratchet.demandPeriods");
    assertThat(e.value()).isEqualTo("2");
    assertThat(e).hasMessage("case.json at $.ur_dc_billing_demand_periods: ratchet.demandPeriods must be periods of "
        + "demand charge demand-tou: 2");
  }

  @Test
  void energyTierBoundsThatDifferWithinAMonthAreReportedAtTheEnergyMatrix() {
    // June uses energy periods 1, 2 and 3; period 2's first tier ends at 13.0 kWh/day, the others' at 11.7
    Path file = SscConformanceTest.base().resolve("cases").resolve("Test_Residential_TOU_Rates_w_tiers_exception.json");

    DataFormatException e = refused(file);

    assertThat(e.location()).isEqualTo("$.ur_ec_tou_mat");
    assertThat(e.field()).isEqualTo("energy tier 1 bound in jun period \"2\"");
    assertThat(e).hasMessage("Test_Residential_TOU_Rates_w_tiers_exception.json at $.ur_ec_tou_mat: energy tier 1 "
        + "bound in jun period \"2\" must equal period \"1\"'s 11.7 kWh/day (tiers should have the same max usage "
        + "across periods in the same month for TOU rates): 13.0 kWh/day");
  }

  @Test
  void demandTierBoundsThatDifferWithinAMonthAreReportedAtTheTouDemandMatrix() {
    // January uses demand periods 1 and 2; period 2's first tier ends at 50.0 kW, period 1's at 100.0
    Path file = SscConformanceTest.base().resolve("cases").resolve("Test_Commercial_Demand_Charges_exception.json");

    DataFormatException e = refused(file);

    assertThat(e.location()).isEqualTo("$.ur_dc_tou_mat");
    assertThat(e).hasMessage("Test_Commercial_Demand_Charges_exception.json at $.ur_dc_tou_mat: demand tier 1 bound "
        + "in jan period \"2\" must equal period \"1\"'s 100.0 kW (tiers should have the same max usage across "
        + "periods in the same month for TOU rates): 50.0 kW");
  }

  @Test
  void anEnergyTierBoundOfZeroIsReportedAtTheEnergyMatrix() throws IOException {
    Path file = changed(BILLING_DEMAND, v -> ((ArrayNode) v.get("ur_ec_tou_mat").get(0)).set(2, number("0")));

    DataFormatException e = refused(file);

    assertThat(e).hasMessage("case.json at $.ur_ec_tou_mat: upTo must be positive: 0");
    assertThat(e.field()).isEqualTo("upTo");
  }

  @Test
  void aBillingDemandPercentageOverTheLimitIsReportedAtTheLookbackPercentages() throws IOException {
    Path file = changed(BILLING_DEMAND, v -> ((ArrayNode) v.get("ur_billing_demand_lookback_percentages").get(4))
        .set(0, number("1200")));

    DataFormatException e = refused(file);

    assertThat(e).hasMessage("case.json at $.ur_billing_demand_lookback_percentages: ratchet.percentByMonth[4] must "
        + "be 0 to 1000: 1200");
  }

  @Test
  void aNegativeYearEndSellRateIsReportedAtTheSellRate() throws IOException {
    Path file = changed(BILLING_DEMAND, v -> v.set("ur_nm_yearend_sell_rate", number("-0.02")));

    DataFormatException e = refused(file);

    assertThat(e).hasMessage("case.json at $.ur_nm_yearend_sell_rate: netMetering.surplusRate must not be negative: "
        + "-0.02");
  }

  static Stream<Arguments> data_paths() {
    return Stream.of(
        Arguments.of("ratchet.demandPeriods", "$.ur_dc_billing_demand_periods"),
        Arguments.of("ratchet.demandCharge", "$.ur_dc_tou_mat"),
        Arguments.of("ratchet.percentByMonth[11]", "$.ur_billing_demand_lookback_percentages"),
        Arguments.of("ratchet.includeCurrentPeakByMonth", "$.ur_billing_demand_lookback_percentages"),
        Arguments.of("ratchet.lookbackMonths", "$.ur_billing_demand_lookback_period"),
        Arguments.of("ratchet.minimumKw", "$.ur_billing_demand_minimum"),
        Arguments.of("energy.periods[2].tiers.unit", "$.ur_ec_tou_mat"),
        Arguments.of("energy tier 2 bound in mar period \"3\"", "$.ur_ec_tou_mat"),
        Arguments.of("demand-tou.periods", "$.ur_dc_tou_mat"),
        Arguments.of("demand tier 1 bound in jan period \"2\"", "$.ur_dc_tou_mat"),
        Arguments.of("demand-flat.periods[4]", "$.ur_dc_flat_mat"),
        Arguments.of("netMetering.exportRate", "$.ur_metering_option"),
        Arguments.of("netMetering.surplusRate", "$.ur_nm_yearend_sell_rate"),
        Arguments.of("minimum.monthly", "$.ur_monthly_min_charge"),
        Arguments.of("minimum.annual", "$.ur_annual_min_charge"),
        Arguments.of("components.id", "$"),
        Arguments.of("roundingMode", "$"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("data_paths")
  void eachModelFieldMapsToItsSscVariable(String field, String path) {
    assertThat(SscReader.pathOf(field, "$")).isEqualTo(path);
  }
}
