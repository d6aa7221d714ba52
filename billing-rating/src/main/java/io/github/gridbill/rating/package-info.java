/**
 * The rating engine: interval meter data ({@link io.github.gridbill.rating.IntervalSeries}), compiled rating plans and
 * the rater.
 */
@NullMarked
package io.github.gridbill.rating;

import org.jspecify.annotations.NullMarked;
