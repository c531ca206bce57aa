package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.live.application.LiveFrame;

/**
 * The live channels open on this server, by event and place: frames the cascade fires for a
 * viewer are sent here, one send at a time per channel (the container allows no more).
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private static String key(String eventId, String application) {
        return eventId + "/" + application;
    }

    /** Takes a viewer's channel; the one it had before (a page reopened) is closed and returned. */
    Session add(String eventId, String application, Session session) {
        return sessions.put(key(eventId, application), session);
    }

    /** Forgets the channel if it is still the viewer's; false when a newer one took its place. */
    boolean remove(String eventId, String application, Session session) {
        return sessions.remove(key(eventId, application), session);
    }

    void onFrame(@Observes LiveFrame frame) {
        Session session = sessions.get(key(frame.eventId(), frame.application()));
        if (session != null) {
            JsonObjectBuilder out = Json.createObjectBuilder().add("type", frame.type());
            frame.fields().forEach((name, value) -> out.add(name, json(value)));
            send(session, out.build());
        }
    }

    /** Sends are serialised per session: the container allows one at a time. */
    static void send(Session session, JsonObject frame) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(frame.toString());
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "live channel send failed", e);
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
