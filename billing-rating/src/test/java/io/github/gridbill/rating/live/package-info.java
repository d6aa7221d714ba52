/** Tests of {@code io.github.gridbill.rating.live}. */
@NullMarked
package io.github.gridbill.rating.live;

import org.jspecify.annotations.NullMarked;
