package org.cascade.live.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.live.application.LiveFrame;
import org.cascade.media.application.MediaRevoked;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.web.Messages;
import org.cascade.platform.web.SocketFrames;

/**
 * The live channels open on this server, by event and place: frames the cascade fires for a
 * viewer are sent here, one send at a time per channel (the container allows no more).
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Inject
    Messages messages;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

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

    /**
     * A media was revoked: each of its live channels hears why in an {@code alert}, then closes
     * as refused (the reason being the message key), on another thread — closing gives the
     * viewers it fed another feeder, in transactions of their own.
     */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaRevoked revoked) {
        List<Session> of = sessions.values().stream()
                .filter(s -> revoked.serial().equals(s.getUserProperties().get(LiveChannel.SERIAL))).distinct().toList();
        if (!of.isEmpty()) {
            executor.execute(() -> of.forEach(this::endRevoked));
        }
    }

    private void endRevoked(Session session) {
        String key = MediaRefusal.REVOKED.messageKey();
        SocketFrames.send(session, SocketFrames.frame("alert", Map.of("reason", "revoked", "messageKey", key,
                "message", messages.text((Locale) session.getUserProperties().get(LiveChannel.LOCALE), "media.session.revoked"))));
        synchronized (session) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, key));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a revoked media's live channel", e);
            }
        }
    }

    void onFrame(@Observes LiveFrame frame) {
        Session session = sessions.get(key(frame.eventId(), frame.application()));
        if (session != null) {
            SocketFrames.send(session, SocketFrames.frame(frame.type(), frame.fields()));
        }
    }
}
