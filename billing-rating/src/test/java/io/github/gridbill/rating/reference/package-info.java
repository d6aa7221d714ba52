/**
 * A small, obviously-correct reference rater written from {@code billing-rating/RATING.md} (per interval, BigDecimal,
 * no compilation), and the jqwik generators that feed it and the engine the same random tariffs and meter data.
 */
@NullMarked
package io.github.gridbill.rating.reference;

import org.jspecify.annotations.NullMarked;
