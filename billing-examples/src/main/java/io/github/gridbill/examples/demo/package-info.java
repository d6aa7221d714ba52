/**
 * The end-to-end demonstration behind {@code gridbill demo}: a seeded company with an Indian and a US book, a month
 * of generated 15-minute data, a parallel bill run, invoices, a durable ledger, payments and reconciliation, and
 * reports on the terminal, as CSV and as one HTML page.
 */
@NullMarked
package io.github.gridbill.examples.demo;

import org.jspecify.annotations.NullMarked;
