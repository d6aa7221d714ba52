package io.github.gridbill.rating;

/** Per-key integer determinants of one segment, filled by the rater's hot loop. */
final class SegmentTotals {
  final long[] imp;
  final long[] exp;
  final long[] netImp;
  final long[] netExp;
  final long[] maxImp;
  final int[] maxImpIndex;
  final int[] nonActual;
  final int[] methodMask;
  /** Per run (same order as the plan's runs): sums of import, net import, export, net export. */
  final long[] runImp;
  final long[] runNetImp;
  final long[] runExp;
  final long[] runNetExp;

  SegmentTotals(int keys, int runs) {
    runImp = new long[runs];
    runNetImp = new long[runs];
    runExp = new long[runs];
    runNetExp = new long[runs];
    imp = new long[keys];
    exp = new long[keys];
    netImp = new long[keys];
    netExp = new long[keys];
    maxImp = new long[keys];
    maxImpIndex = new int[keys];
    nonActual = new int[keys];
    methodMask = new int[keys];
    java.util.Arrays.fill(maxImpIndex, -1);
  }
}
