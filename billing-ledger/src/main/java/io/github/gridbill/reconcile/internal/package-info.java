/**
 * Internal helpers of the reconciliation packages (RFC 4180 CSV reading and writing). Not exported by the module and
 * not part of the API: may change without notice.
 */
@NullMarked
package io.github.gridbill.reconcile.internal;

import org.jspecify.annotations.NullMarked;
