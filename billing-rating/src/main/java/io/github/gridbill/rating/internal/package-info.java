/**
 * Not API: the bridge between the rating engine's package-private internals and {@code io.github.gridbill.rating.live}.
 *
 * <p>The module does not export this package; on the class path its types are visible but carry no compatibility
 * promise. The live package keeps per-account state as it arrives and hands it to the engine's
 * {@link io.github.gridbill.rating.internal.LiveKernel}, which folds readings into the same per-key determinants the
 * batch rater sums, and assembles bills with the batch rater's own bill assembler.
 */
@NullMarked
package io.github.gridbill.rating.internal;

import org.jspecify.annotations.NullMarked;
