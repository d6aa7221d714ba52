/** Tests of the ledger. */
@NullMarked
package io.github.gridbill.ledger;

import org.jspecify.annotations.NullMarked;
