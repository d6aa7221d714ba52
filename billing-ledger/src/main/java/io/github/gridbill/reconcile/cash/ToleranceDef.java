package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * How far a payment may differ from what it pays and still match: an absolute amount, a percentage of the payment,
 * or both (then the smaller allowance applies).
 *
 * <p>{@code Tolerance.of(USD 1.00, 0.5%)}: a payment of USD 150.00 may differ by USD 0.75 (0.5 % is smaller than
 * 1.00); a payment of USD 400.00 by USD 1.00. The percentage allowance is rounded down to the minor unit. An absolute
 * allowance applies only to payments in its currency; a payment in another currency gets the percentage alone, or no
 * allowance when there is no percentage. {@link #none()} allows no difference. Instances are immutable and thread-safe;
 * treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ToleranceDef {

  /**
   * The absolute allowance.
   *
   * @return the amount, or empty
   */
  @Value.Parameter
  public abstract Optional<Money> absolute();

  /**
   * The allowance as a percentage of the payment, 0 to 100 ({@code 0.5} means half a per cent).
   *
   * @return the percentage, or empty
   */
  @Value.Parameter
  public abstract Optional<BigDecimal> percent();

  /**
   * No tolerance: amounts must match exactly.
   *
   * @return the tolerance, never null
   */
  public static Tolerance none() {
    return Tolerance.of(Optional.empty(), Optional.empty());
  }

  /**
   * An absolute allowance: {@code absolute(USD 1.00)}.
   *
   * @param amount the allowance, not negative, not null
   * @return the tolerance, never null
   * @throws ValidationException if the amount is negative
   */
  public static Tolerance absolute(Money amount) {
    return Tolerance.of(Optional.of(Objects.requireNonNull(amount, "amount")), Optional.empty());
  }

  /**
   * A percentage allowance: {@code percent(0.5)} allows half a per cent of the payment.
   *
   * @param percent the percentage, 0 to 100, not null
   * @return the tolerance, never null
   * @throws ValidationException if the percentage is outside 0 to 100
   */
  public static Tolerance percent(BigDecimal percent) {
    return Tolerance.of(Optional.empty(), Optional.of(Objects.requireNonNull(percent, "percent")));
  }

  /**
   * Both allowances; the smaller applies.
   *
   * @param amount the absolute allowance, not negative, not null
   * @param percent the percentage, 0 to 100, not null
   * @return the tolerance, never null
   * @throws ValidationException if the amount is negative or the percentage outside 0 to 100
   */
  public static Tolerance both(Money amount, BigDecimal percent) {
    return Tolerance.of(Optional.of(Objects.requireNonNull(amount, "amount")),
        Optional.of(Objects.requireNonNull(percent, "percent")));
  }

  /**
   * The allowed difference for a payment.
   *
   * <p>{@code Tolerance.both(USD 1.00, 0.5).allowance(USD 150.00)} is {@code USD 0.75}.
   *
   * @param payment the payment amount, not null
   * @return the allowed difference, in the payment's currency, never null
   */
  public Money allowance(Money payment) {
    Objects.requireNonNull(payment, "payment");
    return Money.ofMinor(payment.getCurrencyUnit(), allowanceMinor(payment));
  }

  /** The allowance in minor units of the payment's currency. */
  long allowanceMinor(Money payment) {
    long allowed = Long.MAX_VALUE;
    boolean any = false;
    if (absolute().isPresent() && absolute().get().getCurrencyUnit().equals(payment.getCurrencyUnit())) {
      allowed = absolute().get().getAmountMinorLong();
      any = true;
    }
    if (percent().isPresent()) {
      long p = BigDecimal.valueOf(payment.getAmountMinorLong()).multiply(percent().get())
          .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
      allowed = Math.min(allowed, p);
      any = true;
    }
    return any ? allowed : 0;
  }

  @Value.Check
  void check() {
    if (absolute().isPresent() && absolute().get().isNegative()) {
      throw new ValidationException("absolute", absolute().get(), "must not be negative");
    }
    absolute().ifPresent(a -> Amounts.requireAtMost(a, "absolute"));
    if (percent().isPresent() && (percent().get().signum() < 0 || percent().get().compareTo(BigDecimal.valueOf(100))
        > 0)) {
      throw new ValidationException("percent", percent().get().toPlainString(), "must be 0 to 100");
    }
  }
}
