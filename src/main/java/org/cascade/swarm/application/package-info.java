/**
 * The swarm's use cases: terminals coming online and reporting what they hold and how they are
 * doing, kept in the table of online terminals.
 */
package org.cascade.swarm.application;
