package io.github.gridbill.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.DataFormatException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions for typed errors: exact type, exact message, and the house message shape. */
final class Expect {
  private Expect() {}

  static <T extends Throwable> T thrown(Class<T> exactType, String message, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("the call should have thrown").isNotNull();
    assertThat(t).isExactlyInstanceOf(exactType).hasMessage(message);
    if (t instanceof BillingException b && !(t instanceof DataFormatException)) {
      assertThat(b.field() + " " + b.reason() + ": " + b.value()).as("house message shape").isEqualTo(message);
    }
    return exactType.cast(t);
  }
}
