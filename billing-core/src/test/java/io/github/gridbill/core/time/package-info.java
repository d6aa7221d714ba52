/** Tests of {@code io.github.gridbill.core.time}. */
@NullMarked
package io.github.gridbill.core.time;

import org.jspecify.annotations.NullMarked;
