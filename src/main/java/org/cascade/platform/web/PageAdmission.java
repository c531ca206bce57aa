package org.cascade.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pages are made at once: a few per processor, the others wait their turn in the order
 * they came. Page making is nearly all processor work; when every processor is busy, thirty
 * pages made side by side each take thirty times as long and finish in a random order, while
 * pages taken in turn finish in the order they were asked for — the same throughput with a far
 * shorter slowest wait. (The API, uploads and static files are not counted here.)
 */
@ApplicationScoped
public class PageAdmission {

    /** Pages made at once; 0 means twice the number of processors. Liberty binds a number-like entry as an Integer. */
    @Resource(lookup = "cascade/pagesAtOnce")
    Object configured;

    private Semaphore turns;

    @PostConstruct
    void size() {
        int n;
        try {
            n = Integer.parseInt(configured == null ? "0" : configured.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cascade.pages.at.once must be a whole number, not " + configured);
        }
        turns = new Semaphore(n > 0 ? n : 2 * Runtime.getRuntime().availableProcessors(), true);
    }

    /** Waits for the page's turn; false when it did not come within the time allowed. */
    public boolean enter(long timeout, TimeUnit unit) throws InterruptedException {
        return turns.tryAcquire(timeout, unit);
    }

    public void leave() {
        turns.release();
    }
}
