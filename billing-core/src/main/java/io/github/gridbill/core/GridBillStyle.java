package io.github.gridbill.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every GridBill value type.
 *
 * <p>An abstract definition named {@code FooDef} (package-private) generates the public, final, immutable class
 * {@code Foo} with {@code Foo.builder()}, {@code withX(...)} copy methods and, where the definition marks parameters,
 * {@code Foo.of(...)}. Collections are JDK-only; list builders are singular ({@code addTier}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "*Def",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {"tax:taxes", "entry:entries", "property:properties", "ratchet:ratchets", "match:matches"},
    optionalAcceptNullable = false,
    allParameters = false)
public @interface GridBillStyle {}
