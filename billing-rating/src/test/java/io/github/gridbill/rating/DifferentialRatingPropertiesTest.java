package io.github.gridbill.rating;

/**
 * Runs {@link DifferentialRatingProperties} in a plain {@code mvn verify}: surefire's default includes select
 * {@code *Test}, {@code Test*}, {@code *Tests} and {@code *TestCase} classes, not {@code *Properties}; jqwik runs the
 * inherited properties here. (If the build adds {@code **}{@code /*Properties.java} to surefire's includes, delete this
 * class, or every property runs twice.)
 */
class DifferentialRatingPropertiesTest extends DifferentialRatingProperties {}
