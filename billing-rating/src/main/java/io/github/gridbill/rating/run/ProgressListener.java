package io.github.gridbill.rating.run;

/**
 * Told after each account of a bill run is delivered: {@code (done, total)}, for example {@code (1500, 100000)}.
 *
 * <p>Called once per account, on the thread that called the run, in input order, so {@code done} goes 1, 2, ...,
 * {@code total} with no repeat and no gap; an implementation needs no synchronisation. {@code total} is
 * {@value #UNKNOWN_TOTAL} when the input does not know its size (an {@link java.util.Iterator}, or a {@link
 * java.util.stream.Stream} whose spliterator is not SIZED, as {@link java.util.Spliterator#getExactSizeIfKnown()}
 * reports). A listener that throws stops the run.
 */
@FunctionalInterface
public interface ProgressListener {

  /** The {@code total} reported when the input's size is unknown. */
  long UNKNOWN_TOTAL = -1;

  /** A listener that does nothing. */
  ProgressListener NONE = (done, total) -> { };

  /**
   * One more account was delivered.
   *
   * @param done accounts delivered so far, rated or failed, from 1
   * @param total accounts in the run, or {@link #UNKNOWN_TOTAL}
   */
  void onProgress(long done, long total);
}
