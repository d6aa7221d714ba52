package io.github.gridbill.core.contract;

import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.Optional;

/** Something an account is billed under: a service agreement, PPA, lease, maintenance contract or one-off item. */
public interface Contract {

  /**
   * The contract's id; bill lines cite it as their source.
   *
   * @return the id, never null
   */
  String id();

  /**
   * The account billed.
   *
   * @return the account id, never null
   */
  String accountId();

  /**
   * The first day of the contract.
   *
   * @return the start date, never null
   */
  LocalDate startDate();

  /**
   * The day the contract ends, exclusive.
   *
   * @return the end date, or empty when open-ended
   */
  Optional<LocalDate> endDate();

  /**
   * Checks that the end, if any, is after the start.
   *
   * @param c the contract, not null
   * @throws ValidationException if not
   */
  static void checkDates(Contract c) {
    c.endDate().ifPresent(e -> {
      if (!e.isAfter(c.startDate())) {
        throw new ValidationException(c.id() + ".endDate", e, "must be after startDate " + c.startDate());
      }
    });
  }
}
