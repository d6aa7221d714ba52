package io.github.gridbill.rating.reference;

import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandBasis;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
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
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.RiderKind;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.tariff.TrueUpBasis;
import io.github.gridbill.core.tariff.TrueUpSettlement;
import io.github.gridbill.core.tariff.WeekendBaseline;
import io.github.gridbill.core.tariff.WeekendMatching;
import io.github.gridbill.core.tariff.DayProfile;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.core.time.Season;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.joda.money.CurrencyUnit;

/**
 * jqwik arbitraries for random tariffs drawn from the constructs of RATING.md, random meter profiles and random
 * billing sequences. Every value shrinks toward "less": fewer components, fewer tiers and periods, smaller rates,
 * zero load.
 */
public final class TariffArbitraries {

  /** Zones with DST (and UTC, rarely). */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ZoneId UTC = ZoneId.of("UTC");

  private TariffArbitraries() {}

  /**
   * Which constructs a generator may use.
   *
   * @param tou TOU schedules
   * @param touDemand TOU demand charges
   * @param demand demand charges
   * @param ratchet ratchets and BILLING_DEMAND
   * @param netMetering net metering, net billing, buy-all/sell-all
   * @param priceSeries time-series prices
   * @param minimums minimum charges
   * @param riders riders
   * @param taxes taxes
   * @param escalation escalation
   * @param versionChange a second version starting inside a bill
   * @param demandResponse demand-response programs (every baseline family), with meter history before each bill
   * @param maxBills the longest bill sequence on a 60-minute grid
   */
  public record Features(boolean tou, boolean touDemand, boolean demand, boolean ratchet, boolean netMetering,
      boolean priceSeries, boolean minimums, boolean riders, boolean taxes, boolean escalation, boolean versionChange,
      boolean demandResponse, int maxBills) {

    /** Everything the reference covers. */
    public static final Features ALL =
        new Features(true, true, true, true, true, true, true, true, true, true, true, true, 13);

    /**
     * What a two-version tariff may hold when its bill is compared with each version alone on its part: no bill-level
     * lines (minimums, taxes, net metering), no ratchet, flat demand only.
     */
    public static final Features PRORATION =
        new Features(true, false, true, false, false, true, false, true, false, true, false, false, 1);

    /**
     * The same features without one.
     *
     * @return a copy without net metering
     */
    public Features withoutNetMetering() {
      return new Features(tou, touDemand, demand, ratchet, false, priceSeries, minimums, riders, taxes, escalation,
          versionChange, demandResponse, maxBills);
    }

    /**
     * The same features with or without a version change.
     *
     * @param on whether a version may change inside a bill
     * @return the copy
     */
    public Features withVersionChange(boolean on) {
      return new Features(tou, touDemand, demand, ratchet, netMetering, priceSeries, minimums, riders, taxes,
          escalation, on, demandResponse, maxBills);
    }

    /**
     * The same features with another bill count limit.
     *
     * @param n the longest sequence
     * @return the copy
     */
    public Features withMaxBills(int n) {
      return new Features(tou, touDemand, demand, ratchet, netMetering, priceSeries, minimums, riders, taxes,
          escalation, versionChange, demandResponse, n);
    }
  }

  /** What the generators need to know about the bills. */
  record Ctx(ZoneId zone, IntervalLength length, LocalDate spanStart, LocalDate spanEnd, Features f) {
    boolean quarterHourProfiles() {
      return length.minutes() <= 15;
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Numbers

  /** A decimal {@code units × 10^-scale} with units in {@code [min, max]}: shrinks toward min. */
  static Arbitrary<BigDecimal> dec(int min, int max, int scale) {
    return Arbitraries.integers().between(min, max).map(i -> BigDecimal.valueOf(i, scale));
  }

  /** An energy rate 0.0000–0.5000 with at most 4 decimals. */
  static Arbitrary<BigDecimal> energyRate() {
    return dec(0, 5000, 4);
  }

  static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> a, int percentPresent) {
    return Arbitraries.frequencyOf(Tuple.of(100 - percentPresent, Arbitraries.just(Optional.<T>empty())),
        Tuple.of(percentPresent, a.map(Optional::of)));
  }

  static Arbitrary<Boolean> chance(int percent) {
    return Arbitraries.frequency(Tuple.of(100 - percent, false), Tuple.of(percent, true));
  }

  static <T> Arbitrary<List<T>> listOf(int n, java.util.function.IntFunction<Arbitrary<T>> item) {
    List<Arbitrary<T>> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(item.apply(i));
    }
    return Combinators.combine(items).as(l -> List.copyOf(l));
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Scenarios

  /**
   * Random scenarios: zone, grid, bill sequence, tariff, profile.
   *
   * @param f the constructs allowed
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> scenarios(Features f) {
    Arbitrary<IntervalLength> lengths = Arbitraries.frequency(Tuple.of(3, IntervalLength.SIXTY_MINUTES),
        Tuple.of(2, IntervalLength.FIFTEEN_MINUTES), Tuple.of(1, IntervalLength.FIVE_MINUTES));
    Arbitrary<ZoneId> zones = Arbitraries.frequency(Tuple.of(5, NEW_YORK), Tuple.of(5, LONDON), Tuple.of(1, UTC));
    Arbitrary<LocalDate> starts = Combinators.combine(Arbitraries.integers().between(2023, 2025),
        Arbitraries.integers().between(1, 12),
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(2, 28))))
        .as(LocalDate::of);
    return Combinators.combine(lengths, zones, starts).flatAs((len, zone, start) -> {
      // 5-minute grids rate up to 2 bills, 15-minute up to 4, hourly up to maxBills (cost ~ intervals rated)
      int maxBills = len == IntervalLength.SIXTY_MINUTES ? f.maxBills()
          : len == IntervalLength.FIFTEEN_MINUTES ? Math.min(4, f.maxBills()) : Math.min(2, f.maxBills());
      // the tariff is made for the longest sequence (price series, holidays, version change) and the bill count is
      // drawn last: jqwik shrinks the inner side of a flatMap first, so a failure first shrinks to fewer bills
      Ctx c = new Ctx(zone, len, start, start.plusMonths(maxBills), f);
      return tariffs(c).flatMap(t -> profiles(hasGeneration(t)).flatMap(p -> Combinators.combine(
          hasDemandResponse(t) ? Arbitraries.integers().between(0, 50) : Arbitraries.just(0),
          Arbitraries.integers().between(1, maxBills)).as((history, bills) ->
              new Scenario(t, len, start, bills, p, history))));
    });
  }

  /**
   * One bill split by a version change, for comparing it with each version rated alone on its part.
   *
   * @param tariff the two-version tariff
   * @param period the bill
   * @param change the first day of the second version, strictly inside the bill
   * @param length the interval length
   * @param profile the meter
   */
  public record SplitCase(Tariff tariff, BillingPeriod period, LocalDate change, IntervalLength length,
      Profile profile) {}

