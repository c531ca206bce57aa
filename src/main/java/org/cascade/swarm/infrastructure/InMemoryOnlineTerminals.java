package org.cascade.swarm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.TerminalPresence;

/** The online terminals of this server, for one center on one server (Derby embedded). */
@ApplicationScoped
public class InMemoryOnlineTerminals implements OnlineTerminals {

    @Inject
    Clock clock;

    private final Map<String, TerminalPresence> online = new ConcurrentHashMap<>();

    @Override
    public void joined(TerminalPresence terminal) {
        online.put(terminal.terminalId(), terminal);
    }

    @Override
    public boolean heard(String terminalId, CommunicationState state) {
        return online.computeIfPresent(terminalId, (id, t) -> t.heard(state, clock.instant())) != null;
    }

    @Override
    public void update(String terminalId, UnaryOperator<TerminalPresence> change) {
        online.computeIfPresent(terminalId, (id, t) -> change.apply(t));
    }

    @Override
    public void left(String terminalId) {
        online.remove(terminalId);
    }

    @Override
    public Optional<TerminalPresence> find(String terminalId) {
        return Optional.ofNullable(online.get(terminalId));
    }

    @Override
    public List<TerminalPresence> all() {
        return online.values().stream().sorted(Comparator.comparing(TerminalPresence::connectedAt)
                .thenComparing(TerminalPresence::terminalId)).toList();
    }

    @Override
    public int count() {
        return online.size();
    }
}
