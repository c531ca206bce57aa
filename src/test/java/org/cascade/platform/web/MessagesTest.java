package org.cascade.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.cascade.ledger.domain.TransactionKind;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every text is a valid pattern (a broken one fails a page at run time). */
class MessagesTest {

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws Exception {
        assertEquals(new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_ja.properties").stringPropertyNames()));
    }

    @Test
    void everyReasonTheRecordsNameHasAText() throws Exception {
        Properties p = bundle("messages.properties");
        List<String> missing = new ArrayList<>();
        for (TransactionKind kind : TransactionKind.values()) {
            if (p.getProperty("ledger.kind." + kind.name()) == null) {
                missing.add(kind.name());
            }
        }
        assertTrue(missing.isEmpty(), "no text for " + missing);
    }

    @Test
    void everyTextIsAValidMessageFormat() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_ja.properties")) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("jakarta.validation")) {
                    continue; // Bean Validation templates name attributes, not indexes
                }
                try {
                    new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {1, 2, 3});
                } catch (IllegalArgumentException e) {
                    broken.add(name + " " + key + ": " + e.getMessage());
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void aTextWithAnApostropheKeepsIt() {
        Messages messages = new Messages();
        assertEquals("The two passwords are not the same.", messages.text(Locale.ENGLISH, "store.password.mismatch"));
        assertTrue(messages.text(Locale.ENGLISH, "error.500.text").contains("center's side"));
        assertEquals("パスワードが違います。", messages.text(Locale.JAPANESE, "media.refused.password"));
        assertEquals("no.such.key", messages.text(Locale.ENGLISH, "no.such.key"));
    }
}
