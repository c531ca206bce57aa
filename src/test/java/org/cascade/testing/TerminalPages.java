package org.cascade.testing;

import java.net.URL;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A person's terminal pages as the tests and benchmarks use them: a content's receive card, the sharing settings. */
public final class TerminalPages {

    private TerminalPages() {
    }

    /** Opens a content's page and waits until its terminal engine is welcomed by the center. */
    public static void openContent(WebDriver d, URL base, String contentId) {
        d.get(base + "content?id=" + contentId);
        Browsers.ready(d);
        Browsers.waitFor(d, 30).until(x -> x.findElement(By.tagName("body")).getAttribute("data-terminal") != null);
    }

    /** The transfer view's state: waiting, running, paused, alert or complete. */
    public static String state(WebDriver d) {
        return d.findElement(By.id("transfer")).getAttribute("data-state");
    }

    /** The bytes the transfer view says arrived by a path (p2p, relay, origin). */
    public static long bytes(WebDriver d, String path) {
        return Long.parseLong(d.findElement(By.id("bytes-" + path)).getAttribute("data-bytes"));
    }

    /** Caps the terminal's upload on its sharing settings, in KiB/s (0: none). */
    public static void capUpload(WebDriver d, URL base, int kibPerSecond) {
        d.get(base + "terminal/library");
        Browsers.ready(d);
        Browsers.type(d, By.id("upload-cap"), String.valueOf(kibPerSecond));
        d.findElement(By.id("save-sharing")).click();
        Browsers.showsThat(d, By.id("library-message"), "the sharing settings saved", t -> !t.isEmpty());
    }
}
