/** JPA persistence of stores and counter receipts. */
package org.cascade.store.infrastructure;
