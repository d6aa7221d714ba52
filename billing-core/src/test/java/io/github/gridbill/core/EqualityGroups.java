package io.github.gridbill.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small stand-in for Guava's {@code EqualsTester}: objects in one group must be equal to each other (both ways) with
 * the same hash code, and unequal to every object of every other group, to {@code null} and to an unrelated object.
 *
 * <p>{@code EqualityGroups.create().group(a, sameAsA).group(b).verify();}
 */
public final class EqualityGroups {
  private final List<List<Object>> groups = new ArrayList<>();

  private EqualityGroups() {}

  /**
   * Starts an empty set of groups.
   *
   * @return the tester, never null
   */
  public static EqualityGroups create() {
    return new EqualityGroups();
  }

  /**
   * Adds a group of objects that must all be equal to each other.
   *
   * @param members the members, at least one
   * @return this tester
   */
  public EqualityGroups group(Object... members) {
    assertThat(members).as("an equality group needs at least one member").isNotEmpty();
    groups.add(Arrays.asList(members));
    return this;
  }

  /** Checks every pair of objects across all groups. */
  public void verify() {
    Object unrelated = new Object();
    for (int g = 0; g < groups.size(); g++) {
      for (int i = 0; i < groups.get(g).size(); i++) {
        Object a = groups.get(g).get(i);
        String name = "group " + g + " member " + i + " (" + a + ")";
        assertThat(a.equals(a)).as(name + " equals itself").isTrue();
        @SuppressWarnings("EqualsNull") // the contract under test
        boolean equalsNull = a.equals(null);
        assertThat(equalsNull).as(name + " equals null").isFalse();
        assertThat(a.equals(unrelated)).as(name + " equals an unrelated object").isFalse();
        assertThat(a.hashCode()).as(name + " hash code is stable").isEqualTo(a.hashCode());
        for (int h = 0; h < groups.size(); h++) {
          for (int j = 0; j < groups.get(h).size(); j++) {
            Object b = groups.get(h).get(j);
            String pair = name + " and group " + h + " member " + j + " (" + b + ")";
            if (g == h) {
              assertThat(a.equals(b)).as(pair + " should be equal").isTrue();
              assertThat(a.hashCode()).as(pair + " should have the same hash code").isEqualTo(b.hashCode());
            } else {
              assertThat(a.equals(b)).as(pair + " should not be equal").isFalse();
            }
          }
        }
      }
    }
  }
}
