/**
 * Billing reconciliation: every billable source record (meter read period, service ticket, sales-order line) billed
 * exactly once, to the right account, with the right quantity and amount.
 *
 * <p>{@link io.github.gridbill.reconcile.billing.BillingReconciler} compares
 * {@link io.github.gridbill.reconcile.billing.SourceRecord}s with core invoices (whose lines name the records they bill
 * in {@code sourceRefs()}) and reports unbilled, double-billed and mismatched records in a
 * {@link io.github.gridbill.reconcile.billing.BillingReconciliationReport}.
 */
@NullMarked
package io.github.gridbill.reconcile.billing;

import org.jspecify.annotations.NullMarked;
