package org.cascade.swarm.domain;

/**
 * How a link's pieces travel: directly between the two browsers (a WebRTC data channel), through
 * the center's relay when no direct connection forms, or from the center itself (origin) when no
 * terminal can send them. Bytes are metered apart by path.
 */
public enum LinkPath {
    P2P, RELAY, ORIGIN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
