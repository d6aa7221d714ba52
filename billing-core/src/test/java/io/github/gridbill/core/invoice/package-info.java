/** Tests of {@code io.github.gridbill.core.invoice}. */
@NullMarked
package io.github.gridbill.core.invoice;

import org.jspecify.annotations.NullMarked;
