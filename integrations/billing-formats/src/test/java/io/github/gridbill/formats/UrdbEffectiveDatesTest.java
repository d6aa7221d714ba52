package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.RatingPlan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A URDB item's own start and end dates are its effective dates; only an explicit override widens them. */
class UrdbEffectiveDatesTest {

  static final ZoneId NY = ZoneId.of("America/New_York");

  private static UrdbImport fpl() {
    return UrdbReader.forZone(NY).read(UrdbReaderTest.fixture("reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json"));
  }

  @Test
  void ratingOutsideTheItemsDatesIsATypedError() {
    Tariff t = fpl().tariff();
    BillingPeriod jan2011 = BillingPeriod.ofMonth(YearMonth.of(2011, 1), NY);
    assertThatThrownBy(() -> RatingPlan.compile(t, jan2011, IntervalLength.SIXTY_MINUTES))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("period must be covered by a version of tariff 5550d6fd5457a3187e8b4567 in force: " + jan2011);
    // inside them it compiles
    assertThat(RatingPlan.compile(t, BillingPeriod.ofMonth(YearMonth.of(2015, 7), NY), IntervalLength.SIXTY_MINUTES)
        .segments()).hasSize(1);
  }

  @Test
  void tariffEffectiveFromMovesTheVersionAndDropsItsEnd() {
    UrdbImport imp = fpl();
    Tariff moved = imp.tariffEffectiveFrom(LocalDate.of(2011, 1, 1));
    TariffVersion original = imp.tariff().versions().get(0);
    assertThat(moved.versions()).hasSize(1);
    TariffVersion v = moved.versions().get(0);
    assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2011, 1, 1));
    assertThat(v.effectiveUntil()).isEmpty();
    // everything else is the item's
    assertThat(v.withEffectiveFrom(original.effectiveFrom()).withEffectiveUntil(original.effectiveUntil()))
        .isEqualTo(original);
    assertThat(moved.withVersions(original)).isEqualTo(imp.tariff());
    // the import itself is unchanged
    assertThat(imp.tariff().versions().get(0).effectiveUntil()).contains(LocalDate.of(2015, 8, 31));
    BillingPeriod jan2011 = BillingPeriod.ofMonth(YearMonth.of(2011, 1), NY);
    assertThat(RatingPlan.compile(moved, jan2011, IntervalLength.SIXTY_MINUTES).segments()).hasSize(1);
  }

  @Test
  void tariffEffectiveFromMayAlsoMoveTheDateLater() {
    Tariff moved = fpl().tariffEffectiveFrom(LocalDate.of(2030, 1, 1));
    assertThat(moved.versions().get(0).effectiveFrom()).isEqualTo(LocalDate.of(2030, 1, 1));
    assertThat(moved.versions().get(0).effectiveUntil()).isEqualTo(Optional.empty());
  }
}
