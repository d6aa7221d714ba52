package io.github.gridbill.rating;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A register (cumulative index) read of a meter: the dial value in kWh at an instant. Consumption between two reads is
 * their difference times the meter multiplier, with roll-over past the register's digits.
 *
 * <p>{@code consumption(RegisterRead.of("M-1", t0, 99_950), RegisterRead.of("M-1", t1, 120), 5, ONE)} is 170 kWh (the
 * 5-digit register rolled over at 100,000). This class is immutable and thread-safe; treat it as a value type.
 */
public final class RegisterRead {
  private final String meterId;
  private final Instant readAt;
  private final BigDecimal kwh;

  private RegisterRead(String meterId, Instant readAt, BigDecimal kwh) {
    this.meterId = meterId;
    this.readAt = readAt;
    this.kwh = kwh;
  }

  /**
   * A read.
   *
   * @param meterId the meter id, not null
   * @param readAt when the register was read, not null
   * @param kwh the register value in kWh, not negative, not null
   * @return the read, never null
   * @throws ValidationException if the value is negative
   */
  public static RegisterRead of(String meterId, Instant readAt, BigDecimal kwh) {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(kwh, "kwh");
    if (kwh.signum() < 0) {
      throw new ValidationException("kwh", kwh.toPlainString(), "must not be negative");
    }
    return new RegisterRead(meterId, readAt, kwh);
  }

  /**
   * A read with a whole-kWh value.
   *
   * @param meterId the meter id, not null
   * @param readAt the instant, not null
   * @param kwh the value in kWh
   * @return the read, never null
   */
  public static RegisterRead of(String meterId, Instant readAt, long kwh) {
    return of(meterId, readAt, BigDecimal.valueOf(kwh));
  }

  /**
   * The energy between two reads of the same meter: {@code (to − from) × multiplier}, adding {@code 10^digits} when
   * the register rolled over (the later value is smaller).
   *
   * @param from the earlier read, not null
   * @param to the later read, not null
   * @param digits the number of whole-kWh digits on the register, 1 to 12
   * @param multiplier the meter (CT/PT) multiplier, positive, not null
   * @return the energy, exact to mWh (rounded half-up below that), never null
   * @throws ValidationException if the meters differ, the reads are not in time order, digits is out of range, the
   *     multiplier is not positive, or a value does not fit the register
   */
  public static Energy consumption(RegisterRead from, RegisterRead to, int digits, BigDecimal multiplier) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(multiplier, "multiplier");
    if (!from.meterId.equals(to.meterId)) {
      throw new ValidationException("to.meterId", to.meterId, "must be the meter of from, " + from.meterId);
    }
    if (!to.readAt.isAfter(from.readAt)) {
      throw new ValidationException("to.readAt", to.readAt, "must be after from.readAt " + from.readAt);
    }
    if (digits < 1 || digits > 12) {
      throw new ValidationException("digits", digits, "must be 1 to 12");
    }
    if (multiplier.signum() <= 0) {
      throw new ValidationException("multiplier", multiplier.toPlainString(), "must be positive");
    }
    BigDecimal wrap = BigDecimal.TEN.pow(digits);
    for (RegisterRead r : new RegisterRead[] {from, to}) {
      if (r.kwh.compareTo(wrap) >= 0) {
        throw new ValidationException("kwh", r.kwh.toPlainString(), "must fit a " + digits + "-digit register");
      }
    }
    BigDecimal diff = to.kwh.subtract(from.kwh);
    if (diff.signum() < 0) {
      diff = diff.add(wrap);
    }
    return Energy.ofKilowattHours(diff.multiply(multiplier), RoundingMode.HALF_UP);
  }

  /**
   * The meter id.
   *
   * @return the id, never null
   */
  public String meterId() {
    return meterId;
  }

  /**
   * When the register was read.
   *
   * @return the instant, never null
   */
  public Instant readAt() {
    return readAt;
  }

  /**
   * The register value in kWh.
   *
   * @return the value, never null
   */
  public BigDecimal kwh() {
    return kwh;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RegisterRead r)) {
      return false;
    }
    return meterId.equals(r.meterId) && readAt.equals(r.readAt) && kwh.compareTo(r.kwh) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(meterId, readAt, kwh.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return "RegisterRead[" + meterId + " " + kwh.toPlainString() + " kWh at " + readAt + "]";
  }
}
