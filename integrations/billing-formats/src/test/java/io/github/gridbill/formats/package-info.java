/** Tests of the format readers and writers. */
@NullMarked
package io.github.gridbill.formats;

import org.jspecify.annotations.NullMarked;
