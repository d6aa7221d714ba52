package io.github.gridbill.core.contract;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.time.ZoneId;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * A customer account: who is billed, in which currency and zone, on which terms and cycle.
 *
 * <p>Build with {@code CustomerAccount.builder()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class CustomerAccountDef {

  /**
   * The account id, for example {@code "ACC-000123"}.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The customer's name as printed on bills.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The billing address.
   *
   * @return the address
   */
  public abstract Address billingAddress();

  /**
   * The currency the account is billed in; all its documents use it.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The zone of the service location.
   *
   * @return the zone
   */
  public abstract ZoneId zone();

  /**
   * Payment terms.
   *
   * @return the terms, net 30 by default
   */
  @Value.Default
  public PaymentTerms paymentTerms() {
    return PaymentTerms.net(30);
  }

  /**
   * The billing cycle.
   *
   * @return the cycle, calendar months by default
   */
  @Value.Default
  public BillingCycle billingCycle() {
    return BillingCycle.monthlyOn(1);
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(name(), "name");
  }
}
