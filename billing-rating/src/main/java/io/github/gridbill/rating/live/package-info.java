/**
 * Live bill-to-date: an incremental rater that folds smart-meter readings as they arrive and gives, at any moment, the
 * bill as it stands, the bill projected to the cycle's end, and alerts.
 *
 * <p>Start with {@link io.github.gridbill.rating.live.LiveRater#of(io.github.gridbill.rating.RatingPlan)} and
 * {@link io.github.gridbill.rating.live.LiveRater#open(String, io.github.gridbill.rating.live.AccountSetup)}; feed the
 * account with {@link io.github.gridbill.rating.live.LiveAccount#ingest(java.time.Instant, long, long)}; ask it for
 * {@link io.github.gridbill.rating.live.LiveAccount#billToDate()},
 * {@link io.github.gridbill.rating.live.LiveAccount#project(io.github.gridbill.rating.live.ProjectionMethod)} and
 * {@link io.github.gridbill.rating.live.LiveAccount#alerts()}.
 *
 * <p>The live account is another source of meter data for the batch rater's bill assembler: it keeps, per key of TOU
 * periods, the sums and maxima the batch hot loop computes, and folds in time order what needs order. When every
 * reading of the cycle has arrived, in whatever order and batches, with duplicates, its bill-to-date equals the batch
 * bill exactly, lines and next state, for every tariff construct.
 */
@NullMarked
package io.github.gridbill.rating.live;

import org.jspecify.annotations.NullMarked;
