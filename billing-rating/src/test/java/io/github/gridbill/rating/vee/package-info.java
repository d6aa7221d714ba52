/** Tests of validation, estimation, editing and rebilling. */
@NullMarked
package io.github.gridbill.rating.vee;

import org.jspecify.annotations.NullMarked;
