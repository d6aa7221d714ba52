/** Tests of {@code io.github.gridbill.reconcile.internal}. */
@NullMarked
package io.github.gridbill.reconcile.internal;

import org.jspecify.annotations.NullMarked;
