package io.github.gridbill.rating.invoice;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.CustomerAccount;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.Bill;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What to invoice: an account, the service period, the rated bills of its meters, its contracts, the solar PPA
 * generation, and the issue date.
 *
 * <p>{@code InvoiceRequest.builder().account(acc).period(march).addBill(bill).addContract(lease)
 * .putPpaGeneration("PPA-1", Energy.ofWattHours(812_400)).issueDate(LocalDate.of(2024, 4, 2)).build()}.
 *
 * <p>The request only carries the inputs; {@link InvoiceAssembler#assemble(InvoiceRequest)} checks them against each
 * other (currencies, account ids, periods) and names the offending field. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class InvoiceRequestDef {

  /**
   * The account invoiced; its currency, zone, payment terms and billing cycle apply.
   *
   * @return the account
   */
  public abstract CustomerAccount account();

  /**
   * The service period invoiced, in the account's zone, for example {@code [2024-03-01, 2024-04-01)}. Usually one
   * period of the account's billing cycle.
   *
   * @return the period
   */
  public abstract BillingPeriod period();

  /**
   * Rated bills of the account's meters for the period (or parts of it), in print order; may be empty for an account
   * billed on contracts only. Each line becomes an invoice line with the same kind, description, quantity, rate and
   * amount.
   *
   * @return the bills
   */
  public abstract List<Bill> bills();

  /**
   * The account's contracts. Service agreements are priced by the rated bills and add no line; solar PPAs, leases,
   * maintenance contracts and one-off charges add lines when they are billable in the period.
   *
   * @return the contracts
   */
  public abstract List<Contract> contracts();

  /**
   * The energy generated in the period under each solar PPA active in it, keyed by PPA id: for example the
   * {@code totalExport()} (or {@code totalImport()}) of the generation meter's rated bill or interval series. Every
   * active PPA needs an entry; 0 kWh is a valid entry.
   *
   * @return the generation per PPA id
   */
  public abstract Map<String, Energy> ppaGeneration();

  /**
   * The issue date; the due date follows from the account's payment terms.
   *
   * @return the issue date
   */
  public abstract LocalDate issueDate();
}
