/**
 * GridBill core: the money-safe billing vocabulary shared by every other module.
 *
 * <p>Money ({@code io.github.gridbill.core.money}), exact quantities ({@code .quantity}), billing time ({@code .time}),
 * tariff and contract models ({@code .tariff}, {@code .contract}), invoices ({@code .invoice}) and the typed error
 * hierarchy rooted in {@link io.github.gridbill.core.BillingException}.
 */
module io.github.gridbill.core {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive org.joda.money;
  requires org.slf4j;

  exports io.github.gridbill.core;
  exports io.github.gridbill.core.money;
  exports io.github.gridbill.core.quantity;
  exports io.github.gridbill.core.time;
  exports io.github.gridbill.core.tariff;
  exports io.github.gridbill.core.contract;
  exports io.github.gridbill.core.invoice;
}
