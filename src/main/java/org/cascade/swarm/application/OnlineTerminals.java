package org.cascade.swarm.application;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * The table of online terminals. One interface on purpose (see DESIGN, Running and scaling):
 * today it lives in this server's memory; with several instances a shared one takes its place
 * without the rest of the code changing.
 */
public interface OnlineTerminals {

    void joined(TerminalPresence terminal);

    /** A heartbeat; false when the terminal is not (or no longer) online. */
    boolean heard(String terminalId, CommunicationState state);

    /** Applies a change to an online terminal; nothing when it is not online. */
    void update(String terminalId, UnaryOperator<TerminalPresence> change);

    void left(String terminalId);

    Optional<TerminalPresence> find(String terminalId);

    /** Every online terminal, the longest connected first. */
    List<TerminalPresence> all();

    /** How many terminals are online (without listing them). */
    int count();
}
