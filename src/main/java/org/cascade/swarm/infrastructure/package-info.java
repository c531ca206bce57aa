/** Where the swarm keeps its state: receptions in the database, the table of online terminals in this server's memory. */
package org.cascade.swarm.infrastructure;
