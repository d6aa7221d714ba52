package io.github.gridbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.money.Monies;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class AllocationBenchmarkTest {

  @Test
  void benchmarkInputAllocatesEveryMinorUnit() {
    AllocationBenchmark b = new AllocationBenchmark();
    b.parts = 12;
    b.setup();
    List<Money> parts = b.allocate();
    assertThat(parts).hasSize(12);
    assertThat(Monies.total(CurrencyUnit.USD, parts)).isEqualTo(b.amount);
  }
}