  /**
   * Bills of 10 to 50 days whose day count has no prime factor but 2 and 5, so every proration fraction
   * {@code part days / bill days} is a terminating decimal and a version scaled by it is exact; a version change on
   * a random day inside; versions drawn from {@link Features#PRORATION}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<SplitCase> splitCases() {
    Arbitrary<IntervalLength> lengths = Arbitraries.of(IntervalLength.SIXTY_MINUTES, IntervalLength.FIFTEEN_MINUTES,
        IntervalLength.FIVE_MINUTES);
    Arbitrary<ZoneId> zones = Arbitraries.of(NEW_YORK, LONDON);
    Arbitrary<LocalDate> starts = Combinators.combine(Arbitraries.integers().between(2023, 2025),
        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28)).as(LocalDate::of);
    Arbitrary<Integer> days = Arbitraries.of(10, 16, 20, 25, 32, 40, 50);
    return Combinators.combine(lengths, zones, starts, days).flatAs((len, zone, start, n) ->
        Arbitraries.integers().between(1, n - 1).flatMap(cut -> {
          LocalDate end = start.plusDays(n);
          LocalDate change = start.plusDays(cut);
          Ctx c = new Ctx(zone, len, start, end, Features.PRORATION);
          return Combinators.combine(Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.GBP),
              versions(c, LocalDate.of(2000, 1, 1), true), versions(c, change, true), profiles(false))
              .as((cur, v1, v2, p) -> new SplitCase(
                  tariff(c, cur, List.of(v1, TariffVersion.builder().from(v2).roundingMode(v1.roundingMode())
                      .conventions(v1.conventions()).build())),
                  BillingPeriod.of(start, end, zone), change, len, p));
        }));
  }

  static boolean hasDemandResponse(Tariff t) {
    return t.versions().stream().anyMatch(v -> !v.demandResponsePrograms().isEmpty());
  }

  static boolean hasGeneration(Tariff t) {
    return t.versions().stream().anyMatch(v -> v.netMetering().isPresent());
  }

  /**
   * Random profiles.
   *
   * @param generation whether the meter exports
   * @return the arbitrary
   */
  public static Arbitrary<Profile> profiles(boolean generation) {
    return Combinators.combine(Arbitraries.integers().between(0, 20_000), Arbitraries.integers(),
        Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 80),
        generation ? Arbitraries.integers().between(0, 25_000) : Arbitraries.just(0))
        .as(Profile::new);
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Tariffs

  static Arbitrary<Tariff> tariffs(Ctx c) {
    Arbitrary<CurrencyUnit> currencies = Arbitraries.frequency(Tuple.of(4, CurrencyUnit.USD),
        Tuple.of(4, CurrencyUnit.GBP), Tuple.of(1, CurrencyUnit.JPY));
    Arbitrary<Optional<LocalDate>> change = c.f().versionChange()
        ? maybe(Arbitraries.integers().between(1, (int) ChronoUnit.DAYS.between(c.spanStart(), c.spanEnd()) - 1)
            .map(d -> c.spanStart().plusDays(d)), 40)
        : Arbitraries.just(Optional.empty());
    return Combinators.combine(currencies, change).flatAs((cur, ch) -> {
      if (ch.isEmpty()) {
        return versions(c, LocalDate.of(2000, 1, 1), false).map(v -> tariff(c, cur, List.of(v)));
      }
      // two versions: no net metering across the change (see the reference's assumptions); the second version keeps
      // the first's rounding mode, taxes and conventions, so bill-level lines are unambiguous. Each has its own
      // ratchet or none: the bill's one billing demand is the last version's (RATING.md)
      return versions(c, LocalDate.of(2000, 1, 1), true).flatMap(v1 -> versions(c, ch.get(), true)
          .flatMap(v2 -> sharedConventions(v1, v2).map(conv -> splitTariff(c, cur, v1, v2, conv))));
    });
  }

  /**
   * The conventions both versions of a split tariff share: the first's, with kWh/kW tiers sized by billing demand
   * possible when either version has a ratchet (a first version without one may size its tiers by the last version's
   * billing demand).
   */
  static Arbitrary<RatingConventions> sharedConventions(TariffVersion v1, TariffVersion v2) {
    if (v1.ratchet().isPresent() || v2.ratchet().isEmpty()) {
      return Arbitraries.just(v1.conventions());
    }
    return perKwTierDemand(true).map(perKw -> v1.conventions().withPerKwTierDemand(perKw));
  }

  /** Two versions as one tariff: the second with the first's rounding mode and taxes, both with {@code conv}. */
  static Tariff splitTariff(Ctx c, CurrencyUnit cur, TariffVersion v1, TariffVersion v2, RatingConventions conv) {
    return tariff(c, cur, List.of(TariffVersion.builder().from(v1).conventions(conv).build(),
        TariffVersion.builder().from(v2).roundingMode(v1.roundingMode()).taxes(v1.taxes()).conventions(conv).build()));
  }

  static Tariff tariff(Ctx c, CurrencyUnit cur, List<TariffVersion> versions) {
    return Tariff.builder().id("T").name("random tariff").currency(cur).zone(c.zone()).versions(versions).build();
  }

  /** The settlement modes. */
  enum Nm { NONE, NET_METERING, NET_BILLING, BUY_ALL_SELL_ALL }

  static Arbitrary<TariffVersion> versions(Ctx c, LocalDate from, boolean split) {
    Features f = c.f();
    return versions(c, from, split, f.ratchet() && f.demand() ? maybe(ratchet(), 30)
        : Arbitraries.just(Optional.empty()));
  }

  static Arbitrary<TariffVersion> versions(Ctx c, LocalDate from, boolean split,
      Arbitrary<Optional<Ratchet>> ratchets) {
    Features f = c.f();
    Arbitrary<Nm> nms = f.netMetering() && !split
        ? Arbitraries.frequency(Tuple.of(4, Nm.NONE), Tuple.of(2, Nm.NET_METERING), Tuple.of(1, Nm.NET_BILLING),
            Tuple.of(1, Nm.BUY_ALL_SELL_ALL))
        : Arbitraries.just(Nm.NONE);
    return Combinators.combine(nms, ratchets).flatAs((nm, ratchet) -> energyCharges(c, nm)
        .flatMap(energy -> demandCharges(c, ratchet.isPresent())
            .flatMap(demand -> netMetering(c, nm, energy)
                .flatMap(rule -> Combinators.combine(fixedCharges(), minimum(f), roundingModes(), escalation(f),
                        perKwTierDemand(ratchet.isPresent()))
                    .flatAs((fixed, min, rm, esc, perKw) -> {
                      List<String> priced = new ArrayList<>();
                      fixed.forEach(x -> priced.add(x.id()));
                      energy.forEach(x -> priced.add(x.id()));
                      demand.forEach(x -> priced.add(x.id()));
                      return riders(f, priced).flatMap(riders -> {
                        List<String> all = new ArrayList<>(priced);
                        min.ifPresent(m -> all.add(m.id()));
                        riders.forEach(r -> all.add(r.id()));
                        // across a version change taxes apply to every line, so both versions can share them
                        return Combinators.combine(taxes(f, split ? List.of() : all), drPrograms(f), drSeeds(),
                                bankConventions(nm), ratchetVariants())
                            .as((taxes, drCount, drSeed, bank, rv) -> {
                          List<DemandResponseProgram> dr = demandResponse(c, drCount, drSeed);
                          RatingConventions.Builder conv = RatingConventions.builder().perKwTierDemand(perKw);
                          esc.ifPresent(conv::escalation);
                          bank.applyTo(conv);
                          return TariffVersion.builder().effectiveFrom(from).fixedCharges(fixed)
                              .energyCharges(energy).demandCharges(demand)
                              .ratchet(ratchet.map(r -> rv.apply(r, demand))).netMetering(rule)
                              .minimumCharge(min).riders(riders).taxes(taxes).roundingMode(rm)
                              .conventions(conv.build()).demandResponsePrograms(dr).build();
                        });
                      });
                    })))));
  }

  static Arbitrary<RoundingMode> roundingModes() {
    return Arbitraries.frequency(Tuple.of(6, RoundingMode.HALF_UP), Tuple.of(1, RoundingMode.HALF_EVEN),
        Tuple.of(1, RoundingMode.HALF_DOWN), Tuple.of(1, RoundingMode.DOWN), Tuple.of(1, RoundingMode.UP),
        Tuple.of(1, RoundingMode.CEILING), Tuple.of(1, RoundingMode.FLOOR));
  }

  static Arbitrary<Optional<Escalation>> escalation(Features f) {
    if (!f.escalation()) {
      return Arbitraries.just(Optional.empty());
    }
    return maybe(Combinators.combine(Arbitraries.integers().between(2021, 2025), dec(1000, 1100, 3))
        .as(Escalation::of), 15);
  }

