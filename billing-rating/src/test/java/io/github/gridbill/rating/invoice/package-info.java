/** Tests of {@code io.github.gridbill.rating.invoice}. */
@NullMarked
package io.github.gridbill.rating.invoice;

import org.jspecify.annotations.NullMarked;
