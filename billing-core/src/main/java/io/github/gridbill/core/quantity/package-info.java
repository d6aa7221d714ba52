/**
 * Exact, unit-safe quantities: energy and power as fixed-point {@code long}s, and a generic quantity with a unit for
 * invoice lines.
 */
@NullMarked
package io.github.gridbill.core.quantity;

import org.jspecify.annotations.NullMarked;
