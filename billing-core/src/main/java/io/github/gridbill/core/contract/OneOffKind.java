package io.github.gridbill.core.contract;

/** The kinds of one-off billable items. */
public enum OneOffKind {
  /** A field service visit or repair ticket. */
  SERVICE_TICKET,
  /** A line of a sales order (equipment, parts). */
  SALES_ORDER,
  /** A project milestone (for example "panels installed"). */
  MILESTONE,
  /** An installation charge. */
  INSTALLATION
}
