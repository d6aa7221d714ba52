/** Tests of {@code io.github.gridbill.core}. */
@NullMarked
package io.github.gridbill.core;

import org.jspecify.annotations.NullMarked;
