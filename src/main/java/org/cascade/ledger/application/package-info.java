/** Posting and reversing transactions, reading records and checking the ledger's invariants. */
package org.cascade.ledger.application;
