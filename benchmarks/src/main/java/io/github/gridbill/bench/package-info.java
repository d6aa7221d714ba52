/** JMH benchmarks; see BENCHMARKS.md for the figures and the commands that produced them. */
@NullMarked
package io.github.gridbill.bench;

import org.jspecify.annotations.NullMarked;