  static Arbitrary<DemandBasis> perKwTierDemand(boolean ratchet) {
    return ratchet ? Arbitraries.of(DemandBasis.PEAK, DemandBasis.BILLING_DEMAND) : Arbitraries.just(DemandBasis.PEAK);
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Schedules

  /** A random TOU schedule, either a URDB month-by-hour matrix or seasons with day profiles. */
  static Arbitrary<TouSchedule> schedule(Ctx c) {
    return Arbitraries.integers().between(1, 3).flatMap(np -> Arbitraries.oneOf(matrixSchedule(c, np),
        seasonSchedule(c, np)));
  }

  static List<String> names(int np) {
    List<String> n = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      n.add(List.of("off-peak", "shoulder", "peak").get(p));
    }
    return n;
  }

  static Arbitrary<List<Integer>> row(int np, int slots) {
    return Arbitraries.integers().between(0, np - 1).list().ofSize(slots);
  }

  static Arbitrary<TouSchedule> matrixSchedule(Ctx c, int np) {
    return Combinators.combine(row(np, 24).list().ofSize(4), Arbitraries.integers().between(0, 1).list().ofSize(12),
        Arbitraries.integers().between(0, 1).list().ofSize(12), calendar(c))
        .as((rows, wd, we, cal) -> {
          int[][] weekday = new int[12][];
          int[][] weekend = new int[12][];
          for (int m = 0; m < 12; m++) {
            weekday[m] = rows.get(wd.get(m)).stream().mapToInt(Integer::intValue).toArray();
            weekend[m] = rows.get(2 + we.get(m)).stream().mapToInt(Integer::intValue).toArray();
          }
          return TouSchedule.fromMonthHourMatrices("matrix", names(np), weekday, weekend, cal);
        });
  }

  static Arbitrary<TouSchedule> seasonSchedule(Ctx c, int np) {
    Arbitrary<MonthDay> bounds = Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.of(1, 15))
        .as(MonthDay::of);
    Arbitrary<Integer> slots = c.quarterHourProfiles() ? Arbitraries.of(24, 96) : Arbitraries.just(24);
    return Combinators.combine(bounds, bounds, slots, calendar(c)).flatAs((b1, b2, n, cal) -> {
      List<Season> seasons = new ArrayList<>();
      if (b1.equals(b2)) {
        seasons.add(Season.allYear());
      } else {
        seasons.add(Season.of("summer", b1, dayBefore(b2)));
        seasons.add(Season.of("winter", b2, dayBefore(b1)));
      }
      List<Arbitrary<List<DayProfile>>> perSeason = new ArrayList<>();
      for (Season s : seasons) {
        perSeason.add(Combinators.combine(row(np, n), row(np, n), maybe(row(np, n), 40)).as((wd, we, hol) -> {
          List<DayProfile> ps = new ArrayList<>();
          ps.add(DayProfile.of(s.name(), DayType.WEEKDAY, wd));
          ps.add(DayProfile.of(s.name(), DayType.WEEKEND, we));
          hol.ifPresent(h -> ps.add(DayProfile.of(s.name(), DayType.HOLIDAY, h)));
          return ps;
        }));
      }
      return Combinators.combine(perSeason).as(lists -> {
        TouSchedule.Builder b = TouSchedule.builder().name("seasons").periodNames(names(np)).seasons(seasons)
            .calendar(cal);
        lists.forEach(b::addAllProfiles);
        return b.build();
      });
    });
  }

  static MonthDay dayBefore(MonthDay md) {
    return MonthDay.from(LocalDate.of(2024, md.getMonth(), md.getDayOfMonth()).minusDays(1));
  }

  /** Weekend days and holidays: none, NERC, explicit dates inside the scenario, or both. */
  static Arbitrary<DayCalendar> calendar(Ctx c) {
    int spanDays = (int) ChronoUnit.DAYS.between(c.spanStart(), c.spanEnd());
    Arbitrary<Set<DayOfWeek>> weekends = Arbitraries.frequency(
        Tuple.of(6, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
        Tuple.of(1, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)), Tuple.of(1, EnumSet.of(DayOfWeek.SUNDAY)));
    Arbitrary<List<Integer>> dates = Arbitraries.integers().between(0, spanDays - 1).list().ofMaxSize(5);
    return Combinators.combine(weekends, dates, Arbitraries.of(false, true)).as((we, ds, nerc) -> {
      HolidayCalendar.Builder h = HolidayCalendar.builder().name("random");
      for (int d : ds) {
        h.addDates(c.spanStart().plusDays(d));
      }
      if (nerc) {
        h.addAllRules(HolidayCalendar.nerc().rules());
      }
      return DayCalendar.of(we, h.build());
    });
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Energy

  static Arbitrary<List<EnergyCharge>> energyCharges(Ctx c, Nm nm) {
    if (nm == Nm.NET_METERING) {
      // one shared netting schedule (or none) for every energy charge
      Arbitrary<Optional<TouSchedule>> shared = c.f().tou() ? maybe(schedule(c), 60)
          : Arbitraries.just(Optional.empty());
      return shared.flatMap(s -> Arbitraries.integers().between(1, 2).flatMap(n ->
          listOf(n, i -> anyEnergyCharge(c, "en" + i, Arbitraries.just(s), false, false))));
    }
    Arbitrary<Optional<TouSchedule>> own = c.f().tou() ? maybe(schedule(c), 60) : Arbitraries.just(Optional.empty());
    return Arbitraries.integers().between(nm == Nm.NONE ? 0 : 1, 2).flatMap(n ->
        listOf(n, i -> anyEnergyCharge(c, "en" + i, own, true, c.f().priceSeries())));
  }

  static Arbitrary<EnergyCharge> energyCharge(Ctx c, String id, Arbitrary<Optional<TouSchedule>> schedules,
      boolean chronological, boolean priceSeries) {
    return energyCharge(c, id, schedules, chronological, priceSeries, Arbitraries.frequency(Tuple.of(5, TierUnit.KWH),
        Tuple.of(2, TierUnit.KWH_PER_DAY), Tuple.of(c.f().demand() ? 1 : 0, TierUnit.KWH_PER_KW),
        Tuple.of(c.f().demand() ? 1 : 0, TierUnit.KWH_PER_KW_PER_DAY)));
  }

  static Arbitrary<EnergyCharge> energyCharge(Ctx c, String id, Arbitrary<Optional<TouSchedule>> schedules,
      boolean chronological, boolean priceSeries, Arbitrary<TierUnit> units) {
    Arbitrary<TierCounter> counters = Arbitraries.of(TierCounter.PER_PERIOD, TierCounter.ALL_PERIODS);
    Arbitrary<TierAllocation> allocations = chronological
        ? Arbitraries.of(TierAllocation.CHRONOLOGICAL, TierAllocation.PROPORTIONAL)
        : Arbitraries.just(TierAllocation.PROPORTIONAL);
    Arbitrary<Optional<PriceSeries>> series = priceSeries ? maybe(priceSeries(c), 15)
        : Arbitraries.just(Optional.empty());
    return Combinators.combine(schedules, units, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false),
        Arbitraries.of(TierMode.BLOCK, TierMode.VOLUME), counters, allocations, series)
        .flatAs((sch, unit, tiers, lastBounded, mode, counter, allocation, ps) -> {
          int np = sch.map(s -> s.periodNames().size()).orElse(1);
          boolean uniform = counter == TierCounter.ALL_PERIODS;
          return Combinators.combine(bounds(unit, lastBounded ? tiers : tiers - 1).list().ofSize(np),
                  energyRate().list().ofSize(tiers).list().ofSize(np), dec(0, 3000, 4).list().ofSize(tiers))
              .as((bs, rates, sells) -> {
                EnergyCharge.Builder b = EnergyCharge.builder().id(id).description("Energy " + id).schedule(sch)
                    .mode(mode).counter(counter).allocation(allocation).priceSeries(ps);
                for (int p = 0; p < np; p++) {
                  List<BigDecimal> bound = bs.get(uniform ? 0 : p);
                  List<Tier> ts = new ArrayList<>();
                  for (int k = 0; k < tiers; k++) {
                    Tier.Builder t = Tier.builder().rate(rates.get(p).get(k)).unit(unit).sellRate(sells.get(k));
                    if (k < bound.size()) {
                      t.upTo(bound.get(k));
                    }
                    ts.add(t.build());
                  }
                  b.addPeriod(PeriodTiers.of(p, ts));
                }
                return b.build();
              });
        });
  }

