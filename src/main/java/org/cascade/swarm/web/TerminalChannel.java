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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Manifest;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;
import org.cascade.platform.web.SocketFrames;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.application.Shelves;
import org.cascade.swarm.application.TerminalMessage;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * The terminal channel: opened by the terminal page after media sign-in. The terminal says
 * {@code hello} (equipment, held contents), then sends a {@code heartbeat} every few seconds; the
 * center keeps it in the table of online terminals until the channel closes. Over the same
 * channel it requests contents, signals its WebRTC links, reports what it received and sent, and
 * hands pieces to the relay (binary frames); see {@link Distribution}.
 */
@Dependent // one endpoint per channel, made by CDI so that it gets its services injected
@ServerEndpoint(value = "/terminal/channel", configurator = TerminalChannel.Handshake.class)
public class TerminalChannel {

    private static final Logger LOG = Logger.getLogger(TerminalChannel.class.getName());

    /** How often the page is asked to send a heartbeat. */
    static final int HEARTBEAT_SECONDS = 10;

    static final String SERIAL = "cascade.serial";
    /** The terminal's IP address (spec FIG. 3A), as the handshake's HTTP request saw it. */
    private static final String ADDRESS = "cascade.address";
    private static final String LOCALE = TerminalSessions.LOCALE;
    private static final String SAME_ORIGIN = "cascade.sameOrigin";
    private static final String TERMINAL = "cascade.terminal";

    @Inject
    OnlineTerminals online;

    @Inject
    Distribution distribution;

    @Inject
    TerminalSessions sessions;

    @Inject
    Shelves shelves;

    @Inject
    Catalog catalog;

