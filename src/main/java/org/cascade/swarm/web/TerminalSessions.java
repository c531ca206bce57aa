package org.cascade.swarm.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.platform.web.Messages;
import org.cascade.swarm.application.TerminalMessage;

/**
 * The channels of the terminals online on this server, by terminal id: frames for a terminal are
 * sent here, one send at a time per channel (the container allows no more). Frames fired by the
 * swarm's use cases leave once their transaction has committed.
 */
@ApplicationScoped
public class TerminalSessions {

    private static final Logger LOG = Logger.getLogger(TerminalSessions.class.getName());

    static final String LOCALE = "cascade.locale";

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Inject
    Messages messages;

    void add(String terminalId, Session session) {
        sessions.put(terminalId, session);
    }

    void remove(String terminalId) {
        sessions.remove(terminalId);
    }

    void onMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalMessage message) {
        Session session = sessions.get(message.terminalId());
        if (session == null) {
            return;
        }
        JsonObjectBuilder frame = Json.createObjectBuilder().add("type", message.type());
        message.fields().forEach((name, value) -> frame.add(name, json(value)));
        if (message.messageKey() != null) {
            frame.add("message", messages.text((Locale) session.getUserProperties().get(LOCALE), message.messageKey(),
                    message.arguments()));
        }
        send(session, frame.build());
    }

    /** Hands a relayed piece to the receiver's channel; false when it is not online here. */
    boolean relay(String terminalId, byte[] frame) {
        Session session = sessions.get(terminalId);
        if (session == null) {
            return false;
        }
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendBinary(ByteBuffer.wrap(frame));
                    return true;
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "relay send failed", e);
            }
        }
        return false;
    }

    /** Sends are serialised per session: the container allows one at a time. */
    static void send(Session session, JsonObject frame) {
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

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue j) {
            return j;
        } else if (value instanceof String s) {
            return Json.createValue(s);
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        } else if (value instanceof Number n) {
            return Json.createValue(n.doubleValue());
        } else if (value instanceof Map<?, ?> m) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            m.forEach((k, v) -> o.add(String.valueOf(k), json(v)));
            return o.build();
        } else if (value instanceof Collection<?> c) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            c.forEach(v -> a.add(json(v)));
            return a.build();
        }
        throw new IllegalArgumentException("no JSON for " + value.getClass());
    }
}
