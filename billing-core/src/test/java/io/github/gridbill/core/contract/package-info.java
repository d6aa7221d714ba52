/** Tests of {@code io.github.gridbill.core.contract}. */
@NullMarked
package io.github.gridbill.core.contract;

import org.jspecify.annotations.NullMarked;
