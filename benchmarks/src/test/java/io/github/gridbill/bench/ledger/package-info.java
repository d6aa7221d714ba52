/** Smoke tests of the ledger benchmarks at tiny sizes. */
@NullMarked
package io.github.gridbill.bench.ledger;

import org.jspecify.annotations.NullMarked;
