package io.github.gridbill.examples.demo;

import org.jspecify.annotations.Nullable;

/** The kinds of customer in the demo, with the book, the utility tariff (if any) and the share of accounts. */
enum CustomerKind {
  /** Indian household on the slab tariff. */
  IN_RESIDENTIAL(DemoBook.INR, DemoTariffs.IN_SLAB, 30, "Residential, slab tariff"),
  /** Indian shop or office on the time-of-day tariff with a demand charge. */
  IN_COMMERCIAL(DemoBook.INR, DemoTariffs.IN_TOD, 10, "Commercial, time of day + demand"),
  /** Indian household with rooftop solar under net billing, on an annual maintenance contract. */
  IN_ROOFTOP(DemoBook.INR, DemoTariffs.IN_NET_BILLING, 10, "Rooftop solar, net billing + AMC"),
  /** Indian business buying its rooftop plant's output under a solar PPA with an escalator, plus AMC. */
  IN_PPA(DemoBook.INR, null, 5, "Solar PPA (per kWh generated) + AMC"),
  /** US household on FPL RS-1 (from OpenEI URDB). */
  US_RESIDENTIAL(DemoBook.USD, DemoTariffs.US_FPL, 22, "Residential, FPL RS-1 (URDB)"),
  /** US small business on TOU + demand with a ratchet; some take part in demand response. */
  US_SMALL_BUSINESS(DemoBook.USD, DemoTariffs.US_TOU, 8, "Small business, TOU + demand"),
  /** US household with its own rooftop solar under net metering. */
  US_NEM(DemoBook.USD, DemoTariffs.US_NEM, 8, "Rooftop solar, net metering"),
  /** US household with leased rooftop solar under net metering: lease payment plus maintenance. */
  US_LEASE(DemoBook.USD, DemoTariffs.US_NEM, 7, "Leased solar, net metering + lease + maintenance");

  private final DemoBook book;
  private final @Nullable String tariffId;
  private final int sharePercent;
  private final String label;

  CustomerKind(DemoBook book, @Nullable String tariffId, int sharePercent, String label) {
    this.book = book;
    this.tariffId = tariffId;
    this.sharePercent = sharePercent;
    this.label = label;
  }

  DemoBook book() {
    return book;
  }

  /** The utility tariff, or null for a customer billed only under contracts. */
  @Nullable String tariffId() {
    return tariffId;
  }

  int sharePercent() {
    return sharePercent;
  }

  String label() {
    return label;
  }

  boolean hasSolar() {
    return this == IN_ROOFTOP || this == IN_PPA || this == US_NEM || this == US_LEASE;
  }

  boolean isBusiness() {
    return this == IN_COMMERCIAL || this == IN_PPA || this == US_SMALL_BUSINESS;
  }

  /** Picks a kind for a number in [0, 100). */
  static CustomerKind forPercentile(int p) {
    int acc = 0;
    for (CustomerKind k : values()) {
      acc += k.sharePercent;
      if (p < acc) {
        return k;
      }
    }
    throw new IllegalArgumentException("percentile must be 0 to 99: " + p);
  }
}
