/** Tests that the format benchmarks' generated inputs are valid. */
@NullMarked
package io.github.gridbill.bench.formats;

import org.jspecify.annotations.NullMarked;
