package org.cascade.live.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frame the center sends one viewer of an event on air over its live channel, fired as a CDI
 * event by the cascade's use cases and sent by the channel; {@code application} is the viewer's
 * place (its application id).
 */
public record LiveFrame(String eventId, String application, String type, Map<String, Object> fields) {

    public LiveFrame {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
