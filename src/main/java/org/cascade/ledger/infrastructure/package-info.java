/** JPA persistence of the ledger; accounts are locked with {@code SELECT … FOR UPDATE} in id order. */
package org.cascade.ledger.infrastructure;
