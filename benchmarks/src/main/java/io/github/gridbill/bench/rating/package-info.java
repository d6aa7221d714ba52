/** JMH benchmarks of rating, year-long rating with precompiled plans, and bill runs; figures go to BENCHMARKS.md. */
@NullMarked
package io.github.gridbill.bench.rating;

import org.jspecify.annotations.NullMarked;
