package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cascade.live.domain.Feeds;
import org.cascade.live.domain.LiveApplication;
import org.cascade.platform.domain.RuleViolation;

/**
 * The cascade of an event on air as it stands now (FIG. 27): which viewers are online on their
 * live channel and who feeds each — the center, or the terminal of an order above that relays the
 * segments to it over WebRTC ({@link Feeds}). When a relay's channel closes the viewers it fed are
 * given another feeder at once and told so; when a viewer's distribution destination comes online
 * it takes back the viewers the center was feeding in its place. Signals travel only between a
 * viewer and its feeder. The table lives in memory, as the swarm's table of online terminals does:
 * who is online is not a durable fact; what was relayed is reported and kept elsewhere.
 */
@ApplicationScoped
public class LiveCascade {

    /** A viewer online: its place and what it watches. */
    public record Viewer(String eventId, String application, String serial, int order, String pattern,
                         boolean redistributionAllowed, boolean automaticReconnection, String destination, long delayMs,
                         int perTerminal) {
        Feeds.Viewer asFeed() {
            return new Feeds.Viewer(application, order, pattern, redistributionAllowed);
        }
    }

    /** One viewer as the sponsor and the operator see it during the event. */
    public record Node(String application, String serial, int order, boolean online, String fedBy, long centerBytes,
                       Long measuredDelayMs) {
    }

    /** The event's cascade now: every place charged, the center's upload, and the measured delay per order. */
    public record Air(List<Node> nodes, long centerUpload, Map<Integer, Long> measuredDelayMs) {
    }

    /** One event's table; every change happens under its lock, frames are fired after it. */
    private static final class OnAir {
        final Map<String, Viewer> online = new LinkedHashMap<>();
        /** viewer → the terminal feeding it; absent: the center. */
        final Map<String, String> feeder = new HashMap<>();
        final Map<String, Long> centerBytes = new HashMap<>();
        final Map<String, Long> delays = new HashMap<>();
        long centerUpload;
        int perTerminal = 1;
        /** relay + "/" + receiver of every link the center made during the event: what a report may be about. */
        final java.util.Set<String> links = new java.util.HashSet<>();
    }

    private final Map<String, OnAir> events = new ConcurrentHashMap<>();

    @Inject
    LiveApplications applications;

    @Inject
    LiveRefusals refusals;

    @Inject
    Event<LiveFrame> frames;

    @Inject
    Clock clock;

    /** Where a viewer stands in the event: its charged place (never what the page claims). Refused without a paid place. */
    public Viewer placeOf(@NotBlank String serial, @NotBlank String eventId) {
        LiveApplications.Viewing v = applications.viewing(serial, eventId);
        LiveApplication a = v.application();
        return new Viewer(eventId, a.id(), serial, a.order(), v.pattern(), a.redistributionAllowed(), a.automaticReconnection(),
                a.destination(), v.delay().toMillis(), v.event().termsInForce().redistributorsPerTerminal());
    }

    /**
     * A viewer's channel joined the event: it gets its feeder, and a relay whose viewers waited on
     * the center takes them back.
     */
    public void join(Viewer viewer) {
        String eventId = viewer.eventId();
        int perTerminal = viewer.perTerminal();
        OnAir air = events.computeIfAbsent(eventId, id -> new OnAir());
        List<LiveFrame> out = new ArrayList<>();
        synchronized (air) {
            air.perTerminal = perTerminal;
            air.online.put(viewer.application(), viewer);
            air.feeder.remove(viewer.application());
            feed(air, viewer, perTerminal);
            for (Viewer waiting : List.copyOf(air.online.values())) {
                if (viewer.application().equals(waiting.destination()) && !air.feeder.containsKey(waiting.application())
                        && load(air, viewer.application()) < perTerminal) {
                    air.feeder.put(waiting.application(), viewer.application());
                    air.links.add(viewer.application() + "/" + waiting.application());
                    out.add(place(eventId, air, waiting));
                } else if (viewer.application().equals(air.feeder.get(waiting.application()))) {
                    out.add(place(eventId, air, waiting)); // the relay's page is new: its viewers link to it again
                }
            }
            out.add(place(eventId, air, viewer));
            out.add(feeds(eventId, air, viewer.application()));
            feederOf(air, viewer.application()).ifPresent(f -> out.add(feeds(eventId, air, f)));
        }
        out.forEach(frames::fire);
    }

    /** A viewer's channel closed: the viewers it fed get another feeder (or the center) and are told. */
    public void left(@NotBlank String eventId, @NotBlank String application) {
        OnAir air = events.get(eventId);
        if (air == null) {
            return;
        }
        List<LiveFrame> out = new ArrayList<>();
        synchronized (air) {
            if (air.online.remove(application) == null) {
                return;
            }
            String own = air.feeder.remove(application);
            if (own != null) {
                out.add(feeds(eventId, air, own));
            }
            List<Viewer> orphans = air.online.values().stream().filter(o -> application.equals(air.feeder.get(o.application())))
                    .sorted(Comparator.comparing(Viewer::application)).toList();
            orphans.forEach(o -> air.feeder.remove(o.application()));
            for (Viewer o : orphans) {
                feed(air, o, air.perTerminal);
                out.add(place(eventId, air, o));
                feederOf(air, o.application()).ifPresent(f -> out.add(feeds(eventId, air, f)));
            }
        }
        out.forEach(frames::fire);
    }

