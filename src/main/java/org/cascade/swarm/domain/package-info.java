/**
 * Terminals distributing contents to each other (spec FIG. 6–11): the pieces a content is cut
 * into, what a terminal reports of itself, and the fee rule by which a reception is charged and
 * shared — in proportion to the bytes that arrived, exact to the yen however the transfer was
 * split between distributors and interruptions.
 */
package org.cascade.swarm.domain;
