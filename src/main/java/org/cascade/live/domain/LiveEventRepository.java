package org.cascade.live.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Live events with their applications, draws and price revisions. */
public interface LiveEventRepository {

    void add(LiveEvent event);

    Optional<LiveEvent> find(String id);

    /** The event, locked until the transaction ends, so applications to it are taken one at a time. */
    Optional<LiveEvent> lock(String id);

    /** A holder's events, the soonest first. */
    List<LiveEvent> byHolder(String holder);

    /** Events taking applications (or drawn) that start after {@code now}, the soonest first. */
    List<LiveEvent> openBefore(Instant now);

    /** Charged applications per event of the holder's events that started before {@code now}; 0 without one. */
    long spectatorsPerPastEvent(String holder, Instant now);

    void add(LiveApplication application);

    List<LiveApplication> applications(String eventId);

    List<LiveApplication> applicationsOf(String applicant);

    void add(LiveDraw draw);

    List<LiveDraw> draws(String eventId);

    void add(LivePriceRevision revision);

    void add(LiveSegment segment);

    void add(LiveRefusal refusal);

    List<LiveRefusal> refusals(String eventId, int max);

    /** The last segment published of one pattern of the event. */
    java.util.Optional<LiveSegment> lastSegment(String eventId, String pattern);

    /** Up to {@code max} segments of one pattern after {@code after}, in order. */
    List<LiveSegment> segmentsAfter(String eventId, String pattern, long after, int max);

    List<LivePriceRevision> revisions(String eventId);

    /** The number of segments of the event's longest pattern: how many one viewer could receive. */
    long segmentsPublished(String eventId);

    Optional<RelayReport> relayReport(String id);

    void add(RelayReport report);

    List<RelayReport> relayReports(String eventId);
}
