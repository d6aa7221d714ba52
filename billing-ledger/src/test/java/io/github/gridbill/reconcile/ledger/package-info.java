/** Tests of {@code io.github.gridbill.reconcile.ledger}. */
@NullMarked
package io.github.gridbill.reconcile.ledger;

import org.jspecify.annotations.NullMarked;
