/**
 * Settlement with the financial institution (FIG. 1's terminal 8) and the center's reconciliation
 * of its records (charging data processing section 24, historical data processing section 26):
 * periods, runs and their payments, the settlement file, the institution's acknowledgement, and
 * the differences a reconciliation finds.
 */
package org.cascade.settlement.domain;
