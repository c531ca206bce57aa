/**
 * The swarm's use cases: terminals coming online with what they share, requests checked against
 * the balance and answered with a link, the holder list or the origin, signals and relayed pieces
 * kept between a link's two ends, reports matched and settled, misbehaving peers cut off, and the
 * charge before a stored content plays. Frames for terminals leave as {@link
 * org.cascade.swarm.application.TerminalMessage} events once their transaction commits.
 */
package org.cascade.swarm.application;
