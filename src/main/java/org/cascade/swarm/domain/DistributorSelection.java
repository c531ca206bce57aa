package org.cascade.swarm.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Choosing who sends a requester a content (spec FIG. 9): an online terminal holding the wanted
 * pieces, not overloaded, whose communication state is like the requester's — a distributor on a
 * similar link neither starves a fast receiver nor is swamped by it. Without automatic start the
 * user chooses from the holder list (FIG. 6 S110), where busy terminals are shown but marked.
 * When nobody can serve, the center sends the content itself (origin).
 *
 * <p>Score, 0–1: 45 % how much of what is wanted the candidate holds, 25 % how alike the two
 * communication states are, 20 % its spare capacity, 10 % its operating rate. Ties go to the
 * smaller terminal id, so that the same facts always give the same choice.
 */
public final class DistributorSelection {

    /** More transfers than this at once and a terminal is busy. */
    public static final int MAX_TRANSFERS = 4;
    /** A terminal whose load estimate is above this is busy. */
    public static final double MAX_CPU_LOAD = 0.85;

    /** A candidate in the holder list, with its score, its link quality for display, and whether it is busy. */
    public record Ranked(DistributorCandidate candidate, double score, double quality, boolean busy) {
    }

    private final String requesterTerminal;
    private final String requesterSerial;
    private final CommunicationState requester;
    private final int wanted;
    private final List<Ranked> eligible;

    public DistributorSelection(String requesterTerminal, String requesterSerial, CommunicationState requester,
                                int wanted, List<DistributorCandidate> candidates) {
        if (wanted <= 0) {
            throw new IllegalArgumentException("pieces wanted " + wanted);
        }
        this.requesterTerminal = requesterTerminal;
        this.requesterSerial = requesterSerial;
        this.requester = requester;
        this.wanted = wanted;
        this.eligible = candidates.stream().filter(this::eligible)
                .map(c -> new Ranked(c, score(c), quality(c.state()), busy(c.state())))
                .sorted(Comparator.comparingDouble(Ranked::score).reversed()
                        .thenComparing(r -> r.candidate().terminalId()))
                .toList();
    }

    /** Not the requester itself (nor its media in another browser), not cut off, and holding something wanted. */
    private boolean eligible(DistributorCandidate c) {
        return !c.terminalId().equals(requesterTerminal) && !c.serial().equals(requesterSerial) && !c.cutOff()
                && c.wantedHeld() > 0;
    }

    /** The optimal distributor for automatic start: the best-scored one that is not busy. */
    public Optional<DistributorCandidate> best() {
        return eligible.stream().filter(r -> !r.busy()).map(Ranked::candidate).findFirst();
    }

    /** The best {@code max} distributors that are not busy, best first: a receiver takes pieces from several at once. */
    public List<DistributorCandidate> best(int max) {
        return eligible.stream().filter(r -> !r.busy()).map(Ranked::candidate).limit(max).toList();
    }

    /** Everyone who could serve, best first, busy ones included but marked, for the user's own choice. */
    public List<Ranked> holderList() {
        return eligible;
    }

    /** No terminal can serve now: the center distributes the content itself. */
    public boolean originNeeded() {
        return best().isEmpty();
    }

    static boolean busy(CommunicationState s) {
        return s.cpuLoad() > MAX_CPU_LOAD || s.transfers() >= MAX_TRANSFERS;
    }

    private double score(DistributorCandidate c) {
        double coverage = Math.min(1.0, (double) c.wantedHeld() / wanted);
        double spare = (1 - c.state().cpuLoad()) * Math.max(0, 1 - (double) c.state().transfers() / MAX_TRANSFERS);
        return 0.45 * coverage + 0.25 * similarity(requester, c.state()) + 0.20 * spare + 0.10 * c.state().operatingRate();
    }

    /**
     * How alike two communication states are, 0–1: link speeds compared on a log scale (a tenth
     * or ten times as fast is far apart, 10 % faster is close), and operating rates. A link not
     * measured yet counts as half alike.
     */
    static double similarity(CommunicationState a, CommunicationState b) {
        double link = a.linkBytesPerSecond() == 0 || b.linkBytesPerSecond() == 0 ? 0.5
                : 1 - Math.min(1, Math.abs(Math.log10(a.linkBytesPerSecond()) - Math.log10(b.linkBytesPerSecond())) / 2);
        return (link + (1 - Math.abs(a.operatingRate() - b.operatingRate()))) / 2;
    }

    /** Link quality for the holder list, 0–1: speed (1 at 10 MB/s and above, log scale) and operating rate. */
    static double quality(CommunicationState s) {
        double speed = s.linkBytesPerSecond() <= 0 ? 0 : Math.min(1, Math.max(0, Math.log10(s.linkBytesPerSecond()) - 4) / 3);
        return (speed + s.operatingRate()) / 2;
    }
}
