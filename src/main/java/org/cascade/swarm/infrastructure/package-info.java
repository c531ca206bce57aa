/** Where the swarm keeps its state: the table of online terminals in this server's memory. */
package org.cascade.swarm.infrastructure;
