/**
 * JMH benchmarks of live bill-to-date: ingesting readings into a million accounts of state; figures go to
 * BENCHMARKS.md.
 */
@NullMarked
package io.github.gridbill.bench.live;

import org.jspecify.annotations.NullMarked;
