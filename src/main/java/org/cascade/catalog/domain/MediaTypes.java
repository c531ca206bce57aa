package org.cascade.catalog.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Media types as declared by an uploading browser: kept only when well-formed, else the generic one. */
public final class MediaTypes {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,40}/[a-z0-9][a-z0-9!#$&^_.+-]{0,60}");
    public static final String GENERIC = "application/octet-stream";

    private MediaTypes() {
    }

    public static String normalise(String declared) {
        if (declared == null) {
            return GENERIC;
        }
        String t = declared.strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi).strip();
        }
        return TYPE.matcher(t).matches() ? t : GENERIC;
    }

    /** How a page can show the free preview: "video", "audio", "image", or "download". */
    public static String previewKind(String mediaType) {
        if (mediaType.startsWith("video/")) {
            return "video";
        }
        if (mediaType.startsWith("audio/")) {
            return "audio";
        }
        if (mediaType.equals("image/png") || mediaType.equals("image/jpeg")) {
            return "image";
        }
        return "download";
    }
}
