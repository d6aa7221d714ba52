package io.github.gridbill.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunSetTest {

  /** Differential: RunSet accepts a range exactly when a BitSet of the accepted ranges has none of its points. */
  @Property(tries = 300)
  void agreesWithABitSetModel(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 120) Integer> starts,
      @ForAll @Size(max = 60) List<@IntRange(min = 1, max = 6) Integer> lengths,
      @ForAll boolean sortedFirst) {
    List<Integer> s = new java.util.ArrayList<>(starts);
    if (sortedFirst) {
      java.util.Collections.sort(s);
    }
    RunSet runs = new RunSet();
    BitSet model = new BitSet();
    for (int i = 0; i < s.size(); i++) {
      int a = s.get(i);
      int b = a + (lengths.isEmpty() ? 1 : lengths.get(i % lengths.size()));
      boolean free = model.get(a, b).isEmpty();
      assertThat(runs.add(a, b)).as("add [%d, %d)", a, b).isEqualTo(free);
      if (free) {
        model.set(a, b);
      }
    }
  }

  @Test
  void contiguousAppendsThenARepeat() {
    RunSet r = new RunSet();
    for (int i = 0; i < 1000; i++) {
      assertThat(r.add(i * 900L, (i + 1) * 900L)).isTrue();
    }
    assertThat(r.add(450_000L, 450_900L)).isFalse();
    assertThat(r.add(900_000L, 900_900L)).isTrue();
  }
}
