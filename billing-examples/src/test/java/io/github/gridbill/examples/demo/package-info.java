/** Tests of the end-to-end demo. */
@NullMarked
package io.github.gridbill.examples.demo;

import org.jspecify.annotations.NullMarked;
