package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.NEW_YORK;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The whole text of an explanation, for a bill whose every line is worked out by hand below. */
class BillExplanationTest {
  private static final BillingPeriod JUNE = BillingPeriod.ofMonth(YearMonth.of(2024, 6), NEW_YORK);
  private static final long KWH = 1_000_000L;

  /** The first lines of both May explanations, up to the energy line; TOTAL stands for the bill's total. */
  private static final String MAY_HEAD = String.join("\n",
      "Bill for meter M-1 on tariff Test tariff (T)",
      "Period 2024-05-01 to 2024-05-31 (31 days, UTC), 744 intervals",
      "Total TOTAL",
      "",
      "What was measured:",
      "  imported 20 kWh, exported 300 kWh, peak demand 20 kW",
      "",
      "How each charge was worked out:",
      "  Customer charge                                            1 month × 10 = USD 10.00   [customer]",
      "  Energy                                                     20 kWh × 0.2 = USD 4.00   [energy]");

  /**
   * UTC May 2024 on a flat 0.20 tariff with a customer charge of 10.00 and exports at 0.05 under the given rule:
   * 20 kWh imported in the first hour, 300 kWh exported in the second.
   */
  private static Bill mayWithExports(NetMeteringRule.Builder rule) {
    Tariff t = Fixtures.tariff(Fixtures.UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.20"))
        .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("10"), FixedChargeBasis.PER_BILL))
        .netMetering(rule.exportRate(ExportRate.flat(d("0.05"))).build()));
    BillingPeriod may = BillingPeriod.ofMonth(YearMonth.of(2024, 5), Fixtures.UTC);
    return Fixtures.rate(t, may, Fixtures.series(may, IntervalLength.SIXTY_MINUTES,
        i -> i == 0 ? 20_000_000 : 0, i -> i == 1 ? 300_000_000 : 0));
  }

  private static BillLine line(Bill bill, String description) {
    return bill.lines().stream().filter(l -> l.description().equals(description)).findFirst().orElseThrow();
  }

  /**
   * June 2024 in New York (20 weekdays, 10 weekend days, 720 hours), 1 kWh every hour except 6 kWh at 17:00 on
   * Tuesday 4 June; the readings of 02:00 and 03:00 on Monday 10 June are missing and filled by linear interpolation
   * (1 kWh each). Summer weekday periods: off-peak (0–12 and 21–24), shoulder (12–16), peak (16–21); weekends
   * off-peak.
   *
   * <ul>
   *   <li>customer charge 5.00 per bill;
   *   <li>off-peak 15 h × 20 weekdays + 24 h × 10 weekend days = 540 kWh × 0.08 = 43.20 (the 2 estimated hours are
   *       off-peak);
   *   <li>shoulder 4 h × 20 = 80 kWh × 0.12 = 9.60;
   *   <li>peak 5 h × 20 = 100 h, 99 × 1 + 6 = 105 kWh: tier 1 100 kWh × 0.20 = 20.00, tier 2 5 kWh × 0.30 = 1.50;
   *   <li>demand: the 6 kW hour × 10.00 = 60.00, set at 2024-06-04 17:00 EDT (-04:00);
   *   <li>before tax 139.30; sales tax 6 % of 139.30 = 8.358, rounded 8.36; total 147.66. Shares of 147.66: fixed
   *       3 %, energy 74.30 = 50 %, demand 41 %, tax 6 %.
   * </ul>
   */
  @Test
  void explainsEveryLineWithItsArithmeticItsShareAndTheLocalTimeOfThePeak() {
    Tariff t = Fixtures.tariff(NEW_YORK, v -> v
        .addFixedCharge(FixedCharge.of("customer", "Customer charge", d("5.00"), FixedChargeBasis.PER_BILL))
        .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
            .schedule(ConstructTest.summerWinter(HolidayCalendar.none()))
            .addPeriods(PeriodTiers.flat(0, d("0.08")), PeriodTiers.flat(1, d("0.12")),
                PeriodTiers.of(2, List.of(Tier.upTo(d("100"), d("0.20")), Tier.unbounded(d("0.30")))))
            .build())
        .addDemandCharge(DemandCharge.builder().id("demand").description("Demand")
            .addPeriod(PeriodTiers.flat(0, d("10.00"))).build())
        .addTax(TaxRule.onAll("sales-tax", "Sales tax", d("6"))));
    IntervalGrid grid = IntervalGrid.forPeriod(JUNE, IntervalLength.SIXTY_MINUTES);
    Instant peak = LocalDateTime.of(2024, 6, 4, 17, 0).atZone(NEW_YORK).toInstant();
    Instant gap = LocalDateTime.of(2024, 6, 10, 2, 0).atZone(NEW_YORK).toInstant();
    IntervalReadings readings = IntervalReadings.forMeter("M-1", IntervalLength.SIXTY_MINUTES);
    for (int i = 0; i < grid.count(); i++) {
      Instant at = grid.intervalStart(i);
      if (!at.equals(gap) && !at.equals(gap.plusSeconds(3600))) {
        readings.add(at, at.equals(peak) ? 6 * KWH : KWH);
      }
    }
    IntervalSeries meter = readings.toSeries(JUNE, GapFill.linear(Duration.ofHours(2)));

    Bill bill = Fixtures.rate(t, JUNE, meter);

    assertThat(bill.total()).isEqualTo(Money.parse("USD 147.66"));
    // the intervals behind the lines: the demand line's peak hour; each energy period's hours (20 weekdays × 4)
    assertThat(line(bill, "Demand").intervals()).singleElement()
        .satisfies(r -> assertThat(r.startInclusive()).isEqualTo(peak)).satisfies(r -> assertThat(r.count()).isOne());
    assertThat(line(bill, "Energy, shoulder").intervals()).hasSize(20)
        .allSatisfy(r -> assertThat(r.count()).isEqualTo(4));
    assertThat(line(bill, "Customer charge").intervals()).isEmpty();
    assertThat(BillExplanation.of(bill).text()).isEqualTo(bill.explain()).isEqualTo(String.join("\n",
        "Bill for meter M-1 on tariff Test tariff (T)",
        "Period 2024-06-01 to 2024-06-30 (30 days, America/New_York), 720 intervals",
        "Total USD 147.66",
        "",
        "What was measured:",
        "  imported 725 kWh, exported 0 kWh, peak demand 6 kW",
        "  2 of 720 intervals were not actual readings (estimated by a declared rule: linear interpolation)",
        "",
        "How each charge was worked out:",
        "  Customer charge                                            1 month × 5 = USD 5.00   [customer]",
        "  Energy, off-peak                                           540 kWh × 0.08 = USD 43.20   [energy; 2"
            + " estimated intervals (linear interpolation)]",
        "  Energy, shoulder                                           80 kWh × 0.12 = USD 9.60   [energy]",
        "  Energy, peak, tier 1                                       100 kWh × 0.2 = USD 20.00   [energy]",
        "  Energy, peak, tier 2                                       5 kWh × 0.3 = USD 1.50   [energy]",
        "  Demand                                                     6 kW × 10 = USD 60.00   [demand]",
        "  Sales tax 6% of USD 139.30                                 USD 8.36   [sales-tax]",
        "",
        "Where the money goes:",
        "  Fixed                   USD 5.00 (3% of the bill)",
        "  Energy                  USD 74.30 (50% of the bill)",
        "  Demand                  USD 60.00 (41% of the bill)",
        "  Tax                     USD 8.36 (6% of the bill)",
        "  The largest single charge is \"Demand\" at USD 60.00. It is set by the interval starting 2024-06-04 17:00"
            + " -04:00.",
        "",
        "Tariff clauses used: customer, demand, energy, sales-tax",
        ""));
  }

  /**
   * Net billing into a money bank, UTC May 2024: 20 kWh imported in one hour at 0.20 = 4.00; 300 kWh exported in
   * another, credited at 0.05 = 15.00 into the bank; the bank offsets the energy charge (4.00) and 11.00 is carried
   * forward; the customer charge 10.00 is not offset. Total 10.00.
   */
  @Test
  void saysHowExportsWereSettled() {
    Bill bill = mayWithExports(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY));

    assertThat(bill.total()).isEqualTo(Money.parse("USD 10.00"));
    assertThat(bill.explain()).isEqualTo(String.join("\n", MAY_HEAD.replace("TOTAL", "USD 10.00"),
        "  Credit applied to energy charges, earned this bill USD 15.00  USD -4.00   [net-metering]",
        "",
        "Where the money goes:",
        "  Fixed                   USD 10.00 (100% of the bill)",
        "  Energy                  USD 4.00 (40% of the bill)",
        "  Export credit           USD -4.00",
        "  The largest single charge is \"Customer charge\" at USD 10.00.",
        "",
        "Exports:",
        "  credit: USD 0.00 carried in, USD 15.00 earned, USD 4.00 applied, USD 11.00 carried forward",
        "",
        "Tariff clauses used: customer, energy, net-metering",
        ""));
  }

  /**
   * Buy all, sell all, UTC May 2024: 20 kWh bought at 0.20 = 4.00; 300 kWh sold at 0.05, a credit line of -15.00;
   * with the customer charge 10.00 the total is -1.00. The credit's arithmetic keeps its sign:
   * {@code -(300 kWh × 0.05) = USD -15.00}; with no bank, carry or true-up there is no "Exports:" section, and with a
   * negative total no shares.
   */
  @Test
  void writesACreditAsTheNegativeOfItsProduct() {
    Bill bill = mayWithExports(NetMeteringRule.builder().mode(NetMeteringMode.BUY_ALL_SELL_ALL));

    assertThat(bill.total()).isEqualTo(Money.parse("USD -1.00"));
    assertThat(bill.explain()).isEqualTo(String.join("\n", MAY_HEAD.replace("TOTAL", "USD -1.00"),
        "  Export credit                                              -(300 kWh × 0.05) = USD -15.00   [net-metering]",
        "",
        "Where the money goes:",
        "  Fixed                   USD 10.00",
        "  Energy                  USD 4.00",
        "  Export credit           USD -15.00",
        "  The largest single charge is \"Customer charge\" at USD 10.00.",
        "",
        "Tariff clauses used: customer, energy, net-metering",
        ""));
  }
}
