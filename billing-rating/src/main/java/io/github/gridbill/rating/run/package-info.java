/**
 * Bill runs: rating many accounts for a cycle in parallel inside one JVM, with deterministic results in input order,
 * bounded in-flight work, a progress callback, per-account failures collected with their reason, and a shared cache
 * of compiled rating plans.
 *
 * <p>Start with {@link io.github.gridbill.rating.run.BillRun#builder()}.
 */
@NullMarked
package io.github.gridbill.rating.run;

import org.jspecify.annotations.NullMarked;
