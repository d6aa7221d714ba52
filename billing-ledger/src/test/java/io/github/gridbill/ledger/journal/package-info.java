/** Tests of the journal stores. */
@NullMarked
package io.github.gridbill.ledger.journal;

import org.jspecify.annotations.NullMarked;
