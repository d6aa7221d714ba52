/** Invoices: numbered documents whose total is the sum of their rounded lines. */
@NullMarked
package io.github.gridbill.core.invoice;

import org.jspecify.annotations.NullMarked;
