/**
 * Readers and writers for outside formats: OpenEI URDB tariffs ({@link io.github.gridbill.formats.UrdbReader},
 * {@link io.github.gridbill.formats.UrdbWriter}), Green Button / NAESB ESPI interval data
 * ({@link io.github.gridbill.formats.GreenButtonReader}) and CSV interval data
 * ({@link io.github.gridbill.formats.CsvIntervalReader}).
 */
@NullMarked
package io.github.gridbill.formats;

import org.jspecify.annotations.NullMarked;
