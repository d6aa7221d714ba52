/**
 * Readers and writers for outside formats.
 *
 * <ul>
 *   <li>{@link io.github.gridbill.formats.UrdbReader} reads OpenEI URDB rate items (raw, API responses or inside a
 *       REopt POST) into a {@link io.github.gridbill.core.tariff.Tariff}, listing what it cannot carry
 *       ({@link io.github.gridbill.formats.NotCarried}) and what it assumed
 *       ({@link io.github.gridbill.formats.Assumption}); {@link io.github.gridbill.formats.UrdbWriter} writes a
 *       tariff version back for the constructs URDB can express.
 *   <li>{@link io.github.gridbill.formats.GreenButtonReader} streams Green Button (NAESB ESPI) feeds into one
 *       {@link io.github.gridbill.rating.IntervalSeries} per usage point, or a typed reason why a usage point is not
 *       interval electricity.
 *   <li>{@link io.github.gridbill.formats.CsvIntervalReader} streams CSV interval data through a declared
 *       {@link io.github.gridbill.formats.CsvMapping}.
 *   <li>{@link io.github.gridbill.formats.GridBillTariffJsonWriter} and
 *       {@link io.github.gridbill.formats.GridBillTariffJsonReader} write and read GridBill's own tariff JSON
 *       ({@code gridbill-tariff/1}), the lossless form of a {@link io.github.gridbill.core.tariff.Tariff}.
 * </ul>
 *
 * <p>Every reader names the source, the location (JSON path or line), the field and the value of what is wrong in a
 * {@link io.github.gridbill.core.DataFormatException}, and hands over nothing when it throws.
 *
 * <pre>{@code
 * UrdbImport urdb = UrdbReader.forZone(ZoneId.of("America/Los_Angeles")).read(Path.of("pge-e19.json"));
 * Tariff tariff = urdb.tariff();
 * urdb.notCarried().forEach(n -> log.warn("not carried: {}", n));
 * GreenButtonReader.create().read(Path.of("feed.xml"), usagePoint -> usagePoint.series().ifPresentOrElse(
 *     series -> bills.add(rate(tariff, series)),
 *     () -> log.warn("{}: {}", usagePoint.usagePoint(), usagePoint.reasons())));
 * }</pre>
 */
@NullMarked
package io.github.gridbill.formats;

import org.jspecify.annotations.NullMarked;
