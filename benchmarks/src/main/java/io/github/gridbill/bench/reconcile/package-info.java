/** JMH benchmarks of reconciliation: cash application of bank lines to open items; figures go to BENCHMARKS.md. */
@NullMarked
package io.github.gridbill.bench.reconcile;

import org.jspecify.annotations.NullMarked;
