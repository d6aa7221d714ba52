/** Checks that the rating benchmarks' inputs produce the bills they claim to measure. */
@NullMarked
package io.github.gridbill.bench.rating;

import org.jspecify.annotations.NullMarked;
