/** The double-entry accounts-receivable ledger. */
@NullMarked
package io.github.gridbill.ledger;

import org.jspecify.annotations.NullMarked;
