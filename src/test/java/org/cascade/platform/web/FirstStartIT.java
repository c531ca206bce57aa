package org.cascade.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first start: one one-time operator password in the log, forced to change, useless after; a private signing key. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstStartIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void theOneTimePasswordIsPrintedOnceAndMustBeReplaced() throws Exception {
        Center.operatorPassword(base);
        assertTrue(Center.operatorWasForcedToChange(), "the operator could do nothing before changing the password");
        assertEquals(1, Center.oneTimePasswordsInLog().size(), "printed once, however often the application started");
        String oneTime = Center.oneTimePasswordsInLog().get(0);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Center(base).signIn("operator", oneTime));
        assertTrue(refused.getMessage().contains("The user name or the password is wrong."), refused.getMessage());
        new Center(base).signIn("operator", Center.operatorPassword(base));
    }

    @Test
    void theSigningKeyIsTheServersAloneAndNeverLogged() throws Exception {
        Path key = Path.of(System.getProperty("cascade.data.dir"), "keys", "media-signing.jwk");
        assertTrue(Files.isRegularFile(key), key.toString());
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(key));
        String jwk = Files.readString(key, StandardCharsets.UTF_8);
        String privatePart = jwk.replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
        assertFalse(privatePart.equals(jwk) || privatePart.isEmpty(), "the key file holds a private key");
        String log = Files.readString(Path.of(System.getProperty("cascade.server.log")), StandardCharsets.UTF_8);
        assertFalse(log.contains(privatePart), "the private key never reaches the log");
    }
}
