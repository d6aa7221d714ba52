package io.github.gridbill.bench.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ssc benchmark rates what it says: 33 cases, a year each, all of them also by the reference rater. */
class SscCasesBenchmarkTest {

  @Test
  void everyCaseSscRatesIsAYearOfBillsAndTheReferenceSubsetAgreesToTheCent() {
    SscCasesBenchmark b = new SscCasesBenchmark();
    b.setup();
    assertThat(b.all).hasSize(33);
    // 8,760 hourly or 35,040 quarter-hourly intervals per case-year
    assertThat(b.all).allSatisfy(c -> assertThat(c.intervals()).isIn(8760, 35_040));
    assertThat(b.intervalsAll).isEqualTo(b.all.stream().mapToLong(SscCasesBenchmark.Case::intervals).sum());
    // setup keeps only cases where the reference rater gives every monthly total the engine gives: every case, with
    // its real tariff and its imported initial state
    assertThat(b.notCompared).isEmpty();
    assertThat(b.referenceCases).hasSize(33);
    assertThat(b.intervalsReference).isEqualTo(b.intervalsAll);
    assertThat(b.engineReferenceCases()).isEqualTo(b.referenceRater());
    assertThat(b.engineAllCases()).isNotZero();
  }
}
