/** JMH benchmarks of the format readers (Green Button, CSV): intervals per second and heap against file size. */
@NullMarked
package io.github.gridbill.bench.formats;

import org.jspecify.annotations.NullMarked;
