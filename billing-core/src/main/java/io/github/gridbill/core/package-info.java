/** Typed errors and the shared value-type style of GridBill. */
@NullMarked
package io.github.gridbill.core;

import org.jspecify.annotations.NullMarked;
