package org.cascade.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place tests get a deployment: the WAR that {@code mvn package} built, exactly as users
 * run it, under a name of its own so that it never collides with a developer's running server.
 * In-container tests add their own helper classes to it.
 */
public final class Deployments {

    public static final String NAME = "cascade-it.war";

    private Deployments() {
    }

    public static WebArchive cascade() {
        File war = new File(System.getProperty("cascade.war", "target/cascade.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify', which packages it first");
        }
        return ShrinkWrap.create(ZipImporter.class, NAME).importFrom(war).as(WebArchive.class);
    }

    /** The WAR with the center's clock set ahead by the test ({@link SetClock}). */
    public static WebArchive withSetClock() {
        return cascade().addClasses(SetClock.class);
    }
}
