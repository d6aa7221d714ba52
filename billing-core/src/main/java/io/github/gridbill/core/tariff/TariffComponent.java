package io.github.gridbill.core.tariff;

import io.github.gridbill.core.ValidationException;

/**
 * A part of a tariff version that produces bill lines; every bill line names the component it came from by
 * {@link #id()}.
 */
public interface TariffComponent {

  /**
   * The component's id, unique within its tariff version: letters, digits, {@code - _ .}, for example
   * {@code "energy-tou"}.
   *
   * @return the id, never null
   */
  String id();

  /**
   * A description printed on bill lines, for example {@code "Energy charge"}.
   *
   * @return the description, never null
   */
  String description();

  /**
   * Checks an id against the rule of {@link #id()}.
   *
   * @param id the id, not null
   * @throws ValidationException if the id is empty or has other characters
   */
  static void checkId(String id) {
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ValidationException(
          "id", "\"" + id + "\"", "must be letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }
}