    @Inject
    StorageMedias media;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /** Takes from the handshake who is connecting, from where and in which language. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> p = config.getUserProperties();
            // Whoever this handshake is from, never an earlier caller (as the live channel does): a
            // container that hands every handshake the same map would otherwise let an unsigned
            // handshake open the channel as the last terminal that signed in.
            p.remove(SERIAL);
            p.remove(ADDRESS);
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

    /** A relayed piece's frame: the link id (36 ASCII characters), the piece index (4 bytes, big-endian), the piece. */
    static final int RELAY_HEADER = 40;
    /** The longest comment a distributor shows requesters. */
    static final int MAX_COMMENT = 200;

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
        if (!media.isUsable((String) p.get(SERIAL))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, MediaRefusal.REVOKED.messageKey()));
            return;
        }
        // Room for a frame somewhat over the limit, so that it is refused with a message rather than cut off.
        session.setMaxTextMessageBufferSize(2 * ChannelFrames.MAX_FRAME);
        session.setMaxBinaryMessageBufferSize(RELAY_HEADER + Manifest.DEFAULT_PIECE_SIZE);
        session.setMaxIdleTimeout(3L * HEARTBEAT_SECONDS * 1000);
    }

    @OnMessage
    public void frame(Session session, String text) {
        Map<String, Object> p = session.getUserProperties();
        String serial = (String) p.get(SERIAL);
        try {
            JsonObject frame = ChannelFrames.parse(text);
            String type = ChannelFrames.type(frame);
            if (!"hello".equals(type) && p.get(TERMINAL) == null) {
                throw new RuleViolation("channel.frame.order", type);
            }
            String terminal = (String) p.get(TERMINAL);
            switch (type) {
                case "hello" -> hello(session, frame);
                case "heartbeat" -> online.heard(terminal, ChannelFrames.heartbeat(frame));
                case "holding" -> {
                    String content = ChannelFrames.content(frame);
                    plan(distribution.holding(terminal, content,
                            PieceSet.fromBitfield(pieceCount(content), ChannelFrames.text(frame, "pieces", 4000))));
                }
                case "request" -> {
                    String content = ChannelFrames.content(frame);
                    PieceSet have = PieceSet.fromBitfield(pieceCount(content), ChannelFrames.text(frame, "have", 4000));
                    String chosen = frame.get("distributor") == null ? null : ChannelFrames.text(frame, "distributor", 36);
                    boolean inOrder = frame.get("inOrder") != null && ChannelFrames.flag(frame, "inOrder");
                    distribution.request(terminal, new Distribution.Request(content, ChannelFrames.flag(frame, "auto"), chosen, have, inOrder));
                }
                case "profile" -> {
                    String comment = ChannelFrames.optionalText(frame, "comment", MAX_COMMENT);
                    ChannelFrames.optionalNumber(frame, "uploadCap", 0, 10_000_000_000L);
                    online.update(terminal, t -> t.withComment(comment));
                }
                case "signal" -> signal(terminal, frame);
                case "visit" -> shelves.visit(terminal, ChannelFrames.serial(frame, "of"), ((Locale) p.get(LOCALE)).toLanguageTag());
                case "shelf" -> {
                    JsonObject list = ChannelFrames.object(frame, "list");
                    shelves.answered(terminal, ChannelFrames.id(frame, "visit"), ChannelFrames.optionalText(list, "news", Shelves.MAX_NEWS),
                            ChannelFrames.shelfItems(list, Shelves.MAX_ITEMS), list, ChannelFrames.text(frame, "checksum", 64));
                }
                case "receipt" -> settling(session, ChannelFrames.link(frame),
                        link -> distribution.receipt(serial, link, ChannelFrames.text(frame, "pieces", 4000)));
                case "sent" -> settling(session, ChannelFrames.link(frame),
                        link -> distribution.sent(serial, link, ChannelFrames.text(frame, "pieces", 4000)));
                case "corrupt" -> plan(distribution.corrupt(serial, ChannelFrames.link(frame), ChannelFrames.integer(frame, "piece", 0, 1 << 20)));
                case "relay" -> distribution.relay(terminal, ChannelFrames.link(frame));
                case "interrupted" -> plan(distribution.interrupted(serial, ChannelFrames.link(frame), ChannelFrames.text(frame, "reason", 20)));
                case "more" -> distribution.reschedule(new Distribution.ReceptionKey(serial, ChannelFrames.content(frame)));
                case "playing" -> plan(distribution.playing(serial, ChannelFrames.content(frame), ChannelFrames.flag(frame, "inOrder")));
                case "completed" -> distribution.completed(serial, ChannelFrames.content(frame));
                default -> throw new RuleViolation("channel.frame.unknown", type);
            }
        } catch (RuleViolation e) { // an unknown content (NotFound) included
            send(session, error(e.messageKey(), messages.text((Locale) p.get(LOCALE), e)));
        } catch (RuntimeException e) {
            // Not the terminal's fault: it hears that the center failed, and the channel stays open.
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "incident " + incident + " on a terminal frame", e);
            send(session, error("channel.failed", messages.text((Locale) p.get(LOCALE), "channel.failed", incident)));
        }
    }

    /**
     * Plans each reception a use case changed, one transaction each (see {@link Distribution}).
     * The report itself has been taken by then: a plan that fails is logged, not held against the
     * terminal, and the next report plans again.
     */
    private void plan(List<Distribution.ReceptionKey> affected) {
        for (Distribution.ReceptionKey key : affected) {
            try {
                distribution.reschedule(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "planning the reception of " + key.contentId() + " failed", e);
            }
        }
    }

    /** A report that settles: when the receiver's balance cannot pay, the link ends with an alert instead. */
    private void settling(Session session, String link, Function<String, List<Distribution.ReceptionKey>> report) {
        try {
            plan(report.apply(link));
        } catch (RuleViolation e) {
            if (!"ledger.balance.insufficient".equals(e.messageKey())) {
                throw e;
            }
            distribution.balanceRanOut(link);
        }
    }

    private void signal(String terminal, JsonObject frame) {
        String link = ChannelFrames.link(frame);
        JsonObject data = ChannelFrames.signalData(frame);
        String partner = distribution.signalTarget(terminal, link);
        sessions.onMessage(TerminalMessage.of(partner, "signal", Map.of("link", link, "data", data)));
    }

    /** A piece for the relay: checked against its link, then forwarded as it came to the receiver. */
    @OnMessage
    public void binary(Session session, byte[] data) {
        Map<String, Object> p = session.getUserProperties();
        try {
            if (p.get(TERMINAL) == null || data.length <= RELAY_HEADER) {
                throw new RuleViolation("channel.frame.binary");
            }
            String link = new String(data, 0, 36, StandardCharsets.US_ASCII);
            int piece = ByteBuffer.wrap(data, 36, 4).getInt();
            String receiver = distribution.relayed((String) p.get(TERMINAL), ChannelFrames.link(
                    Json.createObjectBuilder().add("link", link).build()), piece, data.length - RELAY_HEADER);
            sessions.relay(receiver, data);
        } catch (RuleViolation e) {
            send(session, error(e.messageKey(), messages.text((Locale) p.get(LOCALE), e)));
        }
    }

    @OnClose
    public void close(Session session) {
        Object terminal = session.getUserProperties().get(TERMINAL);
        if (terminal != null) {
            sessions.remove((String) terminal);
            shelves.left((String) terminal);
            plan(distribution.left((String) terminal));
        }
    }

    private void hello(Session session, JsonObject frame) {
        Map<String, Object> p = session.getUserProperties();
        if (p.get(TERMINAL) != null) {
            throw new RuleViolation("channel.frame.order", "hello");
        }
        String equipment = ChannelFrames.equipment(frame);
        Map<String, PieceSet> held = ChannelFrames.heldPieces(frame, this::pieceCount);
        String comment = ChannelFrames.optionalText(frame, "comment", MAX_COMMENT);
        ChannelFrames.optionalNumber(frame, "uploadCap", 0, 10_000_000_000L);
        String terminal = UUID.randomUUID().toString();
        sessions.add(terminal, session);
        distribution.joined(new TerminalPresence(terminal, (String) p.get(SERIAL), address(session), equipment, comment, held,
                Map.of(), CommunicationState.UNKNOWN, clock.instant(), clock.instant()));
        p.put(TERMINAL, terminal);
        send(session, Json.createObjectBuilder().add("type", "welcome").add("terminal", terminal)
                .add("serial", (String) p.get(SERIAL)).add("heartbeatSeconds", HEARTBEAT_SECONDS).build());
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

    private static void send(Session session, JsonObject frame) {
        SocketFrames.send(session, frame);
    }
}
