package io.github.gridbill.examples.demo;

import io.github.gridbill.rating.run.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The entry point of the end-to-end demo ({@code gridbill demo}). */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo and prints its results; writes the ledgers, statements and reports under {@code folder}.
   *
   * @param accounts how many accounts, 1 to 1,000,000
   * @param seed the seed (the same seed makes the same company)
   * @param threads rating threads, 1 to 256
   * @param folder the folder for ledgers, statements and reports; created if absent, reused (idempotently) if not
   * @param out where the results are printed
   * @param progressBar whether to draw a progress bar in place (on a terminal)
   */
  public static void run(int accounts, long seed, int threads, Path folder, PrintWriter out, boolean progressBar) {
    DemoScenario s = DemoScenario.of(accounts, seed, threads);
    ProgressListener p = DemoRun.progressBar(out, progressBar);
    new DemoRun(s, folder, out, p).run();
  }
}
