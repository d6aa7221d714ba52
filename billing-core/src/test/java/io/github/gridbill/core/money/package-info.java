/** Tests of {@code io.github.gridbill.core.money}. */
@NullMarked
package io.github.gridbill.core.money;

import org.jspecify.annotations.NullMarked;
