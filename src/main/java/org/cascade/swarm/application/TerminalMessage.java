package org.cascade.swarm.application;

import java.util.Map;

/**
 * A frame the center sends one online terminal, fired as a CDI event by the swarm's use cases and
 * sent by the channel once the use case's transaction has committed (nothing is announced that
 * did not happen). {@code messageKey}, when given, becomes the frame's {@code message} in the
 * terminal's language.
 */
public record TerminalMessage(String terminalId, String type, Map<String, Object> fields, String messageKey, Object[] arguments) {

    public TerminalMessage {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // null: a JSON null
        arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public static TerminalMessage of(String terminalId, String type, Map<String, Object> fields) {
        return new TerminalMessage(terminalId, type, fields, null, null);
    }

    public static TerminalMessage withText(String terminalId, String type, Map<String, Object> fields, String key, Object... args) {
        return new TerminalMessage(terminalId, type, fields, key, args);
    }
}
