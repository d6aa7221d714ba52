package io.github.gridbill.core.quantity;

/**
 * Units of measure for quantities on bills and invoices.
 *
 * <p>Each unit has the symbol printed on documents, for example {@code KWH} prints as {@code "kWh"}.
 */
public enum Unit {
  /** Watt-hour. */
  WH("Wh"),
  /** Kilowatt-hour. */
  KWH("kWh"),
  /** Megawatt-hour. */
  MWH("MWh"),
  /** Kilowatt (demand). */
  KW("kW"),
  /** Kilovolt-ampere (apparent demand). */
  KVA("kVA"),
  /** Kilovar-hour (reactive energy). */
  KVARH("kVArh"),
  /** Cubic metre (gas, water). */
  CUBIC_METRE("m3"),
  /** Litre (water). */
  LITRE("L"),
  /** Therm (gas energy). */
  THERM("therm"),
  /** A count of items, visits or events. */
  EACH("each"),
  /** Days (fixed charges per day). */
  DAY("day"),
  /** Months (fixed monthly fees). */
  MONTH("month"),
  /** Hours (labour). */
  HOUR("h"),
  /** Per cent (taxes and percentage riders). */
  PERCENT("%");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /**
   * The symbol printed on documents, for example {@code "kWh"}.
   *
   * @return the symbol, never null
   */
  public String symbol() {
    return symbol;
  }
}
