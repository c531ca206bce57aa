package org.cascade.swarm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionRepository;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * Visiting another terminal's shelf (spec second embodiment, FIG. 13–15): the visitor asks the
 * center to connect it to the terminal of a media; the center tells that terminal who the visitor
 * is from its own records (balance, what its media received, what it shares, its link) — the
 * confirmation of FIG. 14 S722 — and the visited terminal answers with a contents list arranged
 * for the visitor, which the center checks (only listed contents the visited terminal really
 * holds) and hands to the visitor with the catalog's details. Visits are short-lived and kept in
 * memory: nothing durable happens until the visitor requests a content, as any other reception.
 */
@ApplicationScoped
@Transactional // its frames are transactional events: they leave when the (read-only) transaction ends
public class Shelves {

    /** How long a visited terminal has to answer. */
    public static final Duration VISIT_TTL = Duration.ofSeconds(30);
    public static final int MAX_ITEMS = 100;
    public static final int MAX_NEWS = 1000;
    private static final int MAX_VISITS = 10_000;

    /** One visit under way: who visits whom, until when. */
    record Visit(String id, String visitorTerminal, String visitedTerminal, String of, Instant expires) {
    }

    /** One line of a shelf as the visited terminal sent it. */
    public record Item(String contentId, boolean recommended) {
    }

    private final Map<String, Visit> visits = new ConcurrentHashMap<>();

    @Inject
    OnlineTerminals online;

    @Inject
    ReceptionRepository receptions;

    @Inject
    StorageMedias media;

    @Inject
    Catalog catalog;

    @Inject
    Event<TerminalMessage> messages;

    @Inject
    Clock clock;

    /** The visitor asks to visit the terminal of media {@code of}; the visited terminal hears who it is. */
    public void visit(@NotBlank String visitorTerminal, @NotBlank String of, @NotBlank String language) {
        TerminalPresence visitor = online.find(visitorTerminal).orElseThrow(() -> new RuleViolation("channel.frame.order", "visit"));
        if (of.equals(visitor.serial())) {
            throw new RuleViolation("shelf.self");
        }
        media.usable(visitor.serial());
        // The media's terminal that shares the most, if it is online in several browsers.
        TerminalPresence visited = online.all().stream().filter(t -> t.serial().equals(of))
                .max(Comparator.comparingInt(t -> t.heldCounts().size())).orElseThrow(() -> new RuleViolation("shelf.offline", of));
        if (visited.heldCounts().isEmpty()) {
            throw new RuleViolation("shelf.sharesNothing", of);
        }
        Instant now = clock.instant();
        visits.values().removeIf(v -> v.expires().isBefore(now));
        if (visits.size() >= MAX_VISITS) {
            throw new RuleViolation("shelf.busy");
        }
        Visit v = new Visit(UUID.randomUUID().toString(), visitorTerminal, visited.terminalId(), of, now.plus(VISIT_TTL));
        visits.put(v.id(), v);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("serial", visitor.serial());
        facts.put("balance", media.balance(visitor.serial()));
        facts.put("received", receptions.byReceiver(visitor.serial()).stream().filter(r -> r.settledBytes() > 0)
                .map(Reception::contentId).toList());
        facts.put("held", List.copyOf(visitor.heldCounts().keySet()));
        facts.put("linkBytesPerSecond", visitor.state().linkBytesPerSecond());
        facts.put("language", language);
        messages.fire(TerminalMessage.of(visited.terminalId(), "visit", Map.of("visit", v.id(), "visitor", facts)));
        messages.fire(TerminalMessage.of(visitorTerminal, "visiting", Map.of("visit", v.id(), "of", of,
                "terminal", visited.terminalId())));
    }

    /**
     * The visited terminal's answer. Checked before anything reaches the visitor: its own visit,
     * not expired, at most {@value #MAX_ITEMS} listed contents that it holds (verified), news of
     * at most {@value #MAX_NEWS} characters. {@code list} and {@code checksum} go to the visitor
     * exactly as they came, for it to check that nothing was damaged on the way.
     */
    public void answered(@NotBlank String visitedTerminal, @NotBlank String visitId, @NotNull String news,
                         @NotNull List<Item> items, @NotNull Object list, @NotBlank String checksum) {
        Visit v = visits.get(visitId);
        if (v == null || !v.visitedTerminal().equals(visitedTerminal) || v.expires().isBefore(clock.instant())) {
            throw new RuleViolation("shelf.visit.unknown");
        }
        if (items.size() > MAX_ITEMS) {
            throw new RuleViolation("channel.field.invalid", "items");
        }
        if (news.length() > MAX_NEWS) {
            throw new RuleViolation("channel.field.invalid", "news");
        }
        if (!checksum.matches("[0-9a-f]{64}")) {
            throw new RuleViolation("channel.field.invalid", "checksum");
        }
        TerminalPresence visited = online.find(visitedTerminal).orElseThrow(() -> new RuleViolation("shelf.visit.unknown"));
        Map<String, Object> details = new LinkedHashMap<>();
        for (Item item : items) {
            Content c = catalog.listed(item.contentId());
            PieceSet held = visited.held(c.id());
            if (held == null || held.isEmpty()) {
                throw new RuleViolation("shelf.item.notHeld", c.name());
            }
            details.put(c.id(), Map.of("name", c.name(), "unitCost", c.unitCost(), "size", c.size(), "genre", c.genre().name()));
        }
        visits.remove(visitId);
        if (online.find(v.visitorTerminal()).isEmpty()) {
            return; // the visitor left meanwhile
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("visit", v.id());
        f.put("of", v.of());
        f.put("terminal", visitedTerminal);
        f.put("list", list);
        f.put("checksum", checksum);
        f.put("details", details);
        messages.fire(TerminalMessage.of(v.visitorTerminal(), "shelf", f));
    }

    /** A terminal went offline: the visits it was part of end with it. */
    public void left(@NotBlank String terminalId) {
        visits.values().removeIf(v -> v.visitorTerminal().equals(terminalId) || v.visitedTerminal().equals(terminalId));
    }
}
