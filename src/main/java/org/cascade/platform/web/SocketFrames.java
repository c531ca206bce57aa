package org.cascade.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The JSON text frames the center's WebSocket channels send, and how they are sent. */
public final class SocketFrames {

    private static final Logger LOG = Logger.getLogger(SocketFrames.class.getName());

    private SocketFrames() {
    }

    /** A frame of {@code type} with the fields given (strings, numbers, booleans, maps, collections, JSON). */
    public static JsonObject frame(String type, Map<String, ?> fields) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("type", type);
        fields.forEach((name, value) -> out.add(name, json(value)));
        return out.build();
    }

    /** Sends are serialised per session: the container allows one at a time. A closed session gets nothing. */
    public static void send(Session session, JsonObject frame) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(frame.toString());
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "a channel's send failed", e);
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
