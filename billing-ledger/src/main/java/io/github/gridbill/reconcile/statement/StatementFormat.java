package io.github.gridbill.reconcile.statement;

/** The file format a statement was read from. */
public enum StatementFormat {
  /** ISO 20022 BankToCustomerStatement, camt.053. */
  CAMT_053,
  /** BAI2 (Cash Management Balance Reporting Specifications, version 2). */
  BAI2,
  /** CSV with a declared column mapping. */
  CSV
}
