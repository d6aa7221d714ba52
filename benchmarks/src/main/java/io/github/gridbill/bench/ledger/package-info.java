/**
 * Benchmarks of the AR ledger ({@code io.github.gridbill.ledger}): in-memory postings, the file journal with group
 * commit, aging, and replaying a large journal. Figures and commands are in BENCHMARKS.md ("Ledger").
 */
@NullMarked
package io.github.gridbill.bench.ledger;

import org.jspecify.annotations.NullMarked;
