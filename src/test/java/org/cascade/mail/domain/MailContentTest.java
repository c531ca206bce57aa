package org.cascade.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cascade.mail.domain.MailContent.Paragraph;
import org.junit.jupiter.api.Test;

class MailContentTest {

    @Test
    void theTextAndHtmlPartsSayTheSameAndTheHtmlEscapesEverything() {
        MailContent m = new MailContent("Application received: <Rock & Roll>", List.of(Paragraph.of("Dear <b>Aiko</b>,"),
                new Paragraph("Your application:", "https://cascade.example/live/event?id=E1&x=\"2\"")));
        assertEquals("Dear <b>Aiko</b>,\n\nYour application:\nhttps://cascade.example/live/event?id=E1&x=\"2\"\n", m.text());
        String html = m.html("ja");
        assertTrue(html.contains("<html lang=\"ja\">"), html);
        assertTrue(html.contains("<p>Dear &lt;b&gt;Aiko&lt;/b&gt;,</p>"), html);
        assertTrue(html.contains("<a href=\"https://cascade.example/live/event?id=E1&amp;x=&quot;2&quot;\">"), html);
        assertTrue(html.contains("<title>Application received: &lt;Rock &amp; Roll&gt;</title>"), html);
    }

    @Test
    void aSubjectIsOneLineAndLinksAreWebLinks() {
        assertEquals("Won: The Cascades Bcc: x@y.z", new MailContent("Won: The Cascades\r\nBcc: x@y.z", List.of()).subject());
        assertThrows(IllegalArgumentException.class, () -> new Paragraph("Click", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new MailContent(" ", List.of()));
    }
}
