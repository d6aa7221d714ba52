/**
 * Billing time: periods as local dates in a zone, DST-correct interval grids, day types, holiday calendars and seasons.
 */
@NullMarked
package io.github.gridbill.core.time;

import org.jspecify.annotations.NullMarked;
