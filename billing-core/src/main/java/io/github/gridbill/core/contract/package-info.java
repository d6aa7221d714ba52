/**
 * The contract model: customer accounts, service agreements, solar PPAs, leases, maintenance contracts and one-off
 * billables.
 */
@NullMarked
package io.github.gridbill.core.contract;

import org.jspecify.annotations.NullMarked;
