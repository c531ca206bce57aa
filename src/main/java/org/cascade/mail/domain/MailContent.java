package org.cascade.mail.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a mail says, in one language: a subject and paragraphs, each optionally followed by a
 * link. It is rendered twice, as the plain-text part and as the HTML part, from the same
 * paragraphs, so the two never disagree; the HTML part escapes everything it was given.
 */
public record MailContent(String subject, List<Paragraph> paragraphs) {

    public static final int MAX_SUBJECT = 200;

    /** A paragraph's text and an optional link (null for none) shown after it. */
    public record Paragraph(String text, String link) {
        public Paragraph {
            Objects.requireNonNull(text, "text");
            if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
                throw new IllegalArgumentException("not a web link: " + link);
            }
        }

        public static Paragraph of(String text) {
            return new Paragraph(text, null);
        }
    }

    public MailContent {
        Objects.requireNonNull(subject, "subject");
        paragraphs = List.copyOf(paragraphs);
        // a subject is one header line: never let a line break from a name or title through
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject of " + subject.length() + " characters");
        }
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(p.text());
            if (p.link() != null) {
                out.append("\n").append(p.link());
            }
        }
        return out.append("\n").toString();
    }

    public String html(String language) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(language))
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>\n");
        for (Paragraph p : paragraphs) {
            out.append("<p>").append(escape(p.text()).replace("\n", "<br>"));
            if (p.link() != null) {
                out.append("<br><a href=\"").append(escape(p.link())).append("\">").append(escape(p.link())).append("</a>");
            }
            out.append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
