package io.github.gridbill.examples;

import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.formats.GreenButtonReader;
import io.github.gridbill.formats.UrdbReader;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The README's "Rate a real tariff against real meter data": an OpenEI URDB tariff (FPL RS-1) against a year of Green
 * Button interval data, one bill per month, the state carried from bill to bill.
 */
public final class RateRealTariff {
  private RateRealTariff() {}

  /** The URDB fixture, from the repository root. */
  static final String TARIFF =
      "integrations/billing-formats/src/test/resources/fixtures/urdb/reoptapi_FPL_RS-1_urdb_response_EXTRACTED.json";

  /** The Green Button fixture, from the repository root. */
  static final String METER = "integrations/billing-formats/src/test/resources/fixtures/greenbutton/"
      + "greenbutton_objects_Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml";

  /**
   * Rates February to December 2011 and prints each bill's explanation.
   *
   * @param args the URDB file and the Green Button file; the repository's fixtures when absent
   */
  public static void main(String[] args) {
    Path tariffFile = Path.of(args.length > 0 ? args[0] : TARIFF);
    Path meterFile = Path.of(args.length > 1 ? args[1] : METER);
    // the item is in force 2015-06-01 to 2015-08-31: rating 2011 with it is a choice, said explicitly
    Tariff tariff = UrdbReader.forZone(ZoneId.of("America/New_York")).read(tariffFile)
        .tariffEffectiveFrom(LocalDate.of(2011, 1, 1));
    IntervalSeries meter = GreenButtonReader.create().readAll(meterFile).usagePoints().get(0).series().orElseThrow();
    BillingState state = BillingState.initial();
    for (YearMonth m = YearMonth.of(2011, 2); m.isBefore(YearMonth.of(2012, 1)); m = m.plusMonths(1)) {
      RatingPlan plan = RatingPlan.compile(tariff, BillingPeriod.ofMonth(m, tariff.zone()), meter.grid().length());
      RatedBill rated = Rater.create().rate(plan, meter, state);
      System.out.println(rated.bill().explain());
      state = rated.nextState();
    }
  }
}
