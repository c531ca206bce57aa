/**
 * What the center tells the machines that run and watch it: MicroProfile health checks (live:
 * the application answers; ready: the database answers too) and metrics (terminals online,
 * transfers by path, bytes delivered by path, ledger postings by kind). The operator's console
 * for machines, beside the operator's pages in {@code console.web}; it reads the other contexts
 * through their application services and events only.
 */
package org.cascade.console.infrastructure;
