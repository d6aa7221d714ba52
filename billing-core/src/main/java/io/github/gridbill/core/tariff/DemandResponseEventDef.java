package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDateTime;
import org.immutables.value.Value;

/**
 * One demand-response event window, in the tariff's local time: {@code [startInclusive, endExclusive)}, for example
 * 2024-07-15 14:00 to 18:00. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandResponseEventDef {

  /**
   * The event's id, as the program operator names it.
   *
   * @return the id
   */
  @Value.Parameter
  public abstract String id();

  /**
   * The local start of the window.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract LocalDateTime startInclusive();

  /**
   * The local end of the window, exclusive.
   *
   * @return the end
   */
  @Value.Parameter
  public abstract LocalDateTime endExclusive();

  @Value.Check
  void check() {
    if (!endExclusive().isAfter(startInclusive())) {
      throw new ValidationException("events[" + id() + "].endExclusive", endExclusive(),
          "must be after startInclusive " + startInclusive());
    }
    if (!endExclusive().toLocalDate().equals(startInclusive().toLocalDate())
        && !endExclusive().equals(startInclusive().toLocalDate().plusDays(1).atStartOfDay())) {
      throw new ValidationException("events[" + id() + "].endExclusive", endExclusive(),
          "must be on the same day as startInclusive " + startInclusive());
    }
  }
}
