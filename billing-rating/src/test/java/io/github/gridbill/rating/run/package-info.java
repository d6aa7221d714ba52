/** Tests of {@code io.github.gridbill.rating.run}. */
@NullMarked
package io.github.gridbill.rating.run;

import org.jspecify.annotations.NullMarked;
