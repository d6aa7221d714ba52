package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.Escalation;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.KwhBankTransfer;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Ratchet;
import io.github.gridbill.core.tariff.RatchetReference;
import io.github.gridbill.core.tariff.RatingConventions;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.DemandRecord;
import io.github.gridbill.rating.IntervalSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the inputs of NREL SAM's {@code utilityrate5} compute module (ssc variables as JSON, as in SAM's own tests)
 * into a GridBill tariff and meter data, setting the {@link RatingConventions} that make GridBill bill the way ssc
 * does.
 *
 * <p>Where ssc's semantics differ from GridBill's defaults the importer says so in the tariff, never by patching
 * results, and lists each choice in {@link SscImport#conventions()}:
 * <ul>
 *   <li>bills are calendar months of a 365-day year that starts on a Monday, without DST or holidays: the tariff is
 *       in UTC from 2018-01-01 (a Monday); ssc repeats that weekday pattern every year, so each later year is a tariff
 *       version whose weekend days are the two that ssc treats as weekend (2019: Sunday and Monday);
 *   <li>demand is the raw per-step peak of the grid import (the interval length is the step);
 *   <li>energy tiers are one monthly counter for all TOU periods, shared proportionally among periods for net
 *       metering (options 0 and 1) and filled in time order for net billing and buy-all/sell-all (2, 3, 4); exports
 *       have their own counter priced at the tiers' sell rates; uneven tier bounds across a month's periods are refused
 *       ({@code uniformTierBoundsAcrossPeriods});
 *   <li>kWh/kW tier bounds are sized by billing demand (the ratchet with {@link RatchetReference#SAM_BILLING_DEMAND})
 *       when it is enabled, else by the month's peak;
 *   <li>option 0 banks surplus kWh per period and moves it to the period of the same weekday hour (0, 5, 11, 17) next
 *       month ({@link KwhBankTransfer#SAME_HOURS}); its true-up pays the netting year's net surplus
 *       ({@link TrueUpBasis#NET_SURPLUS_SINCE_TRUE_UP}), not the bank; with roll-over the true-up value becomes money
 *       credit ({@link TrueUpSettlement#ROLL_OVER}); option 1 with roll-over pays and carries
 *       ({@link TrueUpSettlement#PAY_AND_ROLL_OVER});
 *   <li>the annual minimum settles in December; every money rate escalates by {@code (1 + inflation + escalation)}
 *       per year ({@link Escalation}).
 * </ul>
 *
 * <p>Arrays are {@code double} kW in ssc; each interval's energy is computed exactly from the decimal values and
 * quantised once to mWh (HALF_EVEN), so a bill differs from ssc's by at most 0.5 mWh per interval times the rate
 * (well under a cent a month). A malformed input, or one ssc itself refuses (for example
 * {@code ur_nm_credit_month = 12}), is refused with a {@link DataFormatException} naming the variable and the rule.
 * A rule of GridBill's tariff model is reported at the variable the offending value came from: a billing-demand
 * period that is no period of the demand schedule at {@code $.ur_dc_billing_demand_periods}, TOU tier bounds that
 * differ within a month at {@code $.ur_ec_tou_mat} or {@code $.ur_dc_tou_mat}, and a rule of the tariff as a whole at
 * {@code $}. This class is stateless and thread-safe.
 */
public final class SscReader {
  private static final BigDecimal UNBOUNDED = new BigDecimal("1e37");
  private static final int BASE_YEAR = 2018;
  private static final String ENERGY_MATRIX = "$.ur_ec_tou_mat";
  private static final String TOU_DEMAND_MATRIX = "$.ur_dc_tou_mat";
  private static final String FLAT_DEMAND_MATRIX = "$.ur_dc_flat_mat";
  private static final String METERING_OPTION = "$.ur_metering_option";
  /**
   * The ssc variable behind each field of the tariff model, by prefix of {@link ValidationException#field()} (the
   * first that matches wins): the ids this reader gives its components, the ratchet's fields, and the field names
   * {@code TariffVersion} gives tier bounds that differ across periods.
   */
  private static final String[][] FIELD_PATHS = {
    {"ratchet.demandPeriods", "$.ur_dc_billing_demand_periods"},
    {"ratchet.demandCharge", TOU_DEMAND_MATRIX}, // the periods name the TOU demand charge, built from this matrix
    {"ratchet.percentByMonth", "$.ur_billing_demand_lookback_percentages"},
    {"ratchet.includeCurrentPeakByMonth", "$.ur_billing_demand_lookback_percentages"},
    {"ratchet.lookbackMonths", "$.ur_billing_demand_lookback_period"},
    {"ratchet.minimumKw", "$.ur_billing_demand_minimum"},
    {"energy.", ENERGY_MATRIX},
    {"energy tier ", ENERGY_MATRIX},
    {"demand-tou.", TOU_DEMAND_MATRIX},
    {"demand tier ", TOU_DEMAND_MATRIX}, // only a TOU schedule can hold two periods in a month
    {"demand-flat.", FLAT_DEMAND_MATRIX},
    {"netMetering.surplusRate", "$.ur_nm_yearend_sell_rate"},
    {"netMetering.", METERING_OPTION},
    {"minimum.monthly", "$.ur_monthly_min_charge"},
    {"minimum.annual", "$.ur_annual_min_charge"},
  };

  private final String source;
  private final JsonNode vars;
  private final Path baseDir;
  private final List<Assumption> notes = new ArrayList<>();

  private SscReader(String source, JsonNode vars, Path baseDir) {
    this.source = source;
    this.vars = vars;
    this.baseDir = baseDir;
  }

  /**
   * Reads a JSON file of ssc variables; {@code load} and {@code gen} may be inline arrays or references
   * {@code {"csv": "inputs/x.csv"}} to a one-column CSV (header, then one value per line), resolved against the file's
   * folder or, failing that, its parent (the layout of SAM's tests: {@code cases/} beside {@code inputs/}).
   *
   * @param file the JSON file, not null
   * @return the import, never null
   * @throws DataFormatException if the file is malformed or holds an input ssc refuses
   * @throws UncheckedIOException if a file cannot be read
   */
  public static SscImport read(Path file) {
    Objects.requireNonNull(file, "file");
    JsonNode root;
    try {
      root = UrdbReader.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      throw new DataFormatException(file.toString(), "$", "json", e.getOriginalMessage(), "must be valid JSON", e);
    } catch (NumberFormatException e) { // a number past BigDecimal's range, refused while parsing (not a Jackson error)
      throw new DataFormatException(file.toString(), "$", "json", e.getMessage(), "must be valid JSON", e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return new SscReader(file.getFileName().toString(), root, dir == null ? Path.of(".") : dir).read();
  }

  private SscImport read() {
    if (!vars.isObject()) {
      throw bad("$", "variables", "not an object", "must be a JSON object of ssc variables");
    }
    checkConstraints();
    int years = intVar("analysis_period", 1);
    if (years < 1 || years > 2) {
      throw bad("$.analysis_period", "analysis_period", years,
          "must be 1 or 2 (later years would need a leap day, which ssc's 8760-hour years do not have)");
    }
    int option = intVar("ur_metering_option", 0);
    int creditMonth = intVar("ur_nm_credit_month", 11);
    boolean rollover = intVar("ur_nm_credit_rollover", 0) == 1;
    BigDecimal inflation = dec("inflation_rate", BigDecimal.ZERO);
    List<BigDecimal> esc = decArray("rate_escalation", List.of(BigDecimal.ZERO));
    if (esc.size() != 1) {
      throw bad("$.rate_escalation", "rate_escalation", esc.size() + " values",
          "must have one value (per-year escalation arrays are not carried)");
    }
    BigDecimal factor = BigDecimal.ONE.add(inflation.movePointLeft(2)).add(esc.get(0).movePointLeft(2));
    notes.add(Assumption.of("$.inflation_rate", "ssc escalates every money rate yearly",
        "Escalation(2018, " + factor.toPlainString() + "): (1 + inflation + escalation)^year"));

    // meter data
    boolean lifetime = intVar("system_use_lifetime_output", 0) == 1;
    List<BigDecimal> gen = series("gen");
    List<BigDecimal> load = series("load");
    int spy = lifetime ? gen.size() / years : gen.size();
    if (spy == 0 || spy % 8760 != 0 || (lifetime && gen.size() % years != 0)) {
      throw bad("$.gen", "gen", gen.size() + " values", "must hold a whole number of 8760-hour years");
    }
    int sph = spy / 8760;
    IntervalLength len;
    try {
      len = IntervalLength.of(java.time.Duration.ofMinutes(60 / sph));
    } catch (ValidationException e) {
      throw bad("$.gen", "gen", sph + " steps per hour", "must be 1, 2, 4, 6, 12 or 60 steps per hour");
    }
    if (60 % sph != 0) {
      throw bad("$.gen", "gen", sph + " steps per hour", "must divide an hour");
    }
    if (load.size() != spy && load.size() != 8760) {
      throw bad("$.load", "load", load.size() + " values", "must have " + spy + " or 8760 values (one year)");
    }

    // tariff components
    TariffVersion.Builder proto = TariffVersion.builder();
    int[][] ewd = matrix("ur_ec_sched_weekday");
    int[][] ewe = matrix("ur_ec_sched_weekend");
    Map<Integer, List<BigDecimal[]>> ecRows = rowsByKey("ur_ec_tou_mat", 6);
    boolean sellEqBuy = intVar("ur_sell_eq_buy", 0) == 1;
    boolean tsBuy = intVar("ur_en_ts_buy_rate", 0) == 1;
    boolean tsSell = intVar("ur_en_ts_sell_rate", 0) == 1;
    if ((tsBuy || tsSell) && option < 2) {
      throw bad("$.ur_en_ts_buy_rate", tsBuy ? "ur_en_ts_buy_rate" : "ur_en_ts_sell_rate", 1,
          "must be 0 with net metering (options 0 and 1): time series rates are not compatible with net metering");
    }
    int nEnergyPeriods = maxPeriod(ewd, ewe, ecRows.keySet());
    checkScheduled("ur_ec_sched", ewd, ewe, ecRows.keySet(), "energy rate table");
    List<PeriodTiers> energyPeriods = new ArrayList<>();
    for (Map.Entry<Integer, List<BigDecimal[]>> e : ecRows.entrySet()) {
      List<Tier> tiers = new ArrayList<>();
      List<BigDecimal[]> rows = e.getValue();
      for (int i = 0; i < rows.size(); i++) {
        BigDecimal[] r = rows.get(i);
        Tier.Builder t = Tier.builder().unit(energyUnit(r[3], e.getKey())).rate(tsBuy ? BigDecimal.ZERO : r[4])
            .sellRate(sellEqBuy ? r[4] : r[5]);
        if (r[2].compareTo(UNBOUNDED) < 0 || i < rows.size() - 1) {
          t.upTo(r[2]);
        }
        tiers.add(model(ENERGY_MATRIX, t::build));
      }
      energyPeriods.add(model(ENERGY_MATRIX, () -> PeriodTiers.of(e.getKey() - 1, tiers)));
    }
    boolean netMetering = option <= 1;
    List<BigDecimal> tsBuyRates = tsBuy ? decArray("ur_ts_buy_rate", List.of()) : List.of();
    List<BigDecimal> tsSellRates = tsSell ? decArray("ur_ts_sell_rate", List.of()) : List.of();

    boolean dcEnabled = intVar("ur_dc_enable", 0) == 1;
    boolean billingDemand = intVar("ur_enable_billing_demand", 0) == 1;
    int[][] dwd = dcEnabled ? matrix("ur_dc_sched_weekday") : new int[12][24];
    int[][] dwe = dcEnabled ? matrix("ur_dc_sched_weekend") : new int[12][24];
    Map<Integer, List<BigDecimal[]>> dcTou = dcEnabled ? rowsByKey("ur_dc_tou_mat", 4) : Map.of();
    Map<Integer, List<BigDecimal[]>> dcFlat = dcEnabled ? rowsByKey("ur_dc_flat_mat", 4) : Map.of();
    int nDemandPeriods = dcEnabled ? maxPeriod(dwd, dwe, dcTou.keySet()) : 0;
    if (dcEnabled) {
      checkScheduled("ur_dc_sched", dwd, dwe, dcTou.keySet(), "demand rate table");
    }

    Ratchet ratchet = null;
    if (billingDemand) {
      BigDecimal[][] pct = decMatrix("ur_billing_demand_lookback_percentages", 12, 2);
      Ratchet.Builder rb = Ratchet.builder().reference(RatchetReference.SAM_BILLING_DEMAND)
          .lookbackMonths(intVar("ur_billing_demand_lookback_period", 11))
          .minimumKw(dec("ur_billing_demand_minimum", BigDecimal.ZERO)).demandCharge("demand-tou");
      for (int m = 0; m < 12; m++) {
        rb.addPercentByMonth(pct[m][0]).addIncludeCurrentPeakByMonth(pct[m][1].signum() != 0);
      }
      if (dcEnabled) {
        JsonNode bdp = vars.get("ur_dc_billing_demand_periods");
        if (bdp == null || !bdp.isArray()) {
          throw bad("$.ur_dc_billing_demand_periods", "ur_dc_billing_demand_periods", null,
              "must be present when billing demand is enabled");
        }
        if (bdp.size() != nDemandPeriods) {
          throw bad("$.ur_dc_billing_demand_periods", "ur_dc_billing_demand_periods", bdp.size() + " rows",
              "must have one row per demand TOU period (" + nDemandPeriods + ")");
        }
        boolean any = false;
        for (int i = 0; i < bdp.size(); i++) {
          if (bdp.get(i).get(1).asDouble() != 0) {
            rb.addDemandPeriod(bdp.get(i).get(0).asInt() - 1);
            any = true;
          }
        }
        if (!any) {
          throw bad("$.ur_dc_billing_demand_periods", "ur_dc_billing_demand_periods", "no flagged period",
              "must flag at least one period for billing demand");
        }
      }
      ratchet = model("$.ur_enable_billing_demand", rb::build);
      notes.add(Assumption.of("$.ur_enable_billing_demand", "ssc's billing demand",
          "Ratchet SAM_BILLING_DEMAND: each looked-back month at its own percentage; kWh/kW tiers sized by it"));
    }

    // net metering
    NetMeteringRule.Builder nm = NetMeteringRule.builder();
    Month trueUp = Month.of(creditMonth + 1);
    switch (option) {
      case 0:
        nm.mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH).trueUpMonth(trueUp)
            .surplusRate(dec("ur_nm_yearend_sell_rate", BigDecimal.ZERO))
            .trueUpSettlement(rollover ? TrueUpSettlement.ROLL_OVER : TrueUpSettlement.PAY);
        break;
      case 1:
        nm.mode(NetMeteringMode.NET_METERING).carry(CreditCarry.MONEY).trueUpMonth(trueUp)
            .exportRate(ExportRate.tierSellRates())
            .trueUpSettlement(rollover ? TrueUpSettlement.PAY_AND_ROLL_OVER : TrueUpSettlement.PAY);
        break;
      case 2:
        nm.mode(NetMeteringMode.NET_BILLING);
        break;
      case 3:
        nm.mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY).trueUpMonth(trueUp)
            .creditsOffsetSameBill(intVar("ur_nb_apply_credit_current_month", 0) == 1)
            .trueUpSettlement(intVar("ur_nb_credit_expire", 0) == 1 ? TrueUpSettlement.FORFEIT
                : TrueUpSettlement.PAY);
        break;
      default:
        nm.mode(NetMeteringMode.BUY_ALL_SELL_ALL);
    }

    BigDecimal fixed = dec("ur_monthly_fixed_charge", BigDecimal.ZERO);
    BigDecimal monMin = dec("ur_monthly_min_charge", BigDecimal.ZERO);
    BigDecimal annMin = dec("ur_annual_min_charge", BigDecimal.ZERO);

    Tariff.Builder tariff = Tariff.builder().id("ssc").name("SAM utilityrate5 inputs (" + source + ")")
        .currency(CurrencyUnit.USD).zone(ZoneOffset.UTC);
    for (int y = 0; y < years; y++) {
      int year = BASE_YEAR + y;
      DayCalendar cal = sscCalendar(year);
      List<String> eNames = names(nEnergyPeriods);
      TouSchedule es = TouSchedule.fromMonthHourMatrices("ssc energy " + year, eNames, ewd, ewe, cal);
      EnergyCharge.Builder ec = EnergyCharge.builder().id("energy").description("Energy").schedule(es)
          .periods(energyPeriods).counter(TierCounter.ALL_PERIODS)
          .allocation(netMetering ? TierAllocation.PROPORTIONAL : TierAllocation.CHRONOLOGICAL);
      if (tsBuy) {
        ec.priceSeries(prices(tsBuyRates, year, spy, len, "ur_ts_buy_rate"));
      }
      TariffVersion.Builder v = TariffVersion.builder().from(proto.effectiveFrom(LocalDate.of(year, 1, 1)).build())
          .addEnergyCharge(model(ENERGY_MATRIX, ec::build));
      if (option >= 1) {
        NetMeteringRule.Builder nmy = NetMeteringRule.builder().from(model(METERING_OPTION, nm::build));
        if (option >= 2) {
          nmy.exportRate(tsSell ? ExportRate.timeSeries(prices(tsSellRates, year, spy, len, "ur_ts_sell_rate"))
              : ExportRate.tierSellRates());
        }
        v.netMetering(model(METERING_OPTION, nmy::build));
      } else {
        v.netMetering(model(METERING_OPTION, nm::build));
      }
      if (dcEnabled) {
        TouSchedule months = monthSchedule(cal);
        DemandCharge.Builder flat = DemandCharge.builder().id("demand-flat").description("Flat demand")
            .schedule(months).basis(billingDemand ? DemandBasis.BILLING_DEMAND : DemandBasis.PEAK);
        for (Map.Entry<Integer, List<BigDecimal[]>> e : dcFlat.entrySet()) {
          flat.addPeriod(model(FLAT_DEMAND_MATRIX, () -> PeriodTiers.of(e.getKey(), demandTiers(e.getValue()))));
        }
        if (!dcFlat.isEmpty()) {
          v.addDemandCharge(model(FLAT_DEMAND_MATRIX, flat::build));
        }
        if (!dcTou.isEmpty()) {
          TouSchedule ds = TouSchedule.fromMonthHourMatrices("ssc demand " + year, names(nDemandPeriods), dwd, dwe,
              cal);
          DemandCharge.Builder tou = DemandCharge.builder().id("demand-tou").description("TOU demand").schedule(ds)
              .basis(billingDemand ? DemandBasis.BILLING_DEMAND : DemandBasis.PEAK);
          for (Map.Entry<Integer, List<BigDecimal[]>> e : dcTou.entrySet()) {
            tou.addPeriod(model(TOU_DEMAND_MATRIX, () -> PeriodTiers.of(e.getKey() - 1, demandTiers(e.getValue()))));
          }
          v.addDemandCharge(model(TOU_DEMAND_MATRIX, tou::build));
        }
      }
      if (ratchet != null) {
        v.ratchet(ratchet);
      }
      if (fixed.signum() != 0) {
        v.addFixedCharge(FixedCharge.of("fixed", "Monthly fixed charge", fixed, FixedChargeBasis.PER_BILL));
      }
      if (monMin.signum() != 0 || annMin.signum() != 0) {
        MinimumCharge.Builder mb = MinimumCharge.builder().annualSettlementMonth(Month.DECEMBER);
        if (monMin.signum() != 0) {
          mb.monthly(monMin);
        }
        if (annMin.signum() != 0) {
          mb.annual(annMin);
        }
        v.minimumCharge(model("$.ur_monthly_min_charge", mb::build));
      }
      v.conventions(RatingConventions.builder().calendarMonthBills(true)
          .perKwTierDemand(billingDemand ? DemandBasis.BILLING_DEMAND : DemandBasis.PEAK)
          .uniformTierBoundsAcrossPeriods(true).kwhBankTransfer(KwhBankTransfer.SAME_HOURS)
          .trueUpBasis(TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP).escalation(Escalation.of(BASE_YEAR, factor)).build());
      tariff.addVersion(model("$", v::build));
    }
    notes.add(Assumption.of("$", "ssc's calendar", "UTC from 2018-01-01 (a Monday), no DST or holidays; "
        + "2019 keeps 2018's weekday pattern (weekend = Sunday and Monday)"));

    // series
    BigDecimal dt = BigDecimal.ONE.divide(BigDecimal.valueOf(sph));
    List<BigDecimal> degradation = decArray("degradation", List.of(BigDecimal.ZERO));
    List<BigDecimal> loadEsc = decArray("load_escalation", List.of(BigDecimal.ZERO));
    int n = spy * years;
    long[] imp = new long[n];
    long[] exp = new long[n];
    long[] loadOnly = new long[n];
    int loadStride = load.size() == spy ? 1 : sph;
    for (int y = 0; y < years; y++) {
      BigDecimal deg = BigDecimal.ONE;
      if (!lifetime) {
        deg = degradation.size() == 1
            ? BigDecimal.ONE.subtract(degradation.get(0).movePointLeft(2)).pow(y)
            : BigDecimal.ONE.subtract(degradation.get(Math.min(y, degradation.size() - 1)).movePointLeft(2));
      }
      BigDecimal le = BigDecimal.ONE.add(loadEsc.get(0).movePointLeft(2)).pow(y);
      for (int i = 0; i < spy; i++) {
        BigDecimal g = gen.get(lifetime ? y * spy + i : i);
        if (!lifetime) {
          g = g.multiply(deg);
        }
        BigDecimal l = load.get(i / loadStride).multiply(le);
        BigDecimal eg = g.multiply(dt);
        BigDecimal el = l.multiply(dt);
        int k = y * spy + i;
        loadOnly[k] = mwh(el.max(BigDecimal.ZERO));
        if (option == 4) {
          imp[k] = mwh(el.max(BigDecimal.ZERO).add(eg.negate().max(BigDecimal.ZERO)));
          exp[k] = mwh(eg.max(BigDecimal.ZERO));
        } else {
          BigDecimal net = eg.subtract(el);
          imp[k] = mwh(net.negate().max(BigDecimal.ZERO));
          exp[k] = mwh(net.max(BigDecimal.ZERO));
        }
      }
    }
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(BASE_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), len,
        n);
    Power max = Power.ofWatts(1_000_000_000L);
    IntervalSeries with = IntervalSeries.builder("ssc-with-system", grid).imports(imp).exports(exp).maxDemand(max)
        .build();
    IntervalSeries without = IntervalSeries.builder("ssc-without-system", grid).imports(loadOnly).maxDemand(max)
        .build();
    List<YearMonth> months = new ArrayList<>();
    for (int m = 0; m < 12 * years; m++) {
      months.add(YearMonth.of(BASE_YEAR, 1).plusMonths(m));
    }
    BillingState.Builder state = BillingState.builder();
    JsonNode yz = vars.get("ur_yearzero_usage_peaks");
    if (billingDemand && yz != null && yz.isArray()) {
      for (int m = 0; m < yz.size() && m < 12; m++) {
        BigDecimal kw = yz.get(m).decimalValue();
        if (kw.signum() > 0) {
          Power p = Power.ofKilowatts(kw, RoundingMode.HALF_UP);
          state.addDemandHistory(DemandRecord.of(YearMonth.of(BASE_YEAR - 1, m + 1), p, p, p));
        }
      }
    }
    return SscImport.builder().tariff(tariff.build()).withSystem(with).withoutSystem(without).months(months)
        .initialState(state.build()).conventions(notes).build();
  }

  private static long mwh(BigDecimal kwh) {
    return Energy.ofKilowattHours(kwh, RoundingMode.HALF_EVEN).milliwattHours();
  }

  /** ssc's year: day-of-year mod 7 in {5, 6} is a weekend day, whatever the real weekday. */
  private static DayCalendar sscCalendar(int year) {
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    EnumSet<DayOfWeek> weekend = EnumSet.of(jan1.plusDays(5).getDayOfWeek(), jan1.plusDays(6).getDayOfWeek());
    return DayCalendar.of(weekend, HolidayCalendar.none());
  }

  private static TouSchedule monthSchedule(DayCalendar cal) {
    int[][] m = new int[12][24];
    for (int i = 0; i < 12; i++) {
      java.util.Arrays.fill(m[i], i);
    }
    List<String> names = new ArrayList<>();
    for (Month mo : Month.values()) {
      names.add(mo.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT));
    }
    return TouSchedule.fromMonthHourMatrices("months", names, m, m, cal);
  }

  private List<Tier> demandTiers(List<BigDecimal[]> rows) {
    List<Tier> tiers = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      BigDecimal[] r = rows.get(i);
      if (r[2].compareTo(UNBOUNDED) < 0 || i < rows.size() - 1) {
        tiers.add(Tier.upToKw(r[2], r[3]));
      } else {
        tiers.add(Tier.builder().rate(r[3]).unit(TierUnit.KW).build());
      }
    }
    return tiers;
  }

  private TierUnit energyUnit(BigDecimal code, int period) {
    switch (code.intValue()) {
      case 0:
        return TierUnit.KWH;
      case 1:
        return TierUnit.KWH_PER_KW;
      case 2:
        return TierUnit.KWH_PER_DAY;
      case 3:
        return TierUnit.KWH_PER_KW_PER_DAY;
      default:
        throw bad("$.ur_ec_tou_mat", "ur_ec_tou_mat[period " + period + "].units", code,
            "must be 0 (kWh), 1 (kWh/kW), 2 (kWh daily) or 3 (kWh/kW daily)");
    }
  }

  private PriceSeries prices(List<BigDecimal> rates, int year, int spy, IntervalLength len, String var) {
    if (rates.size() != spy && rates.size() != 8760) {
      throw bad("$." + var, var, rates.size() + " values", "must have one value per step (" + spy + ") or 8760");
    }
    List<BigDecimal> out = new ArrayList<>(spy);
    int stride = rates.size() == spy ? 1 : spy / 8760;
    for (int i = 0; i < spy; i++) {
      out.add(rates.get(i / stride));
    }
    return PriceSeries.builder().start(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .intervalLength(len).prices(out).build();
  }

  private static List<String> names(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= Math.max(n, 1); i++) {
      out.add(String.valueOf(i));
    }
    return out;
  }

  private int maxPeriod(int[][] wd, int[][] we, java.util.Set<Integer> table) {
    int max = 1;
    for (int[][] m : new int[][][] {wd, we}) {
      for (int[] row : m) {
        for (int v : row) {
          max = Math.max(max, v + 1);
        }
      }
    }
    for (int p : table) {
      max = Math.max(max, p);
    }
    return max;
  }

  private void checkScheduled(String var, int[][] wd, int[][] we, java.util.Set<Integer> table, String what) {
    String[] names = {var + "_weekday", var + "_weekend"};
    int[][][] both = {wd, we};
    for (int w = 0; w < 2; w++) {
      for (int mo = 0; mo < 12; mo++) {
        for (int h = 0; h < 24; h++) {
          if (!table.contains(both[w][mo][h] + 1)) {
            throw bad("$." + names[w] + "[" + mo + "][" + h + "]", names[w], both[w][mo][h] + 1,
                "must name a period defined in the " + what);
          }
        }
      }
    }
  }

  /** A 12 × 24 schedule of 1-based periods (clamped to 1..36 as ssc does), returned 0-based. */
  private int[][] matrix(String var) {
    JsonNode n = vars.get(var);
    if (n == null || !n.isArray() || n.size() != 12) {
      throw bad("$." + var, var, n == null ? null : n.size() + " rows", "must have 12 rows and 24 columns");
    }
    int[][] out = new int[12][24];
    for (int m = 0; m < 12; m++) {
      JsonNode row = n.get(m);
      if (!row.isArray() || row.size() != 24) {
        throw bad("$." + var + "[" + m + "]", var, row.size() + " columns", "must have 12 rows and 24 columns");
      }
      for (int h = 0; h < 24; h++) {
        out[m][h] = Math.min(Math.max(row.get(h).asInt(), 1), 36) - 1;
      }
    }
    return out;
  }

  /** Rows of a rate matrix grouped by their first column (period or month), each group sorted by tier. */
  private Map<Integer, List<BigDecimal[]>> rowsByKey(String var, int cols) {
    JsonNode n = vars.get(var);
    if (n == null || !n.isArray()) {
      throw bad("$." + var, var, null, "must be a matrix with " + cols + " columns");
    }
    Map<Integer, TreeMap<Integer, BigDecimal[]>> byKey = new TreeMap<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode row = n.get(i);
      if (!row.isArray() || row.size() != cols) {
        throw bad("$." + var + "[" + i + "]", var, row.size() + " columns", "must have " + cols + " columns");
      }
      BigDecimal[] r = new BigDecimal[cols];
      for (int c = 0; c < cols; c++) {
        r[c] = row.get(c).decimalValue();
      }
      if (r[2].signum() < 0) {
        throw bad("$." + var + "[" + i + "][2]", var + " max", r[2], "must not be negative");
      }
      byKey.computeIfAbsent(r[0].intValue(), k -> new TreeMap<>()).put(r[1].intValue(), r);
    }
    Map<Integer, List<BigDecimal[]>> out = new TreeMap<>();
    byKey.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
    return out;
  }

  private BigDecimal[][] decMatrix(String var, int rows, int cols) {
    JsonNode n = vars.get(var);
    if (n == null || !n.isArray() || n.size() != rows) {
      throw bad("$." + var, var, n == null ? null : n.size() + " rows",
          "must have " + rows + " rows and " + cols + " columns");
    }
    BigDecimal[][] out = new BigDecimal[rows][cols];
    for (int r = 0; r < rows; r++) {
      if (n.get(r).size() != cols) {
        throw bad("$." + var + "[" + r + "]", var, n.get(r).size() + " columns",
            "must have " + rows + " rows and " + cols + " columns");
      }
      for (int c = 0; c < cols; c++) {
        out[r][c] = n.get(r).get(c).decimalValue();
      }
    }
    return out;
  }

  /** ssc's input constraints, checked before anything else, with ssc's rule in the message. */
  private void checkConstraints() {
    Object[][] ints = {
      {"ur_metering_option", 0, 4}, {"ur_nm_credit_month", 0, 11}, {"ur_nm_credit_rollover", 0, 1},
      {"ur_nb_credit_expire", 0, 1}, {"ur_nb_apply_credit_current_month", 0, 1}, {"ur_enable_billing_demand", 0, 1},
      {"system_use_lifetime_output", 0, 1}, {"ur_billing_demand_lookback_period", 0, 12},
      {"ur_sell_eq_buy", 0, 1}, {"ur_en_ts_sell_rate", 0, 1}, {"ur_en_ts_buy_rate", 0, 1}, {"ur_dc_enable", 0, 1}
    };
    for (Object[] c : ints) {
      String k = (String) c[0];
      JsonNode v = vars.get(k);
      if (v == null) {
        continue;
      }
      BigDecimal d = v.isNumber() ? v.decimalValue() : null;
      if (d == null || d.stripTrailingZeros().scale() > 0) {
        throw bad("$." + k, k, v, "must be an integer");
      }
      int i = d.intValue();
      if (i < (int) c[1] || i > (int) c[2]) {
        throw bad("$." + k, k, d.stripTrailingZeros().toPlainString(),
            "must be " + c[1] + " to " + c[2] + " (ssc: max=" + c[2] + ")");
      }
    }
  }

  private int intVar(String k, int dflt) {
    JsonNode v = vars.get(k);
    return v == null ? dflt : v.decimalValue().intValue();
  }

  private BigDecimal dec(String k, BigDecimal dflt) {
    JsonNode v = vars.get(k);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw bad("$." + k, k, v, "must be a number");
    }
    return v.decimalValue();
  }

  private List<BigDecimal> decArray(String k, List<BigDecimal> dflt) {
    JsonNode v = vars.get(k);
    if (v == null) {
      return dflt;
    }
    if (v.isNumber()) {
      return List.of(v.decimalValue());
    }
    if (v.isObject() && v.has("csv")) {
      return series(k);
    }
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(v.get(i).decimalValue());
    }
    return out;
  }

  /** An array variable: inline, or a reference to a one-column CSV next to the input file. */
  private List<BigDecimal> series(String k) {
    JsonNode v = vars.get(k);
    if (v == null) {
      throw bad("$." + k, k, null, "must be present");
    }
    if (v.isArray()) {
      List<BigDecimal> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        out.add(v.get(i).decimalValue());
      }
      return out;
    }
    if (!v.has("csv")) {
      throw bad("$." + k, k, v, "must be an array or {\"csv\": path}");
    }
    Path p = baseDir.resolve(v.get("csv").asString());
    if (!Files.exists(p) && baseDir.getParent() != null) {
      p = baseDir.getParent().resolve(v.get("csv").asString()); // SAM's test layout: cases/ next to inputs/
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw bad("$." + k + ".csv", k, v.get("csv").asString(), "must name a file next to the case or in ../ (" + p
          + " does not exist)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<BigDecimal> out = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String s = lines.get(i).trim();
      if (s.isEmpty()) {
        continue;
      }
      try {
        out.add(new BigDecimal(s));
      } catch (NumberFormatException e) {
        throw new DataFormatException(p.getFileName().toString(), "line " + (i + 1), k, s, "must be a number", e);
      }
    }
    if (v.has("length") && v.get("length").asInt() != out.size()) {
      throw bad("$." + k + ".length", k, out.size() + " values", "must match the declared length "
          + v.get("length").asInt());
    }
    return out;
  }

  /**
   * The JSON path of the ssc variable a tariff-model field comes from: {@code ratchet.demandPeriods} is
   * {@code $.ur_dc_billing_demand_periods}, {@code demand-tou.periods[0]} is {@code $.ur_dc_tou_mat}; a field with no
   * variable of its own is {@code fallback}.
   *
   * @param field the field of a {@link ValidationException}
   * @param fallback the path when no variable matches
   * @return the path
   */
  static String pathOf(String field, String fallback) {
    for (String[] p : FIELD_PATHS) {
      if (field.startsWith(p[0])) {
        return p[1];
      }
    }
    return fallback;
  }

  /**
   * Builds a piece of the tariff model, turning its validation error into a {@link DataFormatException} at the ssc
   * variable the error's field names ({@link #pathOf}), else at {@code path} ({@code $}: the tariff as a whole).
   */
  private <T> T model(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      throw new DataFormatException(source, pathOf(e.field(), path), e.field(), e.value(), e.reason(), e);
    }
  }

  private DataFormatException bad(String path, String field, @org.jspecify.annotations.Nullable Object value,
      String reason) {
    return new DataFormatException(source, path, field, value, reason);
  }
}
