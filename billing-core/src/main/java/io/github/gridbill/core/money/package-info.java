/**
 * Money toolkit on top of Joda-Money: totals with a currency check, allocation that assigns every minor unit, and
 * rounding with a declared {@link java.math.RoundingMode}.
 */
@NullMarked
package io.github.gridbill.core.money;

import org.jspecify.annotations.NullMarked;
