package io.github.gridbill.core.tariff;

import static io.github.gridbill.core.Expect.invalid;
import static io.github.gridbill.core.tariff.TariffFixtures.NEW_YORK;
import static io.github.gridbill.core.tariff.TariffFixtures.date;
import static io.github.gridbill.core.tariff.TariffFixtures.flatEnergy;
import static io.github.gridbill.core.tariff.TariffFixtures.tariff;
import static io.github.gridbill.core.tariff.TariffFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.BillingPeriod;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class TariffTest {
  static final TariffVersion V1 = version("2024-01-01").addEnergyCharge(flatEnergy("energy", "0.15")).build();
  static final TariffVersion V2 = version("2024-03-15").addEnergyCharge(flatEnergy("energy", "0.17")).build();
  static final TariffVersion V3 = version("2024-07-01").effectiveUntil(date("2025-01-01"))
      .addEnergyCharge(flatEnergy("energy", "0.19")).build();
  static final Tariff T = tariff("RES-1", V1, V2, V3);

  @Test
  void holds_identity_currency_and_zone() {
    Tariff t = Tariff.builder().id("RES-1").name("Residential Service RS-1").utility("Example Power")
        .sector("Residential").currency(CurrencyUnit.USD).zone(NEW_YORK).addVersion(V1).build();
    assertThat(t.id()).isEqualTo("RES-1");
    assertThat(t.name()).isEqualTo("Residential Service RS-1");
    assertThat(t.utility()).contains("Example Power");
    assertThat(t.sector()).contains("Residential");
    assertThat(t.currency()).isEqualTo(CurrencyUnit.USD);
    assertThat(t.zone()).isEqualTo(NEW_YORK);
    assertThat(T.utility()).isEmpty();
  }

  @Test
  void versionOn() {
    assertThat(T.versionOn(date("2023-12-31"))).isEmpty();
    assertThat(T.versionOn(date("2024-01-01"))).contains(V1);
    assertThat(T.versionOn(date("2024-03-14"))).contains(V1);
    assertThat(T.versionOn(date("2024-03-15"))).contains(V2);
    assertThat(T.versionOn(date("2024-06-30"))).contains(V2);
    assertThat(T.versionOn(date("2024-07-01"))).contains(V3);
    assertThat(T.versionOn(date("2024-12-31"))).contains(V3);
    assertThat(T.versionOn(date("2025-01-01"))).isEmpty();
  }

  @Test
  void segments_of_a_period_inside_one_version() {
    BillingPeriod april = BillingPeriod.ofMonth(YearMonth.of(2024, 4), NEW_YORK);
    assertThat(T.segments(april)).containsExactly(TariffSegment.of(april, V2));
  }

  @Test
  void segments_at_a_mid_period_version_change() {
    BillingPeriod p = BillingPeriod.of(date("2024-03-01"), date("2024-07-10"), NEW_YORK);
    List<TariffSegment> segments = T.segments(p);
    assertThat(segments).containsExactly(
        TariffSegment.of(BillingPeriod.of(date("2024-03-01"), date("2024-03-15"), NEW_YORK), V1),
        TariffSegment.of(BillingPeriod.of(date("2024-03-15"), date("2024-07-01"), NEW_YORK), V2),
        TariffSegment.of(BillingPeriod.of(date("2024-07-01"), date("2024-07-10"), NEW_YORK), V3));
    assertThat(segments.stream().mapToInt(s -> s.period().days()).sum()).isEqualTo(p.days());
  }

  @Test
  void segments_starting_on_the_change_day() {
    BillingPeriod p = BillingPeriod.of(date("2024-03-15"), date("2024-04-15"), NEW_YORK);
    assertThat(T.segments(p)).containsExactly(TariffSegment.of(p, V2));
  }

  @Test
  void segments_refuse_a_period_in_another_zone() {
    invalid("period.zone must be the tariff's zone America/New_York: Europe/London",
        () -> T.segments(BillingPeriod.ofMonth(YearMonth.of(2024, 4), ZoneId.of("Europe/London"))));
  }

  @Test
  void segments_refuse_days_without_a_version() {
    invalid("period must be covered by a version of tariff RES-1 in force: [2025-01-01, 2025-01-15) America/New_York",
        () -> T.segments(BillingPeriod.of(date("2024-12-15"), date("2025-01-15"), NEW_YORK)));
  }

  @Test
  void segments_refuse_days_before_the_first_version() {
    invalid("period must be covered by a version of tariff RES-1 in force: [2023-12-15, 2024-01-01) America/New_York",
        () -> T.segments(BillingPeriod.of(date("2023-12-15"), date("2024-01-15"), NEW_YORK)));
  }

  @Test
  void segments_refuse_a_gap_between_versions() {
    TariffVersion ending = version("2024-01-01").effectiveUntil(date("2024-02-01"))
        .addEnergyCharge(flatEnergy("energy", "0.15")).build();
    Tariff gap = tariff("GAP", ending, V2);
    invalid("period must be covered by a version of tariff GAP in force: [2024-03-01, 2024-03-15) America/New_York",
        () -> gap.segments(BillingPeriod.ofMonth(YearMonth.of(2024, 3), NEW_YORK)));
    assertThat(gap.versionOn(date("2024-02-01"))).isEmpty();
    assertThat(gap.versionOn(date("2024-01-31"))).contains(ending);
  }
}
