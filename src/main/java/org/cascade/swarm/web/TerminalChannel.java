package org.cascade.swarm.web;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Manifest;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * The terminal channel: opened by the terminal page after media sign-in. The terminal says
 * {@code hello} (equipment, held contents), then sends a {@code heartbeat} every few seconds; the
 * center keeps it in the table of online terminals until the channel closes.
 */
@Dependent // one endpoint per channel, made by CDI so that it gets its services injected
@ServerEndpoint(value = "/terminal/channel", configurator = TerminalChannel.Handshake.class)
public class TerminalChannel {

    private static final Logger LOG = Logger.getLogger(TerminalChannel.class.getName());
    /** How often the page is asked to send a heartbeat. */
    static final int HEARTBEAT_SECONDS = 10;

    private static final String SERIAL = "cascade.serial";
    /** The terminal's IP address (spec FIG. 3A), as the handshake's HTTP request saw it. */
    private static final String ADDRESS = "cascade.address";
    private static final String LOCALE = "cascade.locale";
    private static final String SAME_ORIGIN = "cascade.sameOrigin";
    private static final String TERMINAL = "cascade.terminal";

    @Inject
    OnlineTerminals online;

    @Inject
    Catalog catalog;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /** Takes from the handshake who is connecting, from where and in which language. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> p = config.getUserProperties();
            if (request.getUserPrincipal() != null && request.isUserInRole(Role.TERMINAL.group())) {
                p.put(SERIAL, request.getUserPrincipal().getName());
            }
            p.put(LOCALE, Languages.of(first(request.getHeaders().get("Accept-Language"))));
            if (request.getHttpSession() instanceof HttpSession http && http.getAttribute(ChannelAddress.ATTRIBUTE) != null) {
                p.put(ADDRESS, http.getAttribute(ChannelAddress.ATTRIBUTE));
            }
            // Cookies go with a cross-site WebSocket too: only the center's own pages may open the channel.
            String origin = first(request.getHeaders().get("Origin"));
            String host = first(request.getHeaders().get("Host"));
            p.put(SAME_ORIGIN, origin != null && host != null && sameHost(origin, host));
        }

        private static boolean sameHost(String origin, String host) {
            try {
                URI o = URI.create(origin);
                String authority = o.getRawAuthority();
                return authority != null && authority.equalsIgnoreCase(host);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String first(List<String> values) {
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @OnOpen
    public void open(Session session) throws IOException {
        Map<String, Object> p = session.getUserProperties();
        if (!Boolean.TRUE.equals(p.get(SAME_ORIGIN))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "foreign origin"));
            return;
        }
        if (p.get(SERIAL) == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        // Room for a frame somewhat over the limit, so that it is refused with a message rather than cut off.
        session.setMaxTextMessageBufferSize(2 * ChannelFrames.MAX_FRAME);
        session.setMaxBinaryMessageBufferSize(1024);
        session.setMaxIdleTimeout(3L * HEARTBEAT_SECONDS * 1000);
    }

    @OnMessage
    public void frame(Session session, String text) {
        Map<String, Object> p = session.getUserProperties();
        try {
            JsonObject frame = ChannelFrames.parse(text);
            switch (ChannelFrames.type(frame)) {
                case "hello" -> hello(session, frame);
                case "heartbeat" -> heartbeat(session, frame);
                default -> throw new RuleViolation("channel.frame.unknown", ChannelFrames.type(frame));
            }
        } catch (RuleViolation e) { // an unknown content (NotFound) included
            send(session, error(e.messageKey(), messages.text((Locale) p.get(LOCALE), e)));
        }
    }

    @OnMessage
    public void binary(Session session, byte[] data) {
        Map<String, Object> p = session.getUserProperties();
        send(session, error("channel.frame.binary", messages.text((Locale) p.get(LOCALE), "channel.frame.binary")));
    }

    @OnClose
    public void close(Session session) {
        Object terminal = session.getUserProperties().get(TERMINAL);
        if (terminal != null) {
            online.left((String) terminal);
        }
    }

    private void hello(Session session, JsonObject frame) {
        Map<String, Object> p = session.getUserProperties();
        if (p.get(TERMINAL) != null) {
            throw new RuleViolation("channel.frame.order", "hello");
        }
        String equipment = ChannelFrames.equipment(frame);
        Map<String, Integer> held = ChannelFrames.heldPieces(frame, this::pieceCount);
        String terminal = UUID.randomUUID().toString();
        online.joined(new TerminalPresence(terminal, (String) p.get(SERIAL), address(session), equipment, held,
                CommunicationState.UNKNOWN, clock.instant(), clock.instant()));
        p.put(TERMINAL, terminal);
        send(session, Json.createObjectBuilder().add("type", "welcome").add("terminal", terminal)
                .add("serial", (String) p.get(SERIAL)).add("heartbeatSeconds", HEARTBEAT_SECONDS).build());
    }

    private void heartbeat(Session session, JsonObject frame) {
        Object terminal = session.getUserProperties().get(TERMINAL);
        if (terminal == null) {
            throw new RuleViolation("channel.frame.order", "heartbeat");
        }
        online.heard((String) terminal, ChannelFrames.heartbeat(frame));
    }

    private int pieceCount(String contentId) {
        long size = catalog.listed(contentId).size();
        return (int) ((size + Manifest.DEFAULT_PIECE_SIZE - 1) / Manifest.DEFAULT_PIECE_SIZE);
    }

    private static String address(Session session) {
        return String.valueOf(session.getUserProperties().getOrDefault(ADDRESS, "?"));
    }

    private static JsonObject error(String reason, String message) {
        return Json.createObjectBuilder().add("type", "error").add("reason", reason).add("message", message).build();
    }

    /** Sends are serialised per session: the container allows one at a time. */
    private static void send(Session session, JsonObject frame) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(frame.toString());
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "terminal channel send failed", e);
            }
        }
    }
}
