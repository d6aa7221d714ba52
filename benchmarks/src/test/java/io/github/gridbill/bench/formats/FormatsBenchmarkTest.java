package io.github.gridbill.bench.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FormatsBenchmarkTest {

  @Test
  void generatedGreenButtonFeedReadsCompletely() throws Exception {
    GreenButtonImportBenchmark b = new GreenButtonImportBenchmark();
    b.meters = 3;
    b.intervals = 200;
    b.setup();
    try {
      assertThat(b.readFeed()).isEqualTo(600);
      assertThat(b.bareStaxValues()).isPositive();
    } finally {
      b.tearDown();
    }
  }

  @Test
  void generatedCsvReadsCompletely() throws IOException {
    CsvImportBenchmark b = new CsvImportBenchmark();
    b.meters = 3;
    b.intervals = 200;
    b.setup();
    try {
      assertThat(b.readCsv()).isEqualTo(600);
      assertThat(b.bareLineSplit()).isEqualTo(3 * 601);
    } finally {
      b.tearDown();
    }
  }
}
