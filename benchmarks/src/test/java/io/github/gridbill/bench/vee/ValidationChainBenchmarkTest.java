package io.github.gridbill.bench.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.rating.vee.CheckId;
import io.github.gridbill.rating.vee.Finding;
import io.github.gridbill.rating.vee.ValidationResult;
import io.github.gridbill.rating.vee.VeeResult;
import org.junit.jupiter.api.Test;

/** The VEE benchmark measures what it says, at a tiny size: the month's findings, and nothing in clean data. */
class ValidationChainBenchmarkTest {

  private static ValidationChainBenchmark bench(int days, String data) {
    ValidationChainBenchmark b = new ValidationChainBenchmark();
    b.days = days;
    b.data = data;
    b.setup();
    return b;
  }

  @Test
  void cleanDataHasNothingToFind() {
    ValidationChainBenchmark b = bench(2, "clean");
    ValidationResult r = b.validate();
    assertThat(r.findings()).isEmpty();
    assertThat(r.validCount()).isEqualTo(192);
    assertThat(b.normalizeAndValidate().findings()).isEmpty();
    assertThat(b.fullVee().isComplete()).isTrue();
    long sum = 0;
    for (int i = 0; i < 192; i++) {
      sum += b.readings.importAt(i);
    }
    assertThat(b.bareLoop()).isEqualTo(sum);
  }

  @Test
  void theAnomaliesAreFound() {
    ValidationChainBenchmark b = bench(31, "anomalies");
    assertThat(b.grid.count()).isEqualTo(2976);
    ValidationResult r = b.validate();
    assertThat(r.findings()).extracting(Finding::check).contains(CheckId.CLOCK_TOLERANCE,
        CheckId.DUPLICATE_IDENTICAL, CheckId.MISSING_INTERVALS, CheckId.NEGATIVE_IMPORT, CheckId.EVENT_POWER_OUTAGE,
        CheckId.EVENT_OVERFLOW, CheckId.SPIKE_PREVIOUS, CheckId.SPIKE_DAILY);
    assertThat(b.normalizeAndValidate().findings()).isEqualTo(r.findings());
    VeeResult v = b.fullVee();
    assertThat(v.isComplete()).isTrue();
    assertThat(v.estimations()).isNotEmpty();
  }
}
