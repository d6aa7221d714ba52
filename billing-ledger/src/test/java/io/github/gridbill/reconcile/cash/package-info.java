/** Tests of {@code io.github.gridbill.reconcile.cash}. */
@NullMarked
package io.github.gridbill.reconcile.cash;

import org.jspecify.annotations.NullMarked;
