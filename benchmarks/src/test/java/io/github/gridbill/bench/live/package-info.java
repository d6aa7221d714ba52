/** Checks that the live benchmarks measure what they say, at a tiny size. */
@NullMarked
package io.github.gridbill.bench.live;

import org.jspecify.annotations.NullMarked;
