package io.github.gridbill.rating;

/**
 * What a demand-response baseline did with one day of its look-back, in the order the rules are applied: like day,
 * event day, excluded day, data, low usage, selection.
 */
public enum BaselineDayStatus {
  /** Not a like day of the event (a weekend day for a weekday event, a weekday for a weekend event, ...). */
  NOT_A_LIKE_DAY("not a like day"),
  /** A holiday that is not a like day of the event. */
  HOLIDAY("holiday"),
  /** A day with an event of the program. */
  EVENT_DAY("event day"),
  /** One of the program's excluded days (outage, another program's event, ...). */
  EXCLUDED_DAY("excluded day"),
  /** The series does not hold complete data for the event's hours on that day. */
  NO_DATA("no complete data"),
  /** Eligible, but its usage in the event hours is below the low-usage threshold. */
  LOW_USAGE("low usage"),
  /** Eligible, but not among the X days averaged. */
  NOT_CHOSEN("eligible, not chosen"),
  /** Eligible and averaged into the baseline. */
  CHOSEN("chosen");

  private final String label;

  BaselineDayStatus(String label) {
    this.label = label;
  }

  /**
   * The status as a report prints it, for example {@code "eligible, not chosen"}.
   *
   * @return the label, never null
   */
  public String label() {
    return label;
  }
}
