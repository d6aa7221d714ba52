/** Tests of {@code io.github.gridbill.core.tariff}. */
@NullMarked
package io.github.gridbill.core.tariff;

import org.jspecify.annotations.NullMarked;
