/**
 * Stores and their counters: the store, the receipt each counter operation leaves (the store
 * terminal's journal) and the daily report that checks those receipts against the ledger.
 */
package org.cascade.store.domain;
