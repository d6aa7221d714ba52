/**
 * GridBill formats: OpenEI URDB tariffs (JSON, read and write), Green Button / NAESB ESPI interval data (XML,
 * streaming) and CSV interval data with a declared column mapping.
 */
module io.github.gridbill.formats {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive io.github.gridbill.core;
  requires transitive io.github.gridbill.rating;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires tools.jackson.dataformat.csv;
  requires java.xml;

  exports io.github.gridbill.formats;
}
