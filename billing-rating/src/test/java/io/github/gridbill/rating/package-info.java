/** Tests of the rating engine. */
@NullMarked
package io.github.gridbill.rating;

import org.jspecify.annotations.NullMarked;
