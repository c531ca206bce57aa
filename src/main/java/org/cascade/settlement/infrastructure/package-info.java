/** The JPA repository of runs and payments, and the daily schedule. */
package org.cascade.settlement.infrastructure;
