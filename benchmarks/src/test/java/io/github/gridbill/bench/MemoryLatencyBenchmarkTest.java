package io.github.gridbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryLatencyBenchmarkTest {

  @Test
  void theTableIsOneCycleThroughEverySlot() {
    MemoryLatencyBenchmark b = new MemoryLatencyBenchmark();
    b.kib = 1;
    b.build();
    assertThat(b.next).hasSize(256);
    Set<Integer> seen = new HashSet<>();
    int p = 0;
    for (int i = 0; i < 256; i++) {
      assertThat(seen.add(p)).as("slot %d visited once", p).isTrue();
      p = b.next[p];
    }
    assertThat(p).isZero();
    assertThat(seen).hasSize(256);
    // LOADS is a multiple of the cycle's length, so a whole invocation comes back to where it started
    assertThat(b.dependentLoads()).isZero();
  }
}
