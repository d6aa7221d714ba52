/** Smoke tests of the VEE benchmarks. */
@NullMarked
package io.github.gridbill.bench.vee;

import org.jspecify.annotations.NullMarked;