  /**
   * An energy charge: mostly one tier unit per period ({@link #energyCharge}), sometimes mixed units or nested
   * hours-use blocks ({@link #mixedUnitCharge}); now and then a period of its schedule is left unpriced.
   */
  static Arbitrary<EnergyCharge> anyEnergyCharge(Ctx c, String id, Arbitrary<Optional<TouSchedule>> schedules,
      boolean chronological, boolean priceSeries) {
    Arbitrary<EnergyCharge> charges = c.f().demand()
        ? Arbitraries.frequencyOf(Tuple.of(7, energyCharge(c, id, schedules, chronological, priceSeries)),
            Tuple.of(2, mixedUnitCharge(id, schedules, chronological)))
        : energyCharge(c, id, schedules, chronological, priceSeries);
    return charges.flatMap(e -> e.periods().size() < 2 ? Arbitraries.just(e)
        : Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(e)), Tuple.of(1,
            Arbitraries.integers().between(0, e.periods().size() - 1).map(k -> {
              List<PeriodTiers> kept = new ArrayList<>(e.periods());
              kept.remove((int) k);
              return EnergyCharge.builder().from(e).periods(kept).build();
            }))));
  }

  /**
   * An energy charge whose tiers mix units, the same in every period (rates differ): mostly nested hours-use blocks
   * (a kWh/kW tier, kWh tiers splitting its block, maybe more kWh/kW blocks and kWh tiers inside them), sometimes
   * units mixed after a kWh tier (each bound scaled by its own unit).
   */
  static Arbitrary<EnergyCharge> mixedUnitCharge(String id, Arbitrary<Optional<TouSchedule>> schedules,
      boolean chronological) {
    Arbitrary<TierCounter> counters = Arbitraries.of(TierCounter.PER_PERIOD, TierCounter.ALL_PERIODS);
    Arbitrary<TierAllocation> allocations = chronological
        ? Arbitraries.of(TierAllocation.CHRONOLOGICAL, TierAllocation.PROPORTIONAL)
        : Arbitraries.just(TierAllocation.PROPORTIONAL);
    Arbitrary<List<Tier>> shapes = Arbitraries.frequencyOf(Tuple.of(4, nestedShape()), Tuple.of(1, mixedShape()));
    return Combinators.combine(schedules, shapes, Arbitraries.of(TierMode.BLOCK, TierMode.VOLUME), counters,
        allocations).flatAs((sch, shape, mode, counter, allocation) -> {
          int np = sch.map(x -> x.periodNames().size()).orElse(1);
          return Combinators.combine(energyRate().list().ofSize(shape.size()).list().ofSize(np),
              dec(0, 3000, 4).list().ofSize(shape.size())).as((rates, sells) -> {
                EnergyCharge.Builder b = EnergyCharge.builder().id(id).description("Hours-use blocks " + id)
                    .schedule(sch).mode(mode).counter(counter).allocation(allocation);
                for (int p = 0; p < np; p++) {
                  List<Tier> ts = new ArrayList<>();
                  for (int k = 0; k < shape.size(); k++) {
                    ts.add(Tier.builder().from(shape.get(k)).rate(rates.get(p).get(k)).sellRate(sells.get(k)).build());
                  }
                  b.addPeriod(PeriodTiers.of(p, ts));
                }
                return b.build();
              });
        });
  }

  /**
   * Nested hours-use blocks: a kWh/kW tier, 1 to 3 kWh tiers, then maybe a second kWh/kW tier with 0 to 2 kWh tiers
   * after it, then maybe a third kWh/kW tier; the last tier unbounded or not. (Rates are zero here.)
   */
  static Arbitrary<List<Tier>> nestedShape() {
    return Combinators.combine(Arbitraries.frequency(Tuple.of(3, TierUnit.KWH_PER_KW),
            Tuple.of(1, TierUnit.KWH_PER_KW_PER_DAY)), Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), chance(50),
        Arbitraries.integers().between(1, 1000).list().ofSize(8))
        .as((unit, m1, blocks, m2, open, steps) -> {
          boolean daily = unit == TierUnit.KWH_PER_KW_PER_DAY;
          List<Tier> ts = new ArrayList<>();
          BigDecimal hours = daily ? BigDecimal.valueOf(10 + steps.get(0) % 120, 1)
              : BigDecimal.valueOf(200 + steps.get(0) * 3, 1);
          long kwh = 0;
          ts.add(Tier.builder().rate(BigDecimal.ZERO).unit(unit).upTo(hours).build());
          for (int j = 0; j < m1; j++) {
            kwh += 50 + steps.get(1 + j) * 4L;
            ts.add(Tier.builder().rate(BigDecimal.ZERO).upTo(BigDecimal.valueOf(kwh)).build());
          }
          for (int k = 0; k < blocks; k++) {
            hours = hours.add(daily ? BigDecimal.valueOf(5 + steps.get(4 + k) % 60, 1)
                : BigDecimal.valueOf(100 + steps.get(4 + k) * 2, 1));
            ts.add(Tier.builder().rate(BigDecimal.ZERO).unit(unit).upTo(hours).build());
            for (int j = 0; k == 0 && j < m2; j++) {
              kwh += 500 + steps.get(6 + j) * 8L;
              ts.add(Tier.builder().rate(BigDecimal.ZERO).upTo(BigDecimal.valueOf(kwh)).build());
            }
          }
          if (open) {
            Tier lastTier = ts.remove(ts.size() - 1);
            ts.add(Tier.builder().from(lastTier).upTo(Optional.empty()).build());
          }
          return ts;
        });
  }

  /** Two or three tiers of mixed units after a kWh (or kWh per day) tier, each bound in its own unit's scale. */
  static Arbitrary<List<Tier>> mixedShape() {
    Arbitrary<TierUnit> any = Arbitraries.of(TierUnit.KWH, TierUnit.KWH_PER_DAY, TierUnit.KWH_PER_KW,
        TierUnit.KWH_PER_KW_PER_DAY);
    return Combinators.combine(Arbitraries.of(TierUnit.KWH, TierUnit.KWH_PER_DAY), any.list().ofMinSize(1)
        .ofMaxSize(2), Arbitraries.integers().between(1, 1000).list().ofSize(3), chance(50))
        .as((first, more, steps, open) -> {
          List<TierUnit> units = new ArrayList<>();
          units.add(first);
          units.addAll(more);
          List<Tier> ts = new ArrayList<>();
          for (int k = 0; k < units.size(); k++) {
            TierUnit u = units.get(k);
            int step = steps.get(k);
            BigDecimal bound;
            switch (u) {
              case KWH:
                bound = BigDecimal.valueOf(100 + k * 3000L + step * 3L);
                break;
              case KWH_PER_DAY:
                bound = BigDecimal.valueOf(5 + k * 20L + step % 20);
                break;
              case KWH_PER_KW:
                bound = BigDecimal.valueOf(30 + k * 150L + step % 150);
                break;
              default:
                bound = BigDecimal.valueOf(10 + k * 50L + step % 50, 1);
            }
            boolean last = k == units.size() - 1;
            Tier.Builder t = Tier.builder().rate(BigDecimal.ZERO).unit(u);
            if (!(last && open)) {
              t.upTo(bound);
            }
            ts.add(t.build());
          }
          return ts;
        });
  }

  /** Strictly increasing positive bounds in a unit, as cumulative sums of random steps. */
  static Arbitrary<List<BigDecimal>> bounds(TierUnit unit, int n) {
    int max;
    switch (unit) {
      case KWH:
        max = 15_000;
        break;
      case KWH_PER_DAY:
        max = 400;
        break;
      case KWH_PER_KW:
        max = 2_000;
        break;
      case KWH_PER_KW_PER_DAY:
        max = 100;
        break;
      default:
        max = 600; // kW
    }
    return dec(1, max, 1).list().ofSize(n).map(steps -> {
      List<BigDecimal> out = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (BigDecimal s : steps) {
        sum = sum.add(s);
        out.add(sum);
      }
      return out;
    });
  }

  /** Prices per interval over the whole scenario (on the meter grid or hourly), small negative prices included. */
  static Arbitrary<PriceSeries> priceSeries(Ctx c) {
    Arbitrary<IntervalLength> lengths = Arbitraries.of(c.length(), IntervalLength.SIXTY_MINUTES);
    return Combinators.combine(lengths, dec(-500, 3000, 0), Arbitraries.integers().between(0, 3000),
        Arbitraries.integers()).as((len, base, amp, seed) -> {
          IntervalGrid g = IntervalGrid.between(c.spanStart().atStartOfDay(c.zone()).toInstant(),
              c.spanEnd().atStartOfDay(c.zone()).toInstant(), len);
          List<BigDecimal> prices = new ArrayList<>(g.count());
          for (int i = 0; i < g.count(); i++) {
            int noise = amp == 0 ? 0 : new SplittableRandom(seed * 31L + i).nextInt(amp + 1);
            prices.add(BigDecimal.valueOf(base.intValueExact() + noise, 4));
          }
          return PriceSeries.builder().start(g.start()).intervalLength(len).prices(prices).build();
        });
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Demand

  /**
   * How a drawn ratchet is varied once the version's demand charges are known: its reference made SAM's, and its
   * demand periods a subset of a TOU demand charge's periods (bit k of {@code periodMask} = period k), that charge
   * named or left to the default (the first demand charge with a schedule).
   *
   * @param sam whether the reference becomes SAM_BILLING_DEMAND
   * @param periodMask the demand periods, 0 for none
   * @param named whether the ratchet names its demand charge
   * @param charge which TOU demand charge the periods are of (index among those with a schedule)
   */
  record RatchetVariant(boolean sam, int periodMask, boolean named, int charge) {

    Ratchet apply(Ratchet r, List<DemandCharge> demand) {
      Ratchet.Builder b = Ratchet.builder().from(r);
      if (sam) {
        b.reference(RatchetReference.SAM_BILLING_DEMAND);
      }
      List<DemandCharge> tou = demand.stream().filter(d -> d.schedule().isPresent()).toList();
      if (periodMask != 0 && !tou.isEmpty()) {
        DemandCharge d = named ? tou.get(charge % tou.size()) : tou.get(0);
        int np = d.schedule().get().periodNames().size();
        Set<Integer> periods = new TreeSet<>();
        for (int p = 0; p < np; p++) {
          if ((periodMask >> p & 1) == 1) {
            periods.add(p);
          }
        }
        if (!periods.isEmpty()) {
          b.demandPeriods(periods);
          // unnamed: periods of the first TOU charge, the default; a charge the drawn ratchet named must not stay
          b.demandCharge(named ? Optional.of(d.id()) : Optional.empty());
        }
      }
      return b.build();
    }
  }

  static Arbitrary<RatchetVariant> ratchetVariants() {
    return Combinators.combine(chance(35), Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(2, 1), Tuple.of(2, 2),
            Tuple.of(1, 3), Tuple.of(1, 5), Tuple.of(1, 6), Tuple.of(1, 7)), chance(50),
            Arbitraries.integers().between(0, 1))
        .as(RatchetVariant::new);
  }

  static Arbitrary<Ratchet> ratchet() {
    return Combinators.combine(Arbitraries.integers().between(0, 120).list().ofSize(12),
        chance(85).list().ofSize(12), Arbitraries.integers().between(0, 12), dec(0, 100, 1),
        Arbitraries.of(RatchetReference.BILLED_DEMAND, RatchetReference.PEAK_DEMAND))
        .as((pct, inc, look, min, ref) -> {
          Ratchet.Builder b = Ratchet.builder().lookbackMonths(look).minimumKw(min).reference(ref)
              .includeCurrentPeakByMonth(inc);
          pct.forEach(p -> b.addPercentByMonth(BigDecimal.valueOf(p)));
          return b.build();
        });
  }

  static Arbitrary<List<DemandCharge>> demandCharges(Ctx c, boolean ratchet) {
    if (!c.f().demand()) {
      return Arbitraries.just(List.of());
    }
    return Arbitraries.integers().between(0, 2).flatMap(n -> listOf(n, i -> demandCharge(c, "dem" + i, ratchet)));
  }

  static Arbitrary<DemandCharge> demandCharge(Ctx c, String id, boolean ratchet) {
    Arbitrary<DemandBasis> basis = ratchet ? Arbitraries.of(DemandBasis.PEAK, DemandBasis.BILLING_DEMAND)
        : Arbitraries.just(DemandBasis.PEAK);
    return Combinators.combine(basis, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false),
        Arbitraries.of(TierMode.BLOCK, TierMode.VOLUME)).flatAs((b, tiers, lastBounded, mode) -> {
          // a TOU period in which no interval of the bill falls bills nothing, whatever the basis (RATING.md)
          Arbitrary<Optional<TouSchedule>> sch = c.f().touDemand()
              ? maybe(schedule(c), b == DemandBasis.PEAK ? 40 : 30) : Arbitraries.just(Optional.empty());
          return sch.flatMap(s -> {
            int np = s.map(x -> x.periodNames().size()).orElse(1);
            return Combinators.combine(bounds(TierUnit.KW, lastBounded ? tiers : tiers - 1).list().ofSize(np),
                dec(0, 250_000, 4).list().ofSize(tiers).list().ofSize(np)).as((bs, rates) -> {
                  DemandCharge.Builder d = DemandCharge.builder().id(id).description("Demand " + id).schedule(s)
                      .basis(b).mode(mode);
                  for (int p = 0; p < np; p++) {
                    List<Tier> ts = new ArrayList<>();
                    for (int k = 0; k < tiers; k++) {
                      Tier.Builder t = Tier.builder().rate(rates.get(p).get(k)).unit(TierUnit.KW);
                      if (k < bs.get(p).size()) {
                        t.upTo(bs.get(p).get(k));
                      }
                      ts.add(t.build());
                    }
                    d.addPeriod(PeriodTiers.of(p, ts));
                  }
                  return d.build();
                });
          });
        });
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Net metering

  /**
   * How a kWh bank moves between bills and what its true-up pays (RatingConventions); defaults outside net metering.
   *
   * @param transfer the bank transfer
   * @param hours the SAME_HOURS transfer hours
   * @param basis the true-up basis
   */
  record BankConventions(KwhBankTransfer transfer, List<Integer> hours, TrueUpBasis basis) {

    void applyTo(RatingConventions.Builder b) {
      b.kwhBankTransfer(transfer).bankTransferHours(hours).trueUpBasis(basis);
    }
  }

  static Arbitrary<BankConventions> bankConventions(Nm nm) {
    if (nm != Nm.NET_METERING) {
      return Arbitraries.just(new BankConventions(KwhBankTransfer.SAME_PERIOD, List.of(0, 5, 11, 17),
          TrueUpBasis.BANK_BALANCE));
    }
    Arbitrary<List<Integer>> hours = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.of(0, 5, 11, 17))),
        Tuple.of(1, Arbitraries.integers().between(0, 23).list().uniqueElements().ofMinSize(1).ofMaxSize(4)));
    return Combinators.combine(Arbitraries.of(KwhBankTransfer.class), hours, Arbitraries.of(TrueUpBasis.class))
        .as(BankConventions::new);
  }

  static Arbitrary<Optional<NetMeteringRule>> netMetering(Ctx c, Nm nm, List<EnergyCharge> energy) {
    if (nm == Nm.NONE) {
      return Arbitraries.just(Optional.empty());
    }
    Arbitrary<Optional<Month>> trueUp = maybe(Arbitraries.of(Month.class), 60);
    Arbitrary<Optional<BigDecimal>> surplus = maybe(dec(0, 1000, 4), 80);
    Arbitrary<TrueUpSettlement> settlement = Arbitraries.frequency(Tuple.of(3, TrueUpSettlement.PAY),
        Tuple.of(2, TrueUpSettlement.FORFEIT), Tuple.of(2, TrueUpSettlement.ROLL_OVER),
        Tuple.of(1, TrueUpSettlement.PAY_AND_ROLL_OVER));
    Arbitrary<Boolean> sameBill = chance(75);
    if (nm == Nm.NET_METERING) {
      Arbitrary<CreditCarry> carry = Arbitraries.frequency(Tuple.of(2, CreditCarry.KWH), Tuple.of(1, CreditCarry.MONEY),
          Tuple.of(1, CreditCarry.NONE));
      return Combinators.combine(carry, maybe(netMeteringExportRate(c, energy), 80), trueUp, surplus, settlement,
          sameBill).as((cr, er, tu, sr, st, sb) -> Optional.of(NetMeteringRule.builder()
              .mode(NetMeteringMode.NET_METERING).carry(cr).exportRate(er).trueUpMonth(tu).surplusRate(sr)
              .trueUpSettlement(st).creditsOffsetSameBill(sb).build()));
    }
    Arbitrary<CreditCarry> carry = nm == Nm.NET_BILLING ? Arbitraries.of(CreditCarry.NONE, CreditCarry.MONEY)
        : Arbitraries.just(CreditCarry.NONE);
    NetMeteringMode mode = nm == Nm.NET_BILLING ? NetMeteringMode.NET_BILLING : NetMeteringMode.BUY_ALL_SELL_ALL;
    return Combinators.combine(carry, exportRate(c, energy), trueUp, settlement, sameBill)
        .as((cr, er, tu, st, sb) -> Optional.of(NetMeteringRule.builder().mode(mode).carry(cr).exportRate(er)
            .trueUpMonth(tu).trueUpSettlement(st).creditsOffsetSameBill(sb).build()));
  }

  static Arbitrary<ExportRate> exportRate(Ctx c, List<EnergyCharge> energy) {
    boolean tierSell = !energy.isEmpty(); // every counter and mode (RATING.md: "filled like its import counter")
    Arbitrary<ExportRate> flat = dec(0, 3000, 4).map(ExportRate::flat);
    Arbitrary<ExportRate> perPeriod = c.f().tou() ? schedule(c).flatMap(s ->
        dec(0, 3000, 4).list().ofSize(s.periodNames().size()).map(r -> ExportRate.perPeriod(s, r))) : flat;
    Arbitrary<ExportRate> series = c.f().priceSeries() ? priceSeries(c).map(ExportRate::timeSeries) : flat;
    return Arbitraries.frequencyOf(Tuple.of(3, flat), Tuple.of(2, perPeriod), Tuple.of(1, series),
        Tuple.of(tierSell ? 2 : 0, Arbitraries.just(ExportRate.tierSellRates())));
  }

  /**
   * What a net-metering surplus is valued at when it is not banked in kWh: FLAT; PER_PERIOD, mostly on the netting
   * schedule (its rates are read at the netting period's index); the first energy charge's tier sell rates.
   */
  static Arbitrary<ExportRate> netMeteringExportRate(Ctx c, List<EnergyCharge> energy) {
    Arbitrary<ExportRate> flat = dec(0, 3000, 4).map(ExportRate::flat);
    Optional<TouSchedule> netting = energy.isEmpty() ? Optional.empty() : energy.get(0).schedule();
    Arbitrary<TouSchedule> schedules = netting.isPresent()
        ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(netting.get())), Tuple.of(1, schedule(c)))
        : c.f().tou() ? schedule(c) : Arbitraries.just(TouSchedule.allHours());
    Arbitrary<ExportRate> perPeriod = schedules.flatMap(s -> dec(0, 3000, 4).list().ofSize(s.periodNames().size())
        .map(r -> ExportRate.perPeriod(s, r)));
    return Arbitraries.frequencyOf(Tuple.of(3, flat), Tuple.of(2, perPeriod),
        Tuple.of(energy.isEmpty() ? 0 : 2, Arbitraries.just(ExportRate.tierSellRates())));
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Demand response

  /**
   * Scenarios of up to three bills whose every version has one or two demand-response programs (and meter history
   * before each bill): the other constructs as in {@link #scenarios(Features)}, so credits meet minimums, taxes, banks
   * and version changes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> demandResponseScenarios() {
    return scenarios(Features.ALL.withMaxBills(3)).flatMap(s -> Combinators.combine(Arbitraries.integers()
        .between(1, 2), drSeeds(), Arbitraries.integers().between(0, 50)).as((n, seed, history) -> {
          Ctx c = new Ctx(s.zone(), s.length(), s.firstStart(), s.firstStart().plusMonths(s.bills()), Features.ALL);
          List<TariffVersion> versions = new ArrayList<>();
          for (int i = 0; i < s.tariff().versions().size(); i++) {
            versions.add(TariffVersion.builder().from(s.tariff().versions().get(i))
                .demandResponsePrograms(demandResponse(c, n, seed + i)).build());
          }
          Tariff t = Tariff.builder().from(s.tariff()).versions(versions).build();
          return new Scenario(t, s.length(), s.firstStart(), s.bills(), s.profile(), history);
        }));
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Banks, true-ups and ratchets (focused)

  /**
   * Scenarios of two or more bills whose single version settles exports with a bank (net metering with a kWh or money
   * bank or none, net billing with a money bank) and has its true-up month inside the sequence: every settlement
   * (PAY, FORFEIT, ROLL_OVER, PAY_AND_ROLL_OVER), both kWh bank transfers and both true-up bases, on the tariffs and
   * meters of {@link #scenarios(Features)}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> bankScenarios() {
    return scenarios(Features.ALL).filter(s -> s.bills() > 1 && s.tariff().versions().size() == 1
        && s.tariff().versions().get(0).netMetering().map(r -> r.mode() != NetMeteringMode.BUY_ALL_SELL_ALL)
            .orElse(false))
        .flatMap(s -> {
          TariffVersion v = s.tariff().versions().get(0);
          NetMeteringRule r = v.netMetering().orElseThrow();
          Arbitrary<CreditCarry> carries = r.mode() == NetMeteringMode.NET_METERING
              ? Arbitraries.frequency(Tuple.of(3, CreditCarry.KWH), Tuple.of(1, CreditCarry.MONEY),
                  Tuple.of(1, CreditCarry.NONE))
              : Arbitraries.just(CreditCarry.MONEY);
          return Combinators.combine(carries, Arbitraries.integers().between(0, s.bills() - 1),
              Arbitraries.of(TrueUpSettlement.class), maybe(dec(0, 1000, 4), 85), bankConventions(Nm.NET_METERING))
              .as((carry, k, settlement, surplusRate, bank) -> {
                // the true-up falls on bill k: the month of its last day
                Month m = s.firstStart().plusMonths(k + 1L).minusDays(1).getMonth();
                NetMeteringRule rule = NetMeteringRule.builder().from(r).carry(carry).trueUpMonth(m)
                    .trueUpSettlement(settlement).surplusRate(surplusRate).build();
                RatingConventions.Builder conv = RatingConventions.builder().from(v.conventions());
                bank.applyTo(conv);
                TariffVersion v2 = TariffVersion.builder().from(v).netMetering(rule).conventions(conv.build()).build();
                return new Scenario(Tariff.builder().from(s.tariff()).versions(List.of(v2)).build(), s.length(),
                    s.firstStart(), s.bills(), s.profile(), s.historyDays());
              });
        });
  }

  /**
   * Scenarios of 2 to 13 monthly bills on an hourly (or 15-minute) grid whose tariff nets with a kWh bank moved by
   * SAME_HOURS on a month-by-hour schedule that changes from month to month (so the bank often changes period, or is
   * lost when its period covers none of the transfer hours): one energy charge of 2 or 3 periods, random transfer
   * hours, either true-up basis and settlement, meters with generation.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> sameHoursScenarios() {
    Arbitrary<IntervalLength> lengths = Arbitraries.frequency(Tuple.of(3, IntervalLength.SIXTY_MINUTES),
        Tuple.of(1, IntervalLength.FIFTEEN_MINUTES));
    Arbitrary<ZoneId> zones = Arbitraries.of(NEW_YORK, LONDON, UTC);
    Arbitrary<LocalDate> starts = Combinators.combine(Arbitraries.integers().between(2023, 2025),
        Arbitraries.integers().between(1, 12)).as((y, m) -> LocalDate.of(y, m, 1));
    return Combinators.combine(lengths, zones, starts, Arbitraries.integers().between(2, 3)).flatAs((len, zone, start,
        np) -> {
          int maxBills = len == IntervalLength.SIXTY_MINUTES ? 13 : 3;
          Ctx c = new Ctx(zone, len, start, start.plusMonths(maxBills), Features.ALL);
          Arbitrary<EnergyCharge> energy = matrixSchedule(c, np).flatMap(sch -> energyCharge(c, "en0",
              Arbitraries.just(Optional.of(sch)), false, false));
          Arbitrary<NetMeteringRule> rules = Combinators.combine(maybe(Arbitraries.of(Month.class), 60),
              maybe(dec(0, 1000, 4), 85), Arbitraries.of(TrueUpSettlement.class))
              .as((tu, sr, st) -> NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH)
                  .trueUpMonth(tu).surplusRate(sr).trueUpSettlement(st).build());
          Arbitrary<List<Integer>> hours = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of(0, 5, 11, 17))),
              Tuple.of(2, Arbitraries.integers().between(0, 23).list().uniqueElements().ofMinSize(1).ofMaxSize(4)));
          return Combinators.combine(energy, rules, hours, Arbitraries.of(TrueUpBasis.class), profiles(true),
              Arbitraries.integers().between(2, maxBills)).as((e, rule, hs, basis, profile, bills) -> {
                TariffVersion v = TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1)).addEnergyCharge(e)
                    .netMetering(rule).conventions(RatingConventions.builder()
                        .kwhBankTransfer(KwhBankTransfer.SAME_HOURS).bankTransferHours(hs).trueUpBasis(basis).build())
                    .build();
                return new Scenario(tariff(c, CurrencyUnit.USD, List.of(v)), len, start, bills, profile);
              });
        });
  }

  /**
   * Scenarios whose single version has a ratchet and demand charges: the reference mostly SAM_BILLING_DEMAND, demand
   * periods of a TOU demand charge often, kWh/kW tiers sized by billing demand half the time, and often a prior-year
   * history of monthly peaks with gaps (as SAM's importer gives it).
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> ratchetScenarios() {
    return scenarios(Features.ALL).filter(s -> s.tariff().versions().size() == 1
        && s.tariff().versions().get(0).ratchet().isPresent()
        && !s.tariff().versions().get(0).demandCharges().isEmpty())
        .flatMap(s -> {
          TariffVersion v = s.tariff().versions().get(0);
          Arbitrary<RatchetReference> refs = Arbitraries.frequency(Tuple.of(3, RatchetReference.SAM_BILLING_DEMAND),
              Tuple.of(1, RatchetReference.BILLED_DEMAND), Tuple.of(1, RatchetReference.PEAK_DEMAND));
          Arbitrary<List<BigDecimal>> prior = maybe(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
              Tuple.of(3, Arbitraries.integers().between(1, 80_000))).map(w -> BigDecimal.valueOf(w, 3))
              .list().ofSize(12), 60).map(o -> o.orElse(List.of()));
          return Combinators.combine(refs, ratchetVariants(), perKwTierDemand(true), prior)
              .as((ref, rv, perKw, peaks) -> {
                Ratchet r = rv.apply(Ratchet.builder().from(v.ratchet().orElseThrow()).reference(ref).build(),
                    v.demandCharges());
                TariffVersion v2 = TariffVersion.builder().from(v).ratchet(r)
                    .conventions(v.conventions().withPerKwTierDemand(perKw)).build();
                return new Scenario(Tariff.builder().from(s.tariff()).versions(List.of(v2)).build(), s.length(),
                    s.firstStart(), s.bills(), s.profile(), s.historyDays(), peaks);
              });
        });
  }

  /**
   * What a split bill with one ratchet may hold: no net metering (none across a change anyway) and no demand response.
   */
  static final Features SPLIT_RATCHET =
      new Features(true, true, true, true, false, true, true, true, true, true, true, false, 3);

  /**
   * Bills split by a version change (the first bill always: the change is in its first 27 days) where exactly one
   * version has a ratchet, and an energy charge whose tier bounds are per kW (kWh/kW or kWh/kW/day bounds, or nested
   * hours-use blocks) is added to the first version, the last or both; kWh/kW tiers sized by the peak or by billing
   * demand (the conventions both versions share), and often a prior-year history of peaks, so that the billing demand
   * is not the peak. RATING.md: a split bill has one billing demand, by the ratchet of its last segment's version,
   * and every segment uses it.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scenario> splitRatchetScenarios() {
    Arbitrary<IntervalLength> lengths = Arbitraries.frequency(Tuple.of(3, IntervalLength.SIXTY_MINUTES),
        Tuple.of(1, IntervalLength.FIFTEEN_MINUTES));
    Arbitrary<ZoneId> zones = Arbitraries.frequency(Tuple.of(5, NEW_YORK), Tuple.of(5, LONDON), Tuple.of(1, UTC));
    Arbitrary<LocalDate> starts = Combinators.combine(Arbitraries.integers().between(2023, 2025),
        Arbitraries.integers().between(1, 12)).as((y, m) -> LocalDate.of(y, m, 1));
    Arbitrary<List<BigDecimal>> prior = maybe(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
        Tuple.of(3, Arbitraries.integers().between(1, 80_000))).map(w -> BigDecimal.valueOf(w, 3))
        .list().ofSize(12), 60).map(o -> o.orElse(List.of()));
    return Combinators.combine(lengths, zones, starts, Arbitraries.integers().between(1, 27), chance(50))
        .flatAs((len, zone, start, cut, ratchetFirst) -> {
          int maxBills = len == IntervalLength.SIXTY_MINUTES ? SPLIT_RATCHET.maxBills() : 2;
          Ctx c = new Ctx(zone, len, start, start.plusMonths(maxBills), SPLIT_RATCHET);
          Arbitrary<Optional<Ratchet>> with = ratchet().map(Optional::of);
          Arbitrary<Optional<Ratchet>> without = Arbitraries.just(Optional.empty());
          return Combinators.combine(versions(c, LocalDate.of(2000, 1, 1), true, ratchetFirst ? with : without),
                  versions(c, start.plusDays(cut), true, ratchetFirst ? without : with), perKwEnergyCharge(c, "perkw"),
                  Arbitraries.integers().between(1, 3), perKwTierDemand(true),
                  Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.GBP))
              .flatAs((v1, v2, perKwCharge, where, perKw, cur) -> {
                TariffVersion first = (where & 1) == 0 ? v1
                    : TariffVersion.builder().from(v1).addEnergyCharges(perKwCharge).build();
                TariffVersion second = (where & 2) == 0 ? v2
                    : TariffVersion.builder().from(v2).addEnergyCharges(perKwCharge).build();
                Tariff t = splitTariff(c, cur, first, second, v1.conventions().withPerKwTierDemand(perKw));
                return Combinators.combine(profiles(false), Arbitraries.integers().between(1, maxBills), prior)
                    .as((p, bills, peaks) -> new Scenario(t, len, start, bills, p, 0, peaks));
              });
        });
  }

  /** An energy charge whose bounded tiers are sized by demand: kWh/kW or kWh/kW/day bounds, or mixed units. */
  static Arbitrary<EnergyCharge> perKwEnergyCharge(Ctx c, String id) {
    Arbitrary<Optional<TouSchedule>> schedules = maybe(schedule(c), 50);
    return Arbitraries.frequencyOf(Tuple.of(3, energyCharge(c, id, schedules, true, false,
            Arbitraries.of(TierUnit.KWH_PER_KW, TierUnit.KWH_PER_KW_PER_DAY))),
        Tuple.of(1, mixedUnitCharge(id, schedules, true)));
  }

  /** How many demand-response programs a version has: mostly none or one, shrinking to none. */
  static Arbitrary<Integer> drPrograms(Features f) {
    return f.demandResponse() ? Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(4, 1), Tuple.of(1, 2))
        : Arbitraries.just(0);
  }

  /** The seed the programs are drawn from (shrinks toward 0). */
  static Arbitrary<Long> drSeeds() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  /**
   * Demand-response programs drawn from a seed, each with up to four events inside the scenario on whole hours between
   * 06:00 and 24:00, and a random baseline rule of every family. (Drawn from a seed rather than from nested
   * arbitraries: nested inside the version's generators, their edge cases multiply past what jqwik can enumerate.)
   */
  static List<DemandResponseProgram> demandResponse(Ctx c, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int spanDays = (int) ChronoUnit.DAYS.between(c.spanStart(), c.spanEnd());
    List<DemandResponseProgram> out = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      DemandResponseProgram.Builder b = DemandResponseProgram.builder().id("dr" + p).description("Program " + p)
          .incentiveRate(BigDecimal.valueOf(r.nextInt(20_001), 4)).baseline(baselineRule(c, r))
          .reductionBasis(r.nextBoolean() ? ReductionBasis.INTERVAL : ReductionBasis.HOUR);
      Set<String> ids = new TreeSet<>();
      for (int e = r.nextInt(5); e > 0; e--) {
        int day = r.nextInt(spanDays);
        int hour = 6 + r.nextInt(17);
        LocalDateTime start = c.spanStart().plusDays(day).atTime(hour, 0);
        String id = "E" + day + "-" + hour;
        if (ids.add(id)) {
          b.addEvent(DemandResponseEvent.of(id, start, start.plusHours(Math.min(1 + r.nextInt(6), 24 - hour))));
        }
      }
      for (int k = r.nextInt(4); k > 0; k--) {
        b.addExcludedDays(c.spanStart().plusDays(r.nextInt(spanDays + 30) - 30L));
      }
      out.add(b.build());
    }
    return out;
  }

  static BaselineRule baselineRule(Ctx c, SplittableRandom r) {
    int x = 1 + r.nextInt(10);
    int y = x + r.nextInt(5);
    int[] lowUsage = {0, 0, 25, 25, -1};
    int low = lowUsage[r.nextInt(lowUsage.length)];
    int[] caps = {2000, 2000, 2000, 4000, -1, -1, 1_000_000};
    int cap = caps[r.nextInt(caps.length)];
    BaselineMethod method = r.nextBoolean() ? BaselineMethod.AVERAGE : BaselineMethod.HIGHEST_X_OF_Y;
    BaselineAdjustment adjustment =
        List.of(BaselineAdjustment.NONE, BaselineAdjustment.ADDITIVE, BaselineAdjustment.MULTIPLICATIVE)
            .get(r.nextInt(3));
    BaselineRule.Builder b = BaselineRule.builder().method(method).days(x).window(y)
        .maxLookbackDays(Math.max(y, 6) + r.nextInt(31)) // at least the longest weekend window (6)
        .lowUsagePercent(low >= 0 ? BigDecimal.valueOf(low) : BigDecimal.valueOf(r.nextInt(1001), 1))
        .adjustment(adjustment).adjustmentHours(1 + r.nextInt(4))
        .adjustmentGapHours(r.nextInt(4))
        .adjustmentCapPercent(BigDecimal.valueOf(cap >= 0 ? cap : r.nextInt(5001), 2));
    if (r.nextBoolean()) {
      int wx = 1 + r.nextInt(4);
      BaselineMethod weekendMethod = r.nextBoolean() ? BaselineMethod.AVERAGE : BaselineMethod.HIGHEST_X_OF_Y;
      WeekendMatching matching =
          r.nextBoolean() ? WeekendMatching.ANY_WEEKEND_OR_HOLIDAY : WeekendMatching.SAME_DAY_OF_WEEK;
      b.weekend(WeekendBaseline.builder().method(weekendMethod).days(wx)
          .window(wx + r.nextInt(3)).matching(matching)
          .holidayLikeDay(r.nextBoolean() ? DayOfWeek.SUNDAY : DayOfWeek.SATURDAY).build());
    }
    if (r.nextInt(10) < 3) {
      b.calendar(calendar(c, r));
    }
    return b.build();
  }

  /** Like {@link #calendar(Ctx)}, drawn from a random source. */
  static DayCalendar calendar(Ctx c, SplittableRandom r) {
    int spanDays = (int) ChronoUnit.DAYS.between(c.spanStart(), c.spanEnd());
    List<Set<DayOfWeek>> weekends = List.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), EnumSet.of(DayOfWeek.SUNDAY));
    HolidayCalendar.Builder h = HolidayCalendar.builder().name("random");
    for (int d = r.nextInt(6); d > 0; d--) {
      h.addDates(c.spanStart().plusDays(r.nextInt(spanDays + 40) - 40L));
    }
    if (r.nextBoolean()) {
      h.addAllRules(HolidayCalendar.nerc().rules());
    }
    return DayCalendar.of(weekends.get(r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0), h.build());
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Fixed, minimum, riders, taxes

  static Arbitrary<List<FixedCharge>> fixedCharges() {
    return Arbitraries.integers().between(0, 2).flatMap(n -> listOf(n, i -> Combinators.combine(
        dec(0, 500_000, 4), Arbitraries.of(FixedChargeBasis.class))
        .as((amount, basis) -> FixedCharge.of("fix" + i, "Fixed " + i, amount, basis))));
  }

  static Arbitrary<Optional<MinimumCharge>> minimum(Features f) {
    if (!f.minimums()) {
      return Arbitraries.just(Optional.empty());
    }
    return maybe(Combinators.combine(maybe(dec(0, 10_000, 2), 70), maybe(dec(0, 200_000, 2), 40),
        Arbitraries.of(Month.class)).as((m, a, s) -> MinimumCharge.builder().monthly(m).annual(a)
            .annualSettlementMonth(s).build()), 30);
  }

  static Arbitrary<List<Rider>> riders(Features f, List<String> priced) {
    if (!f.riders()) {
      return Arbitraries.just(List.of());
    }
    return Arbitraries.integers().between(0, 3).flatMap(n -> listOf(n, i -> {
      Arbitrary<RiderKind> kinds = priced.isEmpty()
          ? Arbitraries.of(RiderKind.PER_KWH, RiderKind.PER_KW, RiderKind.PER_BILL) : Arbitraries.of(RiderKind.class);
      return kinds.flatMap(kind -> {
        Arbitrary<BigDecimal> rate;
        switch (kind) {
          case PER_KWH:
            rate = dec(0, 500, 4);
            break;
          case PER_KW:
            rate = dec(0, 50_000, 4);
            break;
          case PERCENT:
            rate = dec(0, 1500, 2);
            break;
          default:
            rate = dec(0, 200_000, 4);
        }
        Arbitrary<Set<String>> targets = kind == RiderKind.PERCENT
            ? Arbitraries.of(priced).set().ofMinSize(1).ofMaxSize(priced.size())
                .map(s -> (Set<String>) new TreeSet<>(s))
            : Arbitraries.just(Set.of());
        return Combinators.combine(rate, targets).as((r, t) -> Rider.builder().id("rid" + i)
            .description("Rider " + i).kind(kind).rate(r).appliesTo(t).build());
      });
    }));
  }

  static Arbitrary<List<TaxRule>> taxes(Features f, List<String> taxable) {
    if (!f.taxes()) {
      return Arbitraries.just(List.of());
    }
    Arbitrary<Set<String>> targets = taxable.isEmpty() ? Arbitraries.just(Set.of())
        : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Set.<String>of())), Tuple.of(1,
            Arbitraries.of(taxable).set().ofMinSize(1).ofMaxSize(taxable.size())
                .map(s -> (Set<String>) new TreeSet<>(s))));
    return Arbitraries.integers().between(0, 2).flatMap(n -> listOf(n, i -> Combinators.combine(dec(0, 20_000, 3),
        targets, Arbitraries.of(TaxCalculation.class)).as((pct, t, calc) -> TaxRule.builder().id("tax" + i)
            .description("Tax " + i).percent(pct).appliesTo(t).calculation(calc).build())));
  }
}
