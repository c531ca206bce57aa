package org.cascade.mail.domain;

import java.util.regex.Pattern;

/**
 * Whether a text can be used as the address a mail goes to: at most 254 characters (RFC 5321's
 * limit for a path), one {@code @}, a dotted domain, and no space or control character at all —
 * a line break in it could add headers ({@code a@b.c\r\nBcc: x@y.z}) to every mail sent to it.
 */
public final class MailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private MailAddress() {
    }

    public static boolean usable(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches()
                && !address.startsWith(".") && !address.contains("..") && !address.contains(".@");
    }
}
