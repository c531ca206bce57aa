package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cascade.live.application.LiveFrame;
import org.cascade.platform.web.SocketFrames;

/**
 * The live channels open on this server, by event and place: frames the cascade fires for a
 * viewer are sent here, one send at a time per channel (the container allows no more).
 */
@ApplicationScoped
public class LiveSessions {

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
            SocketFrames.send(session, SocketFrames.frame(frame.type(), frame.fields()));
        }
    }
}
