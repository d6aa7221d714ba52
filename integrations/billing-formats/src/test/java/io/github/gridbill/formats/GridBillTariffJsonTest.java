package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GridBillTariffJsonTest {

  // ---------------------------------------------------------------- round trips

  @Property(tries = 200)
  void everyTariffSurvivesWriteThenRead(@ForAll("tariffs") Tariff t) {
    String json = GridBillTariffJsonWriter.write(t);
    Tariff back = GridBillTariffJsonReader.read("random.json", json);
    assertThat(back).isEqualTo(t);
    // and the text is a fixed point: equal tariffs give equal text
    assertThat(GridBillTariffJsonWriter.write(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Tariff> tariffs() {
    return Arbitraries.randomValue(RandomTariffs::tariff);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json", "reoptapi_PGE_E-19_post.json",
      "reoptapi_SCE_GS-2_TOU_B_post.json", "reoptapi_EntergyArkansas_LPS-TOU_generator_post.json",
      "reoptapi_PECO_GS-HT_post.json", "reoptapi_PSCo_Residential_Demand_RD_post.json", "reoptjl_leap_year.json",
      "reoptjl_multi_tier_urdb_response.json"})
  void everyUrdbFixtureTariffSurvivesWriteThenRead(String file) {
    Tariff t = UrdbReader.forZone(ZoneId.of("America/Denver")).read(UrdbReaderTest.fixture(file)).tariff();
    Tariff back = GridBillTariffJsonReader.read(file, GridBillTariffJsonWriter.write(t));
    assertThat(back).isEqualTo(t);
  }

  static Stream<String> sscCases() throws IOException {
    Path dir = SscConformanceTest.base().resolve("cases");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().forEach(names::add);
    }
    return names.stream().filter(n -> !n.contains("exception") && !n.contains("incorrect_month"));
  }

  @ParameterizedTest
  @MethodSource("sscCases")
  void everySscCaseTariffSurvivesWriteThenRead(String file) {
    Tariff t = SscReader.read(SscConformanceTest.base().resolve("cases").resolve(file)).tariff();
    Tariff back = GridBillTariffJsonReader.read(file, GridBillTariffJsonWriter.write(t));
    assertThat(back).isEqualTo(t);
  }

  @Test
  void fileRoundTrip(@TempDir Path dir) {
    Tariff t = RandomTariffs.tariff(new Random(7));
    Path f = dir.resolve("t.json");
    GridBillTariffJsonWriter.write(t, f);
    assertThat(GridBillTariffJsonReader.read(f)).isEqualTo(t);
  }

  @Test
  void theDocumentedExampleReadsAsDocumented() throws IOException {
    String md = Files.readString(Path.of("GRIDBILL-TARIFF-JSON.md"), StandardCharsets.UTF_8);
    int start = md.indexOf("```json\n") + "```json\n".length();
    String json = md.substring(start, md.indexOf("```", start));
    Tariff t = GridBillTariffJsonReader.read("GRIDBILL-TARIFF-JSON.md", json);
    assertThat(t.id()).isEqualTo("RES-TOU");
    TariffVersion v = t.versions().get(0);
    assertThat(v.fixedCharges()).containsExactly(
        FixedCharge.of("customer", "Customer charge", new BigDecimal("7.57"), FixedChargeBasis.PER_BILL));
    assertThat(v.energyCharges().get(0).schedule().orElseThrow().periodAt(
        LocalDate.of(2024, 7, 1).atTime(17, 30))).isEqualTo(1);
    assertThat(v.energyCharges().get(0).tiersOf(1).orElseThrow().tiers().get(0).rate())
        .isEqualTo(new BigDecimal("0.31"));
    assertThat(v.taxes()).hasSize(1);
    // the example is written exactly as the writer writes it
    assertThat(GridBillTariffJsonWriter.write(t)).isEqualTo(json);
  }

  @Test
  void decimalsKeepTheirScaleAndExactValue() {
    Tariff t = tariffWithRate(new BigDecimal("0.10"));
    assertThat(GridBillTariffJsonWriter.write(t)).contains("\"rate\": \"0.10\"");
    assertThat(GridBillTariffJsonReader.read("t.json", GridBillTariffJsonWriter.write(t))).isEqualTo(t);
    Tariff big = tariffWithRate(new BigDecimal("1E+3"));
    assertThat(GridBillTariffJsonWriter.write(big)).contains("\"rate\": \"1E+3\"");
    assertThat(GridBillTariffJsonReader.read("t.json", GridBillTariffJsonWriter.write(big))).isEqualTo(big);
  }

  static Tariff tariffWithRate(BigDecimal rate) {
    return Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(ZoneId.of("UTC"))
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 1, 1))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.unbounded(rate)))).build())
            .build())
        .build();
  }

  // ---------------------------------------------------------------- errors: one test per rule

  private static final String GOOD = GridBillTariffJsonWriter.write(tariffWithRate(new BigDecimal("0.10")));

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> GridBillTariffJsonReader.read("t.json", json))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessage(message);
  }

  @Test
  void aNumberPastBigDecimalsRangeIsRefused() {
    assertThatThrownBy(() -> GridBillTariffJsonReader.read("t.json", "{\"format\": 1e+39223372036854775808}"))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("t.json at $: json must be well-formed JSON with numbers in range (");
  }

  @Test
  void malformedJsonIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> GridBillTariffJsonReader.read("t.json", "{\"format\": "))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("t.json at line 1, column 12: json must be well-formed JSON (");
  }

  @Test
  void aNonObjectIsRefused() {
    refused("[1]", "t.json at $: json must be a GridBill tariff object: ARRAY");
  }

  @Test
  void anotherFormatIsRefused() {
    refused(GOOD.replace("gridbill-tariff/1", "gridbill-tariff/2"),
        "t.json at $.format: format must be \"gridbill-tariff/1\": gridbill-tariff/2");
  }

  @Test
  void aMissingRequiredFieldIsRefused() {
    refused(GOOD.replace("\"name\": \"T\",\n", ""), "t.json at $.name: name must be present: null");
  }

  @Test
  void anUnknownFieldIsRefused() {
    refused(GOOD.replace("\"rate\": \"0.10\"", "\"rate\": \"0.10\", \"rat\": \"1\""),
        "t.json at $.versions[0].energyCharges[0].periods[0].tiers[0].rat: rat is not a field of this object"
            + " (misspelt, or from another format?): \"1\"");
  }

  @Test
  void nullIsRefused() {
    refused(GOOD.replace("\"name\": \"T\"", "\"name\": null"),
        "t.json at $.name: name must not be null (leave the field out instead): null");
  }

  @Test
  void aDecimalAsAJsonNumberIsRefused() {
    refused(GOOD.replace("\"rate\": \"0.10\"", "\"rate\": 0.10"),
        "t.json at $.versions[0].energyCharges[0].periods[0].tiers[0].rate: rate must be a decimal string such as"
            + " \"0.10\": 0.10");
  }

  @Test
  void aMalformedDecimalStringIsRefused() {
    refused(GOOD.replace("\"rate\": \"0.10\"", "\"rate\": \"0,10\""),
        "t.json at $.versions[0].energyCharges[0].periods[0].tiers[0].rate: rate must be a decimal string such as"
            + " \"0.10\": \"0,10\"");
  }

  @Test
  void aFractionalIndexIsRefused() {
    refused(GOOD.replace("\"period\": 0", "\"period\": 0.5"),
        "t.json at $.versions[0].energyCharges[0].periods[0].period: period must be a whole number: 0.5");
  }

  @Test
  void anUnknownEnumNameIsRefused() {
    refused(GOOD.replace("\"mode\": \"BLOCK\"", "\"mode\": \"block\""),
        "t.json at $.versions[0].energyCharges[0].mode: mode must be one of BLOCK, VOLUME: \"block\"");
  }

  @Test
  void aMalformedDateIsRefused() {
    refused(GOOD.replace("2024-01-01", "2024-13-01"),
        "t.json at $.versions[0].effectiveFrom: effectiveFrom must be an ISO date such as \"2024-01-01\":"
            + " \"2024-13-01\"");
  }

  @Test
  void anUnknownZoneIsRefused() {
    refused(GOOD.replace("\"zone\": \"UTC\"", "\"zone\": \"Mars/Olympus\""),
        "t.json at $.zone: zone must be a time-zone id such as \"America/New_York\" or \"UTC\": \"Mars/Olympus\"");
  }

  @Test
  void anUnknownCurrencyIsRefused() {
    refused(GOOD.replace("\"USD\"", "\"DOLLARS\""),
        "t.json at $.currency: currency must be an ISO 4217 currency code such as \"USD\": \"DOLLARS\"");
  }

  @Test
  void aWrongArrayElementIsRefusedWithItsIndex() {
    refused(GOOD.replace("\"fixedCharges\": []", "\"fixedCharges\": [\"customer\"]"),
        "t.json at $.versions[0].fixedCharges[0]: fixedCharges[0] must be an object: \"customer\"");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertThatThrownBy(() -> GridBillTariffJsonReader.read("t.json", GOOD.replace("\"name\": \"T\"",
        "\"name\": \"T\", \"name\": \"U\"")))
        .isExactlyInstanceOf(DataFormatException.class)
        .hasMessageContaining("json must be well-formed JSON (Duplicate Object property \"name\"");
  }

  @Test
  void aModelRuleIsReportedAtTheObjectThatBreaksIt() {
    String twoTiers = GOOD.replace("\"tiers\": [\n", "\"tiers\": [\n{\"upTo\": \"100\", \"rate\": \"0.1\"},"
        + " {\"upTo\": \"50\", \"rate\": \"0.2\"},\n");
    refused(twoTiers, "t.json at $.versions[0].energyCharges[0].periods[0]: periods[0].tiers[1].upTo must be greater"
        + " than the previous tier's bound 100: 50");
  }

  @Test
  void aVersionRuleIsReportedAtTheVersion() {
    refused(GOOD.replace("\"effectiveFrom\": \"2024-01-01\"",
            "\"effectiveFrom\": \"2024-01-01\", \"effectiveUntil\": \"2023-01-01\""),
        "t.json at $.versions[0]: effectiveUntil must be after effectiveFrom 2024-01-01: 2023-01-01");
  }
}
