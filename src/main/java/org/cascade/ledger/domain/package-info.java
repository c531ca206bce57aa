/**
 * The double-entry ledger: accounts (a prepaid one never goes below zero), append-only
 * transactions whose entries sum to zero and post once per idempotency key, and the FIG. 12A
 * accounting records and FIG. 12B history records written for every posting on a prepaid
 * account. Money is integer yen ({@code long}); nothing near money is a floating-point number.
 */
package org.cascade.ledger.domain;
