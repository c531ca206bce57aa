package org.cascade.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class MailPreferenceTest {

    @Test
    void anAddressIsKeptWithItsLanguageAndABlankOneStopsMails() {
        MailPreference p = new MailPreference("aki-holder", true);
        p.address("  aki@example.org ", "ja");
        assertEquals(Optional.of("aki@example.org"), p.address());
        assertEquals(Locale.JAPANESE, p.language());
        p.address("", "en");
        assertTrue(p.address().isEmpty());
    }

    @Test
    void anAddressThatCouldAddHeadersIsRefusedAndTheKeptOneStays() {
        MailPreference p = new MailPreference("aki-holder", true);
        p.address("aki@example.org", "en");
        for (String bad : new String[] {"aki@example.org\r\nBcc: all@example.org", "aki@example.org\nBcc: x@y.z", "not an address",
                "a@b", "x".repeat(250) + "@example.org"}) {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> p.address(bad, "en"), bad);
            assertEquals("mail.address.invalid", refused.messageKey());
        }
        assertEquals(Optional.of("aki@example.org"), p.address());
    }
}
