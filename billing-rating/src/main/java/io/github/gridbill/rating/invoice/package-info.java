/**
 * Invoice assembly: rated bills plus contract items (solar PPAs, leases, maintenance contracts, one-off charges) and
 * their taxes, numbered from a gap-free {@link io.github.gridbill.rating.invoice.InvoiceNumberSequence}, into the core
 * {@link io.github.gridbill.core.invoice.Invoice}.
 *
 * <p>Start with {@link io.github.gridbill.rating.invoice.InvoiceAssembler#builder()}.
 */
@NullMarked
package io.github.gridbill.rating.invoice;

import org.jspecify.annotations.NullMarked;
