/** The runnable {@code gridbill} command and the embedding examples. */
@NullMarked
package io.github.gridbill.examples;

import org.jspecify.annotations.NullMarked;
