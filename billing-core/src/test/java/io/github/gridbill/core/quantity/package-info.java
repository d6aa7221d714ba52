/** Tests of {@code io.github.gridbill.core.quantity}. */
@NullMarked
package io.github.gridbill.core.quantity;

import org.jspecify.annotations.NullMarked;
