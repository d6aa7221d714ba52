package io.github.gridbill.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions for GridBill's typed errors: exact type, exact message, and the house message shape. */
public final class Expect {
  private Expect() {}

  /**
   * Runs a call that must fail with exactly the given type and message.
   *
   * <p>For a {@link BillingException} (other than {@link DataFormatException}, which prefixes the source) it also
   * checks that the message is {@code field() + " " + reason() + ": " + value()}.
   *
   * @param <T> the exception type
   * @param exactType the exact class expected (not a subclass)
   * @param message the exact message expected
   * @param call the call
   * @return the exception, for further checks
   */
  public static <T extends Throwable> T thrown(Class<T> exactType, String message, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("the call should have thrown").isNotNull();
    assertThat(t).isExactlyInstanceOf(exactType).hasMessage(message);
    if (t instanceof BillingException && !(t instanceof DataFormatException)) {
      BillingException b = (BillingException) t;
      assertThat(b.field() + " " + b.reason() + ": " + b.value()).as("house message shape").isEqualTo(message);
    }
    return exactType.cast(t);
  }

  /**
   * Runs a call that must fail with a {@link ValidationException} with the given message.
   *
   * @param message the exact message expected
   * @param call the call
   * @return the exception, for further checks
   */
  public static ValidationException invalid(String message, ThrowingCallable call) {
    return thrown(ValidationException.class, message, call);
  }
}
