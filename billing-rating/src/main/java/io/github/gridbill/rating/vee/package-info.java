/**
 * Validation, estimation and editing (VEE) of interval meter data before it is billed, and cancel/rebill when actual
 * data later replaces estimates.
 *
 * <p>The pipeline, run by {@link io.github.gridbill.rating.vee.Vee}:
 * <ol>
 *   <li><b>Normalise</b> raw head-end readings ({@link io.github.gridbill.rating.vee.RawReading}: start, duration,
 *       values, meter event flags, in arrival order) onto an interval grid
 *       ({@link io.github.gridbill.rating.vee.GridReadings}), reporting readings off the grid or outside the clock
 *       tolerance, of the wrong interval size, duplicated (identical or conflicting values) or overlapping.</li>
 *   <li><b>Validate</b> with a configurable {@link io.github.gridbill.rating.vee.ValidationChain} of
 *       {@link io.github.gridbill.rating.vee.ValidationCheck}s that produce
 *       {@link io.github.gridbill.rating.vee.Finding}s (never exceptions); a check whose severity is
 *       {@link io.github.gridbill.rating.vee.Severity#FAILURE} rejects the intervals it flags.</li>
 *   <li><b>Estimate</b> missing and rejected intervals with an
 *       {@link io.github.gridbill.rating.vee.EstimationPlan}: {@link io.github.gridbill.rating.vee.EstimationStep}s in
 *       a declared order of preference, each produced interval carrying a
 *       {@link io.github.gridbill.rating.ReadingQuality} and {@link io.github.gridbill.rating.EstimationMethod}.</li>
 *   <li><b>Edit</b> and keep every version: {@link io.github.gridbill.rating.vee.ReadingVersionStore} is an immutable,
 *       append-only store of reading versions per meter, the one in force chosen by an
 *       {@link io.github.gridbill.rating.vee.InForceRule}.</li>
 *   <li><b>Rebill</b>: {@link io.github.gridbill.rating.vee.Rebill} re-rates a period with corrected data and gives
 *       the difference as lines a credit or debit note can carry.</li>
 * </ol>
 *
 * <p><b>Sources.</b> The checks, methods and words follow published practice; every threshold is a parameter with a
 * documented default, and where a source gives no number the default is GridBill's own and says so.
 * <ul>
 *   <li>IESO Smart Metering Entity, <i>Validation, Estimation and Editing Standard for the Ontario Smart Metering
 *       System</i> (MDM/R, IESO_STD_0078, issue 4.3, 2013, with its Appendix A of VEE parameters): the overall
 *       validate, estimate, edit flow and the use of meter event flags; its parameter values are published for LDCs
 *       only and were not available, so no default here claims to be an MDM/R value.</li>
 *   <li>Oracle Utilities Meter Data Management, VEE rules (administrative user guide, "Validation VEE Rules"):
 *       Interval Spike Check (highest against third-highest interval, per 24 hours), High/Low Check (average daily
 *       usage against history), Sum Check (interval total against a related register within a tolerance), Zero
 *       Consumption Check (with an outage variant), Negative Consumption Check, Duplicate IMD Check, Interval Size
 *       Validation, Multiplier Check.</li>
 *   <li>Itron Enterprise Edition MDM documentation: Demand Tolerance Consecutive Intervals (an interval against the
 *       last valid one), Demand High and Low Limits, Linear Interpolation (a user-defined maximum gap, straight line
 *       between the valid intervals either side), Historical estimation (interval-by-interval averages over the
 *       nearest like days; days with power outage, estimated or missing intervals are not eligible as like days), and
 *       scaling estimated intervals so the total meets the boundary register reads.</li>
 *   <li>AEMO, <i>Metrology Procedure: Part B</i> and the MDFF (NEM12) specification: quality flags A (actual),
 *       S (substituted), F (final substituted), E (forward estimate), N (null) and method flags such as 14 (like day),
 *       15 (average like day), 17 (linear), 19 (zero) and 24 (data scaling); see
 *       {@link io.github.gridbill.rating.vee.AemoFlags}.</li>
 *   <li>California Direct Access Standards for Metering and Meter Data (DASMMD), interval data VEE rules: time check,
 *       power outage, time reset and data overflow flags, sum check on the billing cycle.</li>
 * </ul>
 */
@NullMarked
package io.github.gridbill.rating.vee;

import org.jspecify.annotations.NullMarked;
