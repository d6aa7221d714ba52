/** Smoke tests of the reconciliation benchmarks at tiny sizes. */
@NullMarked
package io.github.gridbill.bench.reconcile;

import org.jspecify.annotations.NullMarked;
