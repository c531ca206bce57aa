package org.cascade.live.web;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.live.application.LiveCascade;
import org.cascade.live.application.LiveRedistribution;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;
import org.cascade.platform.web.SocketFrames;

/**
 * The live channel: opened by the watch page of a viewer signed in with its media. The page
 * says {@code join} with the event; the center answers with its {@code place} (order, delay, who
 * feeds it) and, to a relay, the viewers it {@code feeds}. Over the channel a viewer and its
 * feeder exchange the WebRTC signals of their data channel, and viewers report the delay they
 * measure. When the channel closes, the viewers the page fed are given another feeder.
 */
@Dependent // one endpoint per channel, made by CDI so that it gets its services injected
@ServerEndpoint(value = "/live/channel", configurator = LiveChannel.Handshake.class)
public class LiveChannel {

    private static final Logger LOG = Logger.getLogger(LiveChannel.class.getName());

    static final String SERIAL = "cascade.live.serial";
    static final String LOCALE = "cascade.live.locale";
    private static final String SAME_ORIGIN = "cascade.live.sameOrigin";
    private static final String EVENT = "cascade.live.event";
    private static final String APPLICATION = "cascade.live.application";

    /** A silent page is gone; the watch page sends its delay every few seconds. */
    static final long IDLE_MILLIS = 30_000;

    @Inject
    LiveCascade cascade;

    @Inject
    LiveSessions sessions;

    @Inject
    LiveRedistribution redistribution;

    @Inject
    Messages messages;

    @Inject
    StorageMedias media;

    /** Takes from the handshake who connects (a signed-in terminal), in which language, and whether from the center's own pages. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> p = config.getUserProperties();
            p.remove(SERIAL);
            if (request.getUserPrincipal() != null && request.isUserInRole(Role.TERMINAL.group())) {
                p.put(SERIAL, request.getUserPrincipal().getName());
            }
            p.put(LOCALE, Languages.of(first(request.getHeaders().get("Accept-Language"))));
            // Cookies go with a cross-site WebSocket too: only the center's own pages may open the channel.
            String origin = first(request.getHeaders().get("Origin"));
            String host = first(request.getHeaders().get("Host"));
            boolean same = false;
            try {
                same = origin != null && host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException e) {
                same = false;
            }
            p.put(SAME_ORIGIN, same);
        }

        private static String first(List<String> values) {
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @OnOpen
    public void open(Session session) throws IOException {
        Map<String, Object> p = session.getUserProperties();
        if (!Boolean.TRUE.equals(p.get(SAME_ORIGIN)) || p.get(SERIAL) == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not a signed-in terminal of this center"));
            return;
        }
        if (!media.isUsable((String) p.get(SERIAL))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, MediaRefusal.REVOKED.messageKey()));
            return;
        }
        session.setMaxTextMessageBufferSize(2 * LiveFrames.MAX_FRAME);
        session.setMaxBinaryMessageBufferSize(64);
        session.setMaxIdleTimeout(IDLE_MILLIS);
    }

    @OnMessage
    public void frame(Session session, String text) {
        Map<String, Object> p = session.getUserProperties();
        try {
            JsonObject frame = LiveFrames.parse(text);
            String type = LiveFrames.type(frame);
            String event = (String) p.get(EVENT);
            String application = (String) p.get(APPLICATION);
            if (!"join".equals(type) && application == null) {
                throw new RuleViolation("channel.frame.order", type);
            }
            switch (type) {
                case "join" -> join(session, LiveFrames.event(frame));
                case "signal" -> cascade.signal(event, application, LiveFrames.application(frame, "to"),
                        LiveFrames.object(frame, "data"));
                case "delay" -> cascade.delay(event, application, LiveFrames.number(frame, "ms", 0, 86_400_000));
                case "relayed" -> redistribution.report(event, LiveRedistribution.Side.SENT, application,
                        LiveFrames.application(frame, "to"), LiveFrames.segments(frame, "segments"));
                case "received" -> redistribution.report(event, LiveRedistribution.Side.RECEIVED, application,
                        LiveFrames.application(frame, "from"), LiveFrames.segments(frame, "segments"));
                case "alive" -> {
                    // only keeps the channel from idling out
                }
                default -> throw new RuleViolation("channel.frame.unknown", type);
            }
        } catch (RuleViolation e) { // an unknown event or no place (NotFound) included
            SocketFrames.send(session, error(e.messageKey(), messages.text((Locale) p.get(LOCALE), e)));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "incident " + incident + " on a live frame", e);
            SocketFrames.send(session, error("channel.failed", messages.text((Locale) p.get(LOCALE), "channel.failed", incident)));
        }
    }

    private void join(Session session, String event) throws RuleViolation {
        Map<String, Object> p = session.getUserProperties();
        if (p.get(APPLICATION) != null) {
            throw new RuleViolation("channel.frame.order", "join");
        }
        // The place is the center's: the order and feeder come from the charged application, never from the page.
        LiveCascade.Viewer viewer = cascade.placeOf((String) p.get(SERIAL), event);
        p.put(EVENT, event);
        p.put(APPLICATION, viewer.application());
        Session before = sessions.add(event, viewer.application(), session);
        if (before != null && before != session) {
            try {
                before.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "opened again"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a replaced live channel", e);
            }
        }
        cascade.join(viewer);
    }

    @OnClose
    public void close(Session session) {
        Map<String, Object> p = session.getUserProperties();
        String event = (String) p.get(EVENT);
        String application = (String) p.get(APPLICATION);
        if (application != null && sessions.remove(event, application, session)) {
            cascade.left(event, application);
        }
    }

    private static JsonObject error(String reason, String message) {
        return Json.createObjectBuilder().add("type", "error").add("reason", reason).add("message", message).build();
    }
}
