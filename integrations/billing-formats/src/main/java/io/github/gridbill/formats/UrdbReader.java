package io.github.gridbill.formats;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OpenEI Utility Rate Database (URDB) rate items into GridBill {@link Tariff}s.
 *
 * <p>Accepts a raw rate item (API v3 or v7/v8 field names), an API response {@code {"items": [...]}}, or an item
 * wrapped in a REopt POST ({@code Scenario.Site.ElectricTariff.urdb_response} or {@code ElectricTariff.urdb_response}).
 * What the item says becomes one {@link TariffVersion}:
 *
 * <ul>
 *   <li>{@code energyratestructure} with {@code energyweekdayschedule}/{@code energyweekendschedule} (12 × 24, 0-based
 *       periods) → an energy charge {@code "energy"}; each tier's charged rate is {@code rate + adj}, {@code max} is
 *       the tier bound in its {@code unit} ({@code kWh}, {@code kWh daily}, {@code kWh/kW}, {@code kWh/kW daily}),
 *       {@code sell} the tier's sell rate. A single period with all-zero schedules gives a charge without schedule;
 *       with a schedule, tiers count across all periods of the bill with proportional sharing (SAM's and REopt's
 *       reading).
 *   <li>{@code demandratestructure} with its schedules → a TOU demand charge {@code "demand-tou"} in kW tiers.
 *   <li>{@code flatdemandstructure} + {@code flatdemandmonths} → a flat demand charge {@code "demand-flat"}, with a
 *       schedule whose period depends only on the month when the months use more than one period.
 *   <li>{@code lookbackpercent}/{@code lookbackmonths}/{@code lookbackrange} or {@code demandratchetpercentage} → a
 *       {@link io.github.gridbill.core.tariff.Ratchet} on peak demand that the flat demand charge bills.
 *   <li>{@code fixedmonthlycharge}, or {@code fixedchargefirstmeter} + {@code fixedchargeunits} ({@code $/month} per
 *       bill, {@code $/day} per day) → a fixed charge {@code "fixed"}; {@code minmonthlycharge},
 *       {@code annualmincharge}, {@code mincharge} + {@code minchargeunits} → the minimum charge.
 *   <li>{@code dgrules} ({@code Net Metering}, {@code Net Billing Instantaneous}/{@code Hourly}, {@code Buy All Sell
 *       All}) or v3 {@code usenetmetering} → the net-metering rule.
 *   <li>{@code startdate}/{@code enddate} (epoch seconds) → effective dates; {@code label}, {@code name},
 *       {@code utility}, {@code sector} → the tariff's identity.
 * </ul>
 *
 * <p>Everything else that prices a bill ({@code coincidentratestructure}, {@code demandreactivepowercharge}, free-text
 * {@code energyattrs}/{@code demandattrs}/{@code fixedattrs} and comments, demand in kVA, unknown units or fields) is
 * listed in {@link UrdbImport#notCarried()}, never dropped in silence; choices the item leaves open are listed in
 * {@link UrdbImport#assumptions()}. Provenance and applicability fields ({@code uri}, {@code source},
 * {@code sourceparent}, {@code eiaid}, {@code revisions}, {@code approved}, {@code supersedes}, {@code country},
 * {@code description}, {@code is_default}, {@code servicetype}, {@code phasewiring}, {@code voltage*},
 * {@code peakkw*}, {@code peakkwh*}) do not price a bill and are not reported.
 *
 * <p>URDB has no time zone: the caller gives it, and the currency (USD unless set). A malformed item (a tier without
 * {@code rate}, a schedule naming a period the structure lacks, a wrong matrix shape) is refused with a
 * {@link DataFormatException} naming the source, the JSON path, the field and the value; nothing is half-imported.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UrdbReader {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final ZoneId zone;
  private final CurrencyUnit currency;
  private final LocalDate defaultEffectiveFrom;
  private final String defaultId;

  private UrdbReader(ZoneId zone, CurrencyUnit currency, LocalDate defaultEffectiveFrom, String defaultId) {
    this.zone = zone;
    this.currency = currency;
    this.defaultEffectiveFrom = defaultEffectiveFrom;
    this.defaultId = defaultId;
  }

  /**
   * A reader for tariffs evaluated in a zone, in US dollars: {@code UrdbReader.forZone(ZoneId.of("America/New_York"))}.
   *
   * @param zone the tariff's zone (URDB does not state it), not null
   * @return the reader, never null
   */
  public static UrdbReader forZone(ZoneId zone) {
    return new UrdbReader(Objects.requireNonNull(zone, "zone"), CurrencyUnit.USD, LocalDate.EPOCH, "urdb-tariff");
  }

  /**
   * A copy of this reader with another currency. This instance is immutable and unaffected by this method.
   *
   * @param currency the currency of every rate, for example USD, not null
   * @return the reader, never null
   */
  public UrdbReader withCurrency(CurrencyUnit currency) {
    return new UrdbReader(zone, Objects.requireNonNull(currency, "currency"), defaultEffectiveFrom, defaultId);
  }

  /**
   * A copy of this reader with the effective date used when an item has no {@code startdate} (1970-01-01 unless set).
   * This instance is immutable and unaffected by this method.
   *
   * @param date the date, for example 2024-01-01, not null
   * @return the reader, never null
   */
  public UrdbReader withDefaultEffectiveFrom(LocalDate date) {
    return new UrdbReader(zone, currency, Objects.requireNonNull(date, "date"), defaultId);
  }

  /**
   * A copy of this reader with the tariff id used when an item has no {@code label} ({@code "urdb-tariff"} unless set).
   * This instance is immutable and unaffected by this method.
   *
   * @param id the id, for example {@code "multi-tier"}, not null
   * @return the reader, never null
   */
  public UrdbReader withDefaultId(String id) {
    return new UrdbReader(zone, currency, defaultEffectiveFrom, Objects.requireNonNull(id, "id"));
  }

  /**
   * Reads the one rate item of a file.
   *
   * @param file the JSON file, not null
   * @return the import, never null
   * @throws DataFormatException if the file is not JSON, holds no rate item or several, or the item is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public UrdbImport read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the one rate item of a JSON text.
   *
   * @param sourceName the name used in errors, for example {@code "tariff.json"}, not null
   * @param json the JSON text, not null
   * @return the import, never null
   * @throws DataFormatException if the text is not JSON, holds no rate item or several, or the item is malformed
   */
  public UrdbImport read(String sourceName, String json) {
    Objects.requireNonNull(json, "json");
    return read(sourceName, new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads the one rate item of a JSON stream (the stream is read to its end, not closed).
   *
   * @param sourceName the name used in errors, not null
   * @param in the stream, not null
   * @return the import, never null
   * @throws DataFormatException if the stream is not JSON, holds no rate item or several, or the item is malformed
   */
  public UrdbImport read(String sourceName, InputStream in) {
    List<UrdbImport> all = readAll(sourceName, in);
    if (all.size() != 1) {
      throw new DataFormatException(sourceName, "$.items", "items", all.size() + " items",
          "must hold exactly one rate item for read(); use readAll()");
    }
    return all.get(0);
  }

  /**
   * Reads every rate item of a file: one for a raw item or a REopt POST, all of them for {@code {"items": [...]}} or a
   * JSON array. Either all items are returned or an exception is thrown.
   *
   * @param file the JSON file, not null
   * @return the imports in file order, never null
   * @throws DataFormatException if the file is not JSON or an item is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<UrdbImport> readAll(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return readAll(file.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses JSON; every failure is a {@link DataFormatException} naming the source and, where known, line and column.
   * A number past {@code BigDecimal}'s range ({@code 1e+3922337203685477580}) fails while parsing with a
   * {@link NumberFormatException} that is not one of Jackson's exceptions, and is reported the same way.
   */
  static JsonNode parse(String sourceName, InputStream in) {
    try {
      return MAPPER.readTree(in);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "$"
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new DataFormatException(
          sourceName, where, "json", null, "must be well-formed JSON (" + e.getOriginalMessage() + ")", e);
    } catch (NumberFormatException e) {
      throw new DataFormatException(sourceName, "$", "json", null,
          "must be well-formed JSON with numbers in range (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads every rate item of a JSON stream (the stream is read to its end, not closed).
   *
   * @param sourceName the name used in errors, not null
   * @param in the stream, not null
   * @return the imports in order, never null
   * @throws DataFormatException if the stream is not JSON or an item is malformed
   */
  public List<UrdbImport> readAll(String sourceName, InputStream in) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(in, "in");
    JsonNode root = parse(sourceName, in);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new DataFormatException(sourceName, "$", "json", null, "must hold a URDB rate item");
    }
    List<UrdbImport> out = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        out.add(readItem(sourceName, root.get(i), "$[" + i + "]", List.of()));
      }
      return List.copyOf(out);
    }
    if (!root.isObject()) {
      throw new DataFormatException(sourceName, "$", "json", root.getNodeType(), "must be an object or an array");
    }
    if (root.has("items") && !root.has("energyratestructure")) {
      JsonNode items = root.get("items");
      if (!items.isArray()) {
        throw new DataFormatException(sourceName, "$.items", "items", items.getNodeType(), "must be an array");
      }
      for (int i = 0; i < items.size(); i++) {
        out.add(readItem(sourceName, items.get(i), "$.items[" + i + "]", List.of()));
      }
      return List.copyOf(out);
    }
    JsonNode tariffNode = null;
    String tariffPath = null;
    if (root.has("Scenario")) {
      tariffNode = root.path("Scenario").path("Site").path("ElectricTariff");
      tariffPath = "$.Scenario.Site.ElectricTariff";
    } else if (root.has("ElectricTariff")) {
      tariffNode = root.path("ElectricTariff");
      tariffPath = "$.ElectricTariff";
    }
    if (tariffNode == null || tariffPath == null) {
      out.add(readItem(sourceName, root, "$", List.of()));
      return List.copyOf(out);
    }
    if (!tariffNode.isObject()) {
      throw new DataFormatException(sourceName, tariffPath, "ElectricTariff", tariffNode.getNodeType(),
          "must be an object holding urdb_response (a REopt POST)");
    }
    JsonNode item = tariffNode.get("urdb_response");
    if (item == null || !item.isObject()) {
      throw new DataFormatException(sourceName, tariffPath + ".urdb_response", "urdb_response",
          item == null ? null : item.getNodeType(),
          "must be present: the REopt POST must carry the URDB item itself "
              + "(a urdb_label alone cannot be read offline)");
    }
    List<NotCarried> wrapperNotes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : tariffNode.properties()) {
      String k = e.getKey();
      if (k.equals("urdb_response") || k.equals("urdb_label") || k.equals("urdb_utility_name")
          || k.equals("urdb_rate_name") || isInert(e.getValue())) {
        continue;
      }
      wrapperNotes.add(NotCarried.of(tariffPath + "." + k, "REopt input " + k + " = " + e.getValue(),
          "a REopt modelling option, not part of the URDB item"));
    }
    out.add(readItem(sourceName, item, tariffPath + ".urdb_response", wrapperNotes));
    return List.copyOf(out);
  }

  private static boolean isInert(JsonNode v) {
    return v.isNull() || (v.isBoolean() && !v.booleanValue()) || (v.isNumber() && v.decimalValue().signum() == 0)
        || (v.isString() && v.stringValue().isEmpty());
  }

  private UrdbImport readItem(String sourceName, JsonNode item, String itemPath, List<NotCarried> wrapperNotes) {
    if (!item.isObject()) {
      throw new DataFormatException(sourceName, itemPath, "item", item.getNodeType(), "must be a URDB rate object");
    }
    UrdbItemParser p = new UrdbItemParser(sourceName, itemPath, item, zone, currency, defaultEffectiveFrom, defaultId);
    try {
      Tariff tariff = p.parse();
      List<NotCarried> notes = new ArrayList<>(wrapperNotes);
      notes.addAll(p.notCarried());
      return UrdbImport.builder()
          .source(sourceName)
          .itemPath(itemPath)
          .tariff(tariff)
          .notCarried(notes)
          .assumptions(p.assumptions())
          .build();
    } catch (DataFormatException e) {
      throw e;
    } catch (BillingException e) {
      // a model rule the item breaks that the parser did not name more precisely
      throw new DataFormatException(sourceName, itemPath, e.field(), e.value(), e.reason(), e);
    }
  }
}
