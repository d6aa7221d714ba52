package io.github.gridbill.rating.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/** The shared pieces of {@link LiveAlert#describe(ZoneId)}: who, when (local wall clock with offset), numbers. */
final class AlertText {
  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx", Locale.ROOT);

  private AlertText() {}

  /** {@code "M-1 at 2024-07-11 00:00 -04:00: "} + what. */
  static String of(LiveAlert alert, ZoneId zone, String what) {
    Objects.requireNonNull(zone, "zone");
    return alert.accountId() + " at " + local(alert.asOf(), zone) + ": " + what;
  }

  /** An instant as the wall-clock minute in the zone with its offset: {@code 2024-07-11 00:00 -04:00}. */
  static String local(Instant at, ZoneId zone) {
    return LOCAL_MINUTE.format(at.atZone(zone));
  }

  /** A decimal without trailing zeros, never in exponent form: {@code 0.38}, {@code 20}. */
  static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  /** An enum constant in lower-case words: {@code RUN_RATE} → {@code run rate}. */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
