package org.cascade.mail.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.cascade.mail.domain.MailContent;
import org.cascade.mail.domain.OutgoingMail;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    private static OutgoingMail mail(String key) {
        return new OutgoingMail(key, "aiko@example.org", "ja",
                new MailContent("抽選結果: 秋ツアー", List.of(MailContent.Paragraph.of("本文"))), Instant.EPOCH);
    }

    @Test
    void aMailIsPlainTextAndHtmlWithAMessageIdFromItsKey() throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage m = SmtpTransport.message(session, mail("live-won:LA-1"), "cascade.example");
        MimeMessage again = SmtpTransport.message(session, mail("live-won:LA-1"), "cascade.example");
        MimeMessage other = SmtpTransport.message(session, mail("live-lost:LA-1"), "cascade.example");
        assertTrue(m.getMessageID().matches("<[0-9a-f]{32}\\.cascade@cascade\\.example>"), m.getMessageID());
        assertEquals(m.getMessageID(), again.getMessageID(), "a mail sent again keeps its Message-ID");
        assertNotEquals(m.getMessageID(), other.getMessageID());
        assertEquals("抽選結果: 秋ツアー", m.getSubject());
        assertEquals("ja", m.getHeader("Content-Language")[0]);
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("本文\n", parts.getBodyPart(0).getContent());
    }
}