    /**
     * The viewer a signal goes to: only between a viewer and the terminal feeding it. Anything
     * else is refused and recorded: a terminal relaying for a link it is not in.
     */
    public void signal(@NotBlank String eventId, @NotBlank String from, @NotBlank String to, Object data) {
        OnAir air = events.get(eventId);
        boolean linked;
        if (air == null) {
            linked = false;
        } else {
            synchronized (air) {
                linked = air.online.containsKey(from) && air.online.containsKey(to)
                        && (to.equals(air.feeder.get(from)) || from.equals(air.feeder.get(to)));
            }
        }
        if (!linked) {
            refusals.record(eventId, from, "signal to " + to, "live.channel.notLinked");
            throw new RuleViolation("live.channel.notLinked", to);
        }
        frames.fire(new LiveFrame(eventId, to, "signal", Map.of("from", from, "data", data)));
    }

    /** Whether a terminal of an order above feeds the viewer now (then the center keeps its bytes for itself). */
    public boolean fedByTerminal(@NotBlank String eventId, @NotBlank String application) {
        OnAir air = events.get(eventId);
        if (air == null) {
            return false;
        }
        synchronized (air) {
            return air.feeder.containsKey(application);
        }
    }

    /** Whether the center linked {@code relay} to feed {@code receiver} at some time during the event. */
    public boolean wasLinked(@NotBlank String eventId, @NotBlank String relay, @NotBlank String receiver) {
        OnAir air = events.get(eventId);
        if (air == null) {
            return false;
        }
        synchronized (air) {
            return air.links.contains(relay + "/" + receiver);
        }
    }

    /** The center served a viewer a segment's bytes: its own upload. */
    public void servedByCenter(@NotBlank String eventId, @NotBlank String application, @Min(0) long bytes) {
        OnAir air = events.computeIfAbsent(eventId, id -> new OnAir());
        synchronized (air) {
            air.centerUpload += bytes;
            air.centerBytes.merge(application, bytes, Long::sum);
        }
    }

    /** A viewer's measured delay behind the center's reception of the segments it plays. */
    public void delay(@NotBlank String eventId, @NotBlank String application, @Min(0) long ms) {
        OnAir air = events.get(eventId);
        if (air != null) {
            synchronized (air) {
                if (air.online.containsKey(application)) {
                    air.delays.put(application, ms);
                }
            }
        }
    }

    /** The cascade of the event now, for the sponsor and the operator: every online or once-seen viewer. */
    public Air air(@NotBlank String eventId, List<LiveApplication> charged) {
        OnAir air = events.get(eventId);
        if (air == null) {
            return new Air(charged.stream().map(a -> new Node(a.id(), a.applicant(), a.order(), false, null, 0, null)).toList(),
                    0, Map.of());
        }
        synchronized (air) {
            List<Node> nodes = new ArrayList<>();
            Map<Integer, long[]> perOrder = new java.util.TreeMap<>();
            for (LiveApplication a : charged) {
                boolean on = air.online.containsKey(a.id());
                Long d = air.delays.get(a.id());
                if (d != null) {
                    long[] sum = perOrder.computeIfAbsent(a.order(), o -> new long[2]);
                    sum[0] += d;
                    sum[1] += 1;
                }
                nodes.add(new Node(a.id(), a.applicant(), a.order(), on, on ? air.feeder.get(a.id()) : null,
                        air.centerBytes.getOrDefault(a.id(), 0L), d));
            }
            Map<Integer, Long> delays = new LinkedHashMap<>();
            perOrder.forEach((o, s) -> delays.put(o, s[0] / s[1]));
            return new Air(nodes, air.centerUpload, delays);
        }
    }

    private void feed(OnAir air, Viewer viewer, int perTerminal) {
        Map<String, Integer> load = new HashMap<>();
        air.feeder.forEach((v, f) -> {
            if (!v.equals(viewer.application())) {
                load.merge(f, 1, Integer::sum);
            }
        });
        Feeds.feederOf(viewer.asFeed(), viewer.destination(), air.online.values().stream().map(Viewer::asFeed).toList(), load,
                perTerminal).ifPresent(f -> {
                    air.feeder.put(viewer.application(), f);
                    air.links.add(f + "/" + viewer.application());
                });
    }

    private static int load(OnAir air, String relay) {
        return (int) air.feeder.values().stream().filter(relay::equals).count();
    }

    private static Optional<String> feederOf(OnAir air, String viewer) {
        return Optional.ofNullable(air.feeder.get(viewer));
    }

    /** Where a viewer stands: order, delay, pattern and who feeds it. */
    private LiveFrame place(String eventId, OnAir air, Viewer v) {
        String from = air.feeder.get(v.application());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("application", v.application());
        f.put("order", v.order());
        f.put("delayMs", v.delayMs());
        f.put("pattern", v.pattern());
        f.put("feed", from == null ? "center" : "terminal");
        f.put("from", from == null ? "" : from);
        f.put("automaticReconnection", v.automaticReconnection());
        f.put("now", clock.millis());
        return new LiveFrame(eventId, v.application(), "place", f);
    }

    /** What a relay relays now: each viewer it feeds with that viewer's delay. */
    private LiveFrame feeds(String eventId, OnAir air, String relay) {
        List<Map<String, Object>> to = new ArrayList<>();
        air.feeder.forEach((v, f) -> {
            if (relay.equals(f) && air.online.containsKey(v)) {
                to.add(Map.of("application", v, "delayMs", air.online.get(v).delayMs()));
            }
        });
        to.sort(Comparator.comparing(m -> (String) m.get("application")));
        return new LiveFrame(eventId, relay, "feeds", Map.of("to", to, "now", clock.millis()));
    }
}
