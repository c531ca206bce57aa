/**
 * Terminals distributing contents to each other (spec FIG. 6–11): the pieces a content is cut
 * into, what an online terminal claims and the center saw it verify, distributor selection, the
 * links the center brokers with both ends' reports (history matching), the distributors cut off
 * for pieces that failed verification, and the fee rule by which a reception is charged and
 * shared — in proportion to the bytes that arrived, exact to the yen however the transfer was
 * split between distributors and interruptions.
 */
package org.cascade.swarm.domain;
