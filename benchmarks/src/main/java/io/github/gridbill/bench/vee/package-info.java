/** JMH benchmarks of validation, estimation and editing (VEE); figures go to BENCHMARKS.md. */
@NullMarked
package io.github.gridbill.bench.vee;

import org.jspecify.annotations.NullMarked;
