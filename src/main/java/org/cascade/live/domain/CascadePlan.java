package org.cascade.live.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The cascade an event runs on (FIG. 23, FIG. 27): per edit pattern, how many terminals receive
 * in each distribution order and how many of them relay to the next order.
 *
 * <p>Each pattern's stream starts with the primary terminals the allocation gave it (or fewer,
 * when fewer applied); each later order takes at most the previous order's terminals ×
 * redistributors per terminal, until all the pattern's applicants are placed or the orders run
 * out. The redistributors of an order are the fewest of its terminals that can carry the next
 * order: {@code ceil(next / redistributors per terminal)}. Applicants that fit in no order are
 * reported as unplaced, for the center to widen the terms or refuse.
 */
public record CascadePlan(int redistributorsPerTerminal, List<Stream> streams) {

    /** One order of a stream. */
    public record Step(int order, long terminals, long redistributors) {
    }

    /** The cascade of one edit pattern. */
    public record Stream(String pattern, long applicants, List<Step> steps, long unplaced) {
        public Stream {
            steps = List.copyOf(steps);
        }
    }

    public CascadePlan {
        streams = List.copyOf(streams);
        if (redistributorsPerTerminal < 1) {
            throw new IllegalArgumentException("redistributors per terminal " + redistributorsPerTerminal);
        }
    }

    /** Plans from an allocation of the primary ability, the terms in force and the number of orders. */
    public static CascadePlan of(EditPatternAllocation primaryAllocation, LiveTerms terms, int orders) {
        if (orders < 1) {
            throw new IllegalArgumentException(orders + " orders");
        }
        int r = terms.redistributorsPerTerminal();
        List<Stream> streams = new ArrayList<>();
        for (EditPatternAllocation.Share share : primaryAllocation.shares()) {
            List<Long> terminals = new ArrayList<>();
            long remaining = share.applicants();
            long capacity = share.terminals();
            for (int n = 1; n <= orders && remaining > 0 && capacity > 0; n++) {
                long placed = Math.min(capacity, remaining);
                terminals.add(placed);
                remaining -= placed;
                capacity = Math.multiplyExact(placed, (long) r);
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < terminals.size(); i++) {
                long next = i + 1 < terminals.size() ? terminals.get(i + 1) : 0;
                steps.add(new Step(i + 1, terminals.get(i), (next + r - 1) / r));
            }
            streams.add(new Stream(share.pattern(), share.applicants(), steps, remaining));
        }
        return new CascadePlan(r, streams);
    }

    public long primaryTerminals() {
        return terminalsIn(1);
    }

    public long terminalsIn(int order) {
        return streams.stream().flatMap(s -> s.steps().stream()).filter(s -> s.order() == order)
                .mapToLong(Step::terminals).sum();
    }

    public long redistributorsIn(int order) {
        return streams.stream().flatMap(s -> s.steps().stream()).filter(s -> s.order() == order)
                .mapToLong(Step::redistributors).sum();
    }

    public long unplaced() {
        return streams.stream().mapToLong(Stream::unplaced).sum();
    }
}
