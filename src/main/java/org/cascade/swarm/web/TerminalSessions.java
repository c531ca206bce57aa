package org.cascade.swarm.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.media.application.MediaRevoked;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.web.Messages;
import org.cascade.platform.web.SocketFrames;
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

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

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
        Map<String, Object> fields = new LinkedHashMap<>(message.fields());
        if (message.messageKey() != null) {
            fields.put("message", messages.text((Locale) session.getUserProperties().get(LOCALE), message.messageKey(),
                    message.arguments()));
        }
        SocketFrames.send(session, SocketFrames.frame(message.type(), fields));
    }

    /**
     * A media was revoked: each of its channels open here hears why in an {@code alert} (in the
     * language of its page), then closes as refused ({@link CloseReason.CloseCodes#VIOLATED_POLICY},
     * the reason being the message key), so that the page does not reconnect but leads the user
     * to the insertion page, which says why again. Closing runs the channel's end (its links
     * close, its receptions are planned again) in transactions of their own: not on the thread
     * that is finishing the revocation's.
     */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaRevoked revoked) {
        List<Session> of = sessions.values().stream()
                .filter(s -> revoked.serial().equals(s.getUserProperties().get(TerminalChannel.SERIAL))).toList();
        if (!of.isEmpty()) {
            executor.execute(() -> of.forEach(this::endRevoked));
        }
    }

    private void endRevoked(Session session) {
        Locale locale = (Locale) session.getUserProperties().get(LOCALE);
        String key = MediaRefusal.REVOKED.messageKey();
        SocketFrames.send(session, SocketFrames.frame("alert", Map.of("reason", "revoked", "messageKey", key,
                "message", messages.text(locale, "media.session.revoked"))));
        synchronized (session) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, key));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a revoked media's channel", e);
            }
        }
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
}
