package io.github.gridbill.examples.demo;

import io.github.gridbill.core.contract.Address;
import io.github.gridbill.core.contract.BillingCycle;
import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.CustomerAccount;
import io.github.gridbill.core.contract.Lease;
import io.github.gridbill.core.contract.MaintenanceContract;
import io.github.gridbill.core.contract.OneOffCharge;
import io.github.gridbill.core.contract.OneOffKind;
import io.github.gridbill.core.contract.PaymentTerms;
import io.github.gridbill.core.contract.RecurrenceFrequency;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One generated customer: who they are, what they buy, how big their load and solar plant are, and how they will pay.
 * Everything follows from the scenario seed and the account's index (and its name from the names of the accounts
 * before it in its book, {@link #generateAll}), so a re-run generates the same customer.
 */
final class DemoAccount {

  /** How the customer pays this month's invoice. */
  enum Payer {
    /** In full, on or before the due date. */
    ON_TIME,
    /** Part of the amount, on time. */
    PARTIAL,
    /** In full, weeks after the due date. */
    LATE,
    /** More than the amount (the rest stays as a credit balance). */
    OVERPAID,
    /** Not at all (yet). */
    NONE,
    /** A bank transfer with neither account nor invoice reference: cash application cannot place it. */
    UNIDENTIFIED
  }

  /** How the money arrives. */
  enum Method {
    /** Card, through the online portal. */
    CARD,
    /** Cheque, banked by the cashier. */
    CHEQUE,
    /** A bank transfer (EFT / NEFT / ACH), seen on the bank statement. */
    BANK_TRANSFER,
    /** An online wallet or UPI payment collected by a payment aggregator. */
    ONLINE
  }

  private static final String[] FIRST = {"Aarav", "Diya", "Ishaan", "Meera", "Rohan", "Ananya", "Vikram", "Priya",
      "James", "Maria", "Robert", "Linda", "Michael", "Sarah", "David", "Emily", "Kavya", "Arjun", "Olivia", "Noah"};
  private static final String[] LAST = {"Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Mehta", "Rao",
      "Smith", "Garcia", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Lopez", "Khan", "Das", "Moore", "Clark"};
  private static final String[] BUSINESS = {"Bakery", "Pharmacy", "Dental Clinic", "Print Shop", "Hardware",
      "Cafe", "Tailors", "Auto Repair", "Grocers", "Textiles"};
  /** The letters a disambiguating initial is drawn from (common initials only). */
  private static final String INITIALS = "ABCDEGHJKLMNPRSTV";

  /**
   * The percentage of customers who pay by a bank transfer that carries neither an account nor an invoice reference,
   * under a name the customer master does not know ({@link Payer#UNIDENTIFIED}): cash application cannot place them,
   * and they are the only bank lines meant to end as {@code NO_PAYER} exceptions.
   */
  static final int UNIDENTIFIED_PERCENT = 3;

  private final int index;
  private final String id;
  private final CustomerKind kind;
  private final CustomerAccount account;
  private final long seed;
  private final double annualKwh;
  private final double solarKwp;
  private final int gapIntervals;
  private final List<Contract> contracts;
  private final Payer payer;
  private final Method method;
  private final @Nullable Instant drShedFrom;
  private final @Nullable Instant drShedTo;
  private final int arrearsDays;
  private final long arrearsMinor;

  private DemoAccount(int index, String id, CustomerKind kind, CustomerAccount account, long seed, double annualKwh,
      double solarKwp, int gapIntervals, List<Contract> contracts, Payer payer, Method method,
      @Nullable Instant drShedFrom, @Nullable Instant drShedTo, int arrearsDays, long arrearsMinor) {
    this.index = index;
    this.id = id;
    this.kind = kind;
    this.account = account;
    this.seed = seed;
    this.annualKwh = annualKwh;
    this.solarKwp = solarKwp;
    this.gapIntervals = gapIntervals;
    this.contracts = contracts;
    this.payer = payer;
    this.method = method;
    this.drShedFrom = drShedFrom;
    this.drShedTo = drShedTo;
    this.arrearsDays = arrearsDays;
    this.arrearsMinor = arrearsMinor;
  }

  /**
   * Generates account {@code index} of a scenario.
   *
   * @param scenario the scenario (seed, month, demand-response event)
   * @param index the account's index, 0-based
   */
  static DemoAccount generate(DemoScenario scenario, int index) {
    long seed = mix(scenario.seed() * 0x9E3779B97F4A7C15L + index);
    SplittableRandom r = new SplittableRandom(seed);
    CustomerKind kind = CustomerKind.forPercentile(r.nextInt(100));
    DemoBook book = kind.book();
    String id = String.format("%s-%06d", book.prefix(), index + 1);
    String name = kind.isBusiness()
        ? LAST[r.nextInt(LAST.length)] + " " + BUSINESS[r.nextInt(BUSINESS.length)]
        : FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
    Address address = book == DemoBook.INR
        ? Address.builder().addLine((10 + r.nextInt(890)) + ", " + (1 + r.nextInt(40)) + "th Cross, Jayanagar")
            .city("Bengaluru").region("Karnataka").postalCode("5600" + (11 + r.nextInt(80))).country("IN").build()
        : Address.builder().addLine((100 + r.nextInt(9000)) + " Ocean Drive").city("Brooklyn").region("NY")
            .postalCode("112" + (10 + r.nextInt(80))).country("US").build();
    CustomerAccount account = CustomerAccount.builder().id(id).name(name).billingAddress(address)
        .currency(book.currency()).zone(book.zone()).paymentTerms(PaymentTerms.net(book.netDays()))
        .billingCycle(BillingCycle.monthlyOn(1)).build();

    double annualKwh = switch (kind) {
      case IN_RESIDENTIAL, IN_ROOFTOP -> 1_800 + r.nextDouble() * 4_200;
      case IN_COMMERCIAL -> 12_000 + r.nextDouble() * 40_000;
      case IN_PPA -> 60_000 + r.nextDouble() * 140_000;
      case US_RESIDENTIAL, US_NEM, US_LEASE -> 7_000 + r.nextDouble() * 9_000;
      case US_SMALL_BUSINESS -> 40_000 + r.nextDouble() * 160_000;
    };
    double kwp = switch (kind) {
      case IN_ROOFTOP -> 2 + r.nextInt(4);
      case IN_PPA -> 25 + r.nextInt(76);
      case US_NEM, US_LEASE -> 4 + r.nextInt(6);
      default -> 0;
    };
    int gap = r.nextInt(100) < 4 ? 2 + r.nextInt(6) : 0;

    LocalDate monthStart = scenario.month().atDay(1);
    List<Contract> contracts = new ArrayList<>();
    Money currencyZero = Money.zero(book.currency());
    if (kind == CustomerKind.IN_PPA) {
      LocalDate start = monthStart.minusYears(1 + r.nextInt(6)).withDayOfMonth(1 + r.nextInt(28));
      contracts.add(SolarPpa.builder().id("PPA-" + id).accountId(id).meterId("PV-" + id).currency(book.currency())
          .pricePerKwh(new BigDecimal("4.25")).escalatorPercent(new BigDecimal("2")).startDate(start).build());
    }
    if (kind == CustomerKind.IN_ROOFTOP || kind == CustomerKind.IN_PPA) {
      Money fee = currencyZero.plus(kind == CustomerKind.IN_PPA ? new BigDecimal("4500") : new BigDecimal("650"));
      contracts.add(MaintenanceContract.builder().id("AMC-" + id).accountId(id).fee(fee)
          .frequency(RecurrenceFrequency.MONTHLY).startDate(monthStart.minusMonths(1 + r.nextInt(30))).build());
    }
    if (kind == CustomerKind.US_LEASE) {
      contracts.add(Lease.builder().id("LEASE-" + id).accountId(id)
          .monthlyPayment(currencyZero.plus(new BigDecimal(89 + r.nextInt(60) + ".00")))
          .startDate(monthStart.minusMonths(r.nextInt(48))).build());
      contracts.add(MaintenanceContract.builder().id("MNT-" + id).accountId(id)
          .fee(currencyZero.plus(new BigDecimal("14.50"))).frequency(RecurrenceFrequency.MONTHLY)
          .startDate(monthStart.minusMonths(r.nextInt(48))).build());
    }
    if (kind.hasSolar() && r.nextInt(100) < 6) {
      // a new installation: its commissioning milestone falls in this month
      Money price = currencyZero.plus(book == DemoBook.INR ? new BigDecimal("52000") : new BigDecimal("2400"));
      contracts.add(OneOffCharge.builder().id("MS-" + id + "-COMM").accountId(id).kind(OneOffKind.MILESTONE)
          .description("Installation milestone 3 of 3: commissioning").quantity(Quantity.of(BigDecimal.ONE,
              Unit.EACH)).unitPrice(price).serviceDate(monthStart.plusDays(r.nextInt(20))).build());
    }
    if (r.nextInt(100) < 4) {
      Money callOut = currencyZero.plus(book == DemoBook.INR ? new BigDecimal("450") : new BigDecimal("95"));
      contracts.add(OneOffCharge.builder().id("TKT-" + (700_000 + index)).accountId(id)
          .kind(OneOffKind.SERVICE_TICKET).description("Service visit: meter inspection")
          .quantity(Quantity.of(new BigDecimal(1 + r.nextInt(2)), Unit.EACH)).unitPrice(callOut)
          .serviceDate(monthStart.plusDays(r.nextInt(27))).build());
    }

    int p = r.nextInt(100);
    Payer payer = p < 62 ? Payer.ON_TIME : p < 70 ? Payer.PARTIAL : p < 78 ? Payer.LATE : p < 82 ? Payer.OVERPAID
        : p < 100 - UNIDENTIFIED_PERCENT ? Payer.NONE : Payer.UNIDENTIFIED;
    int m = r.nextInt(100);
    Method method = payer == Payer.UNIDENTIFIED ? Method.BANK_TRANSFER
        : m < 30 ? Method.CARD : m < 45 ? Method.CHEQUE : m < 80 ? Method.BANK_TRANSFER : Method.ONLINE;

    Instant shedFrom = null;
    Instant shedTo = null;
    if (kind == CustomerKind.US_SMALL_BUSINESS && r.nextInt(100) < 50) {
      shedFrom = scenario.drEventStart();
      shedTo = scenario.drEventEnd();
    }
    int arrearsDays = 0;
    long arrearsMinor = 0;
    if (r.nextInt(100) < 18) {
      // an unpaid balance brought over from the previous billing system, 20 to 170 days past due
      arrearsDays = 20 + r.nextInt(151);
      arrearsMinor = (book == DemoBook.INR ? 40_000L : 3_000L) + r.nextInt(book == DemoBook.INR ? 600_000 : 40_000);
    }
    return new DemoAccount(index, id, kind, account, seed, annualKwh, kwp, gap, List.copyOf(contracts), payer,
        method, shedFrom, shedTo, arrearsDays, arrearsMinor);
  }

  /**
   * Generates accounts 0 to {@code accounts − 1} of a scenario with names unique within each book: the bank's
   * statement names the payer, and the payer directory matches on the name, so a name two customers share would
   * identify neither ({@link DemoCash#payerDirectory}). The first account (by index) with a name keeps it; a later one
   * gets initials drawn from its own seed ("Aarav K. Sharma", "R. K. Sharma Bakery"), one initial when one is free,
   * two when all of those are taken, and so on. Everything else about each account is exactly
   * {@link #generate(DemoScenario, int)}'s, and a re-run gives the same names.
   *
   * @param scenario the scenario
   * @return the accounts in index order
   */
  static List<DemoAccount> generateAll(DemoScenario scenario) {
    List<DemoAccount> out = new ArrayList<>(scenario.accounts());
    Map<DemoBook, Set<String>> taken = new EnumMap<>(DemoBook.class);
    for (int i = 0; i < scenario.accounts(); i++) {
      DemoAccount a = generate(scenario, i);
      Set<String> names = taken.computeIfAbsent(a.book(), b -> new HashSet<>());
      if (!names.add(a.account().name().toUpperCase(Locale.ROOT))) {
        a = a.withName(distinctName(a, names));
      }
      out.add(a);
    }
    return out;
  }

  /** The account's name with the first free initials (drawn from its seed), which it adds to {@code taken}. */
  private static String distinctName(DemoAccount a, Set<String> taken) {
    String name = a.account().name();
    int space = name.indexOf(' ');
    int n = INITIALS.length();
    long combinations = 1;
    for (int k = 1; k <= 6; k++) {
      combinations *= n;
      long start = Math.floorMod(mix(a.seed() + k), combinations);
      for (long j = 0; j < combinations; j++) {
        long c = (start + j) % combinations;
        StringBuilder initials = new StringBuilder();
        for (int x = 0; x < k; x++) {
          initials.append(INITIALS.charAt((int) (c % n))).append(". ");
          c /= n;
        }
        // a person's initials go between the given and the family name, a business's before the owner's name
        String candidate = a.kind().isBusiness() ? initials + name
            : name.substring(0, space + 1) + initials + name.substring(space + 1);
        if (taken.add(candidate.toUpperCase(Locale.ROOT))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no free initials for " + name + " in " + a.book());
  }

  /** This account under another name (everything else the same). */
  private DemoAccount withName(String name) {
    return new DemoAccount(index, id, kind, account.withName(name), seed, annualKwh, solarKwp, gapIntervals,
        contracts, payer, method, drShedFrom, drShedTo, arrearsDays, arrearsMinor);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  int index() {
    return index;
  }

  String id() {
    return id;
  }

  String meterId() {
    return "M-" + id;
  }

  CustomerKind kind() {
    return kind;
  }

  /** The utility tariff the account is on, or null for a contract-only customer. */
  @Nullable String tariffId() {
    return drShedFrom != null ? DemoTariffs.US_TOU_DR : kind.tariffId();
  }

  DemoBook book() {
    return kind.book();
  }

  CustomerAccount account() {
    return account;
  }

  long seed() {
    return seed;
  }

  double annualKwh() {
    return annualKwh;
  }

  double solarKwp() {
    return solarKwp;
  }

  int gapIntervals() {
    return gapIntervals;
  }

  List<Contract> contracts() {
    return contracts;
  }

  Payer payer() {
    return payer;
  }

  Method method() {
    return method;
  }

  @Nullable Instant drShedFrom() {
    return drShedFrom;
  }

  @Nullable Instant drShedTo() {
    return drShedTo;
  }

  /** Days past due of the balance brought over from the previous system (0: none). */
  int arrearsDays() {
    return arrearsDays;
  }

  /** The balance brought over, in minor units (0: none). */
  long arrearsMinor() {
    return arrearsMinor;
  }
}
