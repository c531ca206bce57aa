package org.cascade.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void ordinaryAddressesAreUsable() {
        for (String a : List.of("aiko@example.org", "ben.k+live@mail.example.co.jp", "x_y-z@a-b.example")) {
            assertTrue(MailAddress.usable(a), a);
        }
    }

    @Test
    void headerInjectionAndMalformedAddressesAreNot() {
        for (String a : List.of("a@b.c\r\nBcc: x@y.z", "a@b.c\nBcc: x@y.z", "a@b.c\rX", "a b@c.d", "a@b", "@b.c", "a@@b.c",
                "a@b.c,d@e.f", "<a@b.c>", "a@b..c", ".a@b.c", "a.@b.c", "a@-b.c", "", "a@b.c\u0000")) {
            assertFalse(MailAddress.usable(a), a);
        }
        assertFalse(MailAddress.usable(null));
    }

    @Test
    void atMost254Characters() {
        String fits = "l".repeat(64) + "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(5);
        assertTrue(fits.length() <= 254 && MailAddress.usable(fits), fits.length() + "");
        assertFalse(MailAddress.usable("l".repeat(64) + "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60)
                + "." + "g".repeat(10)), "255 characters");
    }
}
