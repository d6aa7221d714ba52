package io.github.gridbill.reconcile.billing;

/** What kind of billable record a source record is. */
public enum SourceKind {
  /** A meter's consumption over a read period (billed by energy, demand and fixed lines). */
  METER_READ_PERIOD,
  /** A completed service ticket (labour hours, visits). */
  SERVICE_TICKET,
  /** A line of a sales order (equipment, parts). */
  SALES_ORDER_LINE
}
