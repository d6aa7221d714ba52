/** Tests of {@code io.github.gridbill.reconcile.billing}. */
@NullMarked
package io.github.gridbill.reconcile.billing;

import org.jspecify.annotations.NullMarked;
