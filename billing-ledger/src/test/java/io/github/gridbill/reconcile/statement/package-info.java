/** Tests of {@code io.github.gridbill.reconcile.statement}. */
@NullMarked
package io.github.gridbill.reconcile.statement;

import org.jspecify.annotations.NullMarked;
