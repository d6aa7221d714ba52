package io.github.gridbill.core.time;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.EqualityGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static BillingPeriod march() {
    return BillingPeriod.of(d("2024-03-01"), d("2024-04-01"), NEW_YORK);
  }

  @Test
  void of_holds_its_parts() {
    BillingPeriod p = march();
    assertThat(p.startInclusive()).isEqualTo(d("2024-03-01"));
    assertThat(p.endExclusive()).isEqualTo(d("2024-04-01"));
    assertThat(p.zone()).isEqualTo(NEW_YORK);
    assertThat(p.days()).isEqualTo(31);
  }

  @Test
  void of_refuses_an_end_equal_to_the_start() {
    invalid("endExclusive must be after startInclusive 2024-03-01: 2024-03-01",
        () -> BillingPeriod.of(d("2024-03-01"), d("2024-03-01"), NEW_YORK));
  }

  @Test
  void of_refuses_an_end_before_the_start() {
    invalid("endExclusive must be after startInclusive 2024-03-01: 2024-02-15",
        () -> BillingPeriod.of(d("2024-03-01"), d("2024-02-15"), NEW_YORK));
  }

  @Test
  void ofClosed_includes_the_last_day() {
    assertThat(BillingPeriod.ofClosed(d("2024-03-01"), d("2024-03-31"), NEW_YORK)).isEqualTo(march());
    BillingPeriod oneDay = BillingPeriod.ofClosed(d("2024-03-10"), d("2024-03-10"), NEW_YORK);
    assertThat(oneDay.days()).isEqualTo(1);
    assertThat(oneDay.endExclusive()).isEqualTo(d("2024-03-11"));
  }

  @Test
  void ofClosed_refuses_an_end_before_the_start() {
    invalid("endInclusive must not be before startInclusive 2024-03-10: 2024-03-08",
        () -> BillingPeriod.ofClosed(d("2024-03-10"), d("2024-03-08"), NEW_YORK));
  }

  @Test
  void ofMonth() {
    assertThat(BillingPeriod.ofMonth(YearMonth.of(2024, 2), ZoneOffset.UTC))
        .isEqualTo(BillingPeriod.of(d("2024-02-01"), d("2024-03-01"), ZoneOffset.UTC));
    assertThat(BillingPeriod.ofMonth(YearMonth.of(2024, 2), ZoneOffset.UTC).days()).isEqualTo(29);
    assertThat(BillingPeriod.ofMonth(YearMonth.of(2023, 2), ZoneOffset.UTC).days()).isEqualTo(28);
    assertThat(BillingPeriod.ofMonth(YearMonth.of(2024, 12), NEW_YORK).endExclusive()).isEqualTo(d("2025-01-01"));
  }

  @Test
  void instants_follow_real_hours_across_dst() {
    BillingPeriod p = march();
    assertThat(p.startInstant()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
    assertThat(p.endInstant()).isEqualTo(Instant.parse("2024-04-01T04:00:00Z"));
    assertThat(Duration.between(p.startInstant(), p.endInstant())).isEqualTo(Duration.ofHours(743));
    BillingPeriod april = BillingPeriod.ofMonth(YearMonth.of(2024, 4), LORD_HOWE);
    assertThat(Duration.between(april.startInstant(), april.endInstant())).isEqualTo(Duration.ofMinutes(720 * 60 + 30));
  }

  @Test
  void start_instant_is_the_first_valid_local_time_when_midnight_is_skipped() {
    // Chile moved clocks from 2024-09-08 00:00 to 01:00
    BillingPeriod p = BillingPeriod.of(d("2024-09-08"), d("2024-09-09"), ZoneId.of("America/Santiago"));
    assertThat(p.startInstant()).isEqualTo(Instant.parse("2024-09-08T04:00:00Z"));
    assertThat(Duration.between(p.startInstant(), p.endInstant())).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void contains_date_is_half_open() {
    BillingPeriod p = march();
    assertThat(p.contains(d("2024-03-01"))).isTrue();
    assertThat(p.contains(d("2024-03-31"))).isTrue();
    assertThat(p.contains(d("2024-04-01"))).isFalse();
    assertThat(p.contains(d("2024-02-29"))).isFalse();
  }

  @Test
  void contains_instant_is_half_open() {
    BillingPeriod p = march();
    assertThat(p.contains(p.startInstant())).isTrue();
    assertThat(p.contains(p.startInstant().minusNanos(1))).isFalse();
    assertThat(p.contains(p.endInstant().minusNanos(1))).isTrue();
    assertThat(p.contains(p.endInstant())).isFalse();
    // 2024-03-31 23:30 New York is 2024-04-01T03:30Z: still March locally
    assertThat(p.contains(Instant.parse("2024-04-01T03:30:00Z"))).isTrue();
  }

  @Test
  void intersection() {
    BillingPeriod p = march();
    assertThat(p.intersection(BillingPeriod.of(d("2024-03-15"), d("2024-04-15"), NEW_YORK)))
        .contains(BillingPeriod.of(d("2024-03-15"), d("2024-04-01"), NEW_YORK));
    assertThat(p.intersection(BillingPeriod.of(d("2024-02-15"), d("2024-03-02"), NEW_YORK)))
        .contains(BillingPeriod.of(d("2024-03-01"), d("2024-03-02"), NEW_YORK));
    assertThat(p.intersection(BillingPeriod.of(d("2024-03-10"), d("2024-03-11"), NEW_YORK)))
        .contains(BillingPeriod.of(d("2024-03-10"), d("2024-03-11"), NEW_YORK));
    assertThat(p.intersection(p)).contains(p);
    assertThat(p.intersection(BillingPeriod.of(d("2024-04-01"), d("2024-05-01"), NEW_YORK))).isEmpty();
    assertThat(p.intersection(BillingPeriod.of(d("2024-01-01"), d("2024-02-01"), NEW_YORK))).isEmpty();
  }

  @Test
  void intersection_refuses_another_zone() {
    invalid("other.zone must be America/New_York: Europe/London",
        () -> march().intersection(BillingPeriod.ofMonth(YearMonth.of(2024, 3), LONDON)));
  }

  @Test
  void splitAt() {
    BillingPeriod p = march();
    assertThat(p.splitAt(List.of(d("2024-03-15")))).containsExactly(
        BillingPeriod.of(d("2024-03-01"), d("2024-03-15"), NEW_YORK),
        BillingPeriod.of(d("2024-03-15"), d("2024-04-01"), NEW_YORK));
    // unordered, repeated, boundary and outside days
    assertThat(p.splitAt(List.of(d("2024-03-20"), d("2024-03-01"), d("2024-03-10"), d("2024-03-20"),
            d("2024-04-01"), d("2024-05-05"), d("2024-02-01"))))
        .containsExactly(
            BillingPeriod.of(d("2024-03-01"), d("2024-03-10"), NEW_YORK),
            BillingPeriod.of(d("2024-03-10"), d("2024-03-20"), NEW_YORK),
            BillingPeriod.of(d("2024-03-20"), d("2024-04-01"), NEW_YORK));
    assertThat(p.splitAt(List.of())).containsExactly(p);
    List<BillingPeriod> parts = p.splitAt(List.of(d("2024-03-02")));
    assertThatThrownBy(() -> parts.add(p)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void value_semantics() {
    EqualityGroups.create()
        .group(march(), BillingPeriod.ofClosed(d("2024-03-01"), d("2024-03-31"), NEW_YORK),
            BillingPeriod.ofMonth(YearMonth.of(2024, 3), NEW_YORK))
        .group(BillingPeriod.ofMonth(YearMonth.of(2024, 3), LONDON))
        .group(BillingPeriod.of(d("2024-03-01"), d("2024-03-31"), NEW_YORK))
        .group(BillingPeriod.of(d("2024-03-02"), d("2024-04-01"), NEW_YORK))
        .verify();
  }

  @Test
  void toString_format() {
    assertThat(march()).hasToString("[2024-03-01, 2024-04-01) America/New_York");
  }
}
