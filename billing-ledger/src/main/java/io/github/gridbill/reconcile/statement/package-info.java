/**
 * Bank statements in: ISO 20022 camt.053 ({@link io.github.gridbill.reconcile.statement.Camt053Reader}), BAI2
 * ({@link io.github.gridbill.reconcile.statement.Bai2Reader}) and CSV with a declared column mapping
 * ({@link io.github.gridbill.reconcile.statement.CsvStatementReader}), all read into
 * {@link io.github.gridbill.reconcile.statement.BankStatement}s with balances and one
 * {@link io.github.gridbill.reconcile.statement.StatementLine} per transaction (a batch booking is split into its
 * transactions).
 *
 * <p>Every reader reads the whole input, validates it, and only then returns: a malformed file is a
 * {@link io.github.gridbill.core.DataFormatException} naming the source, the line or element, the field, the value and
 * the rule, and nothing is half-imported. Amounts and balances are at most 2^52 minor units of their currency (USD
 * 45,035,996,273,704.96), the bound of cash application.
 */
@NullMarked
package io.github.gridbill.reconcile.statement;

import org.jspecify.annotations.NullMarked;
