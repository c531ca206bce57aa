package org.cascade.media.domain;

/** What reading a signed media part gave: its content, or why it was refused. */
public record MediaReading<T>(T content, MediaRefusal refusal) {

    public static <T> MediaReading<T> of(T content) {
        return new MediaReading<>(content, null);
    }

    public static <T> MediaReading<T> refused(MediaRefusal refusal) {
        return new MediaReading<>(null, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }
}
