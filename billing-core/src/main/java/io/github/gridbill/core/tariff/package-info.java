/**
 * The immutable tariff model: effective-dated versions of fixed, energy, demand, net-metering, minimum, rider, tax and
 * demand-response components.
 */
@NullMarked
package io.github.gridbill.core.tariff;

import org.jspecify.annotations.NullMarked;
