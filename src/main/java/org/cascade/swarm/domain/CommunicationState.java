package org.cascade.swarm.domain;

/**
 * A terminal's communication state as its heartbeats report it (spec FIG. 3A, FIG. 9): how busy
 * its processor is (0–1, the page's own estimate), the link speed it measured (bytes per second),
 * its operating rate (0–1, the share of time it has been able to serve) and the transfers it is
 * taking part in. Distributor selection compares these.
 */
public record CommunicationState(double cpuLoad, long linkBytesPerSecond, double operatingRate, int transfers) {

    /** Nothing measured yet: what a terminal is assumed to be until its first heartbeat. */
    public static final CommunicationState UNKNOWN = new CommunicationState(0, 0, 1, 0);

    public CommunicationState {
        if (!(cpuLoad >= 0 && cpuLoad <= 1) || !(operatingRate >= 0 && operatingRate <= 1)
                || linkBytesPerSecond < 0 || transfers < 0) {
            throw new IllegalArgumentException("cpu " + cpuLoad + ", link " + linkBytesPerSecond
                    + ", rate " + operatingRate + ", transfers " + transfers);
        }
    }
}
