package io.github.gridbill.reconcile.statement;

import java.util.Objects;

/**
 * What a statement balance is. camt.053 names balances with ISO codes ({@code OPBD}, {@code CLBD}, ...); BAI2 with
 * status type codes ({@code 010} opening ledger, {@code 015} closing ledger, {@code 040} opening available,
 * {@code 045} closing available, {@code 030} current ledger, {@code 060} current available). Any other code is
 * {@link #OTHER}; the raw code is kept in {@code StatementBalance.code()}.
 */
public enum BalanceType {
  /** Opening booked (ledger) balance: camt {@code OPBD}, BAI2 {@code 010}. */
  OPENING_BOOKED,
  /** Closing booked (ledger) balance: camt {@code CLBD}, BAI2 {@code 015}. */
  CLOSING_BOOKED,
  /** Opening available balance: camt {@code OPAV}, BAI2 {@code 040}. */
  OPENING_AVAILABLE,
  /** Closing available balance: camt {@code CLAV}, BAI2 {@code 045}. */
  CLOSING_AVAILABLE,
  /** The closing booked balance of the previous statement, used as this one's opening: camt {@code PRCD}. */
  PREVIOUSLY_CLOSED_BOOKED,
  /** Interim (current) booked balance: camt {@code ITBD}, BAI2 {@code 030}. */
  INTERIM_BOOKED,
  /** Interim (current) available balance: camt {@code ITAV}, BAI2 {@code 060}. */
  INTERIM_AVAILABLE,
  /** Forward available balance: camt {@code FWAV}. */
  FORWARD_AVAILABLE,
  /** Information only: camt {@code INFO}. */
  INFORMATION,
  /** Expected balance: camt {@code XPCD}. */
  EXPECTED,
  /** Any other code. */
  OTHER;

  /**
   * The type of a camt.053 balance code: {@code ofCamtCode("CLBD")} is {@link #CLOSING_BOOKED}.
   *
   * @param code the ISO balance type code, not null
   * @return the type, {@link #OTHER} for codes not listed, never null
   */
  public static BalanceType ofCamtCode(String code) {
    Objects.requireNonNull(code, "code");
    switch (code) {
      case "OPBD":
        return OPENING_BOOKED;
      case "CLBD":
        return CLOSING_BOOKED;
      case "OPAV":
        return OPENING_AVAILABLE;
      case "CLAV":
        return CLOSING_AVAILABLE;
      case "PRCD":
        return PREVIOUSLY_CLOSED_BOOKED;
      case "ITBD":
        return INTERIM_BOOKED;
      case "ITAV":
        return INTERIM_AVAILABLE;
      case "FWAV":
        return FORWARD_AVAILABLE;
      case "INFO":
        return INFORMATION;
      case "XPCD":
        return EXPECTED;
      default:
        return OTHER;
    }
  }

  /**
   * The type of a BAI2 status type code: {@code ofBai2Code("015")} is {@link #CLOSING_BOOKED}.
   *
   * @param code the three-digit status type code, not null
   * @return the type, {@link #OTHER} for codes not listed, never null
   */
  public static BalanceType ofBai2Code(String code) {
    Objects.requireNonNull(code, "code");
    switch (code) {
      case "010":
        return OPENING_BOOKED;
      case "015":
        return CLOSING_BOOKED;
      case "040":
        return OPENING_AVAILABLE;
      case "045":
        return CLOSING_AVAILABLE;
      case "030":
        return INTERIM_BOOKED;
      case "060":
        return INTERIM_AVAILABLE;
      default:
        return OTHER;
    }
  }
}
