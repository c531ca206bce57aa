package org.cascade.swarm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.Manifest;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.DistributorCandidate;
import org.cascade.swarm.domain.DistributorSelection;
import org.cascade.swarm.domain.DistributorStrikes;
import org.cascade.swarm.domain.LinkPath;
import org.cascade.swarm.domain.PiecePlan;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionRepository;
import org.cascade.swarm.domain.ReceptionTerms;
import org.cascade.swarm.domain.TerminalPresence;
import org.cascade.swarm.domain.TransferLink;
import org.cascade.swarm.domain.TransferLinkRepository;

/**
 * Distribution of contents between terminals (spec FIG. 6, 7, 9, 10, 11): a terminal requests a
 * content; the center checks the balance, chooses distributors (or lets the user choose one from
 * the holder list), brokers links and relays their signals; both ends report what went over each
 * link, and every report is matched and settled at once. A receiver takes pieces from up to
 * {@link #SOURCES} terminals at once, and from the center itself (origin) where no terminal can
 * send; the center asks each link for a few pieces at a time ({@link PiecePlan}) and plans the
 * reception again after every report ({@link #reschedule}): more pieces for the links that
 * delivered, other distributors for slow ones, new ones as other receivers come to hold pieces.
 * When no direct connection forms, the pieces go through the center's relay.
 *
 * <p>Use cases that change what a reception can get return the receptions to plan again; the
 * caller plans each in a transaction of its own, which locks the reception's links in id order
 * and nothing else first, so that two plans never wait on each other in a circle.
 *
 * <p>Frames for terminals are fired as {@link TerminalMessage} events and leave only when the
 * transaction commits.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class Distribution {

    /** How many other contents a holder-list line names. */
    private static final int OTHERS_SHOWN = 5;
    /** Terminals a receiver takes pieces from at once. */
    public static final int SOURCES = 4;

    /** A receiver's reception of a content, to plan again. */
    public record ReceptionKey(String serial, String contentId) {
    }

    @Inject
    TransferLinkRepository links;

    @Inject
    ReceptionRepository receptions;

    @Inject
    Receptions settlement;

    @Inject
    OnlineTerminals online;

    @Inject
    Catalog catalog;

    @Inject
    StorageMedias media;

    @Inject
    OriginAbility originAbility;

    @Inject
    OriginSeeding originSeeding;

    @Inject
    Event<TerminalMessage> messages;

    @Inject
    Event<LinkOpened> opened;

    @Inject
    Event<LinkClosed> closed;

    @Inject
    Clock clock;

    /** The terms a reception of a listed content is charged by. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReceptionTerms terms(@NotBlank String contentId) {
        Content c = catalog.listed(contentId);
        return new ReceptionTerms(c.id(), c.holder(), c.size(), Manifest.DEFAULT_PIECE_SIZE, c.unitCost(),
                c.redistributionAllowed() ? c.redistributorSharePercent() : 0);
    }

    /**
     * A terminal came online claiming these pieces: it may distribute those of them that its
     * media verified (settled receptions).
     */
    public void joined(@NotNull TerminalPresence presence) {
        media.usable(presence.serial()); // a revoked media neither distributes nor receives
        TerminalPresence p = presence;
        for (String contentId : presence.claimed().keySet()) {
            PieceSet verified = receptions.find(presence.serial(), contentId).map(Reception::settled).orElse(null);
            if (verified != null) {
                p = p.verifiedPieces(contentId, verified);
            }
        }
        online.joined(p);
    }

    /**
     * The terminal now holds and shares these pieces of a content (none: it stopped sharing it).
     * The receptions it sends to may ask it for the new ones.
     */
    public List<ReceptionKey> holding(@NotBlank String terminalId, @NotBlank String contentId, @NotNull PieceSet claimed) {
        String serial = presence(terminalId).serial();
        PieceSet verified = receptions.find(serial, contentId).map(Reception::settled).orElse(null);
        online.update(terminalId, t -> {
            TerminalPresence p = t.claims(contentId, claimed);
            return verified == null ? p : p.verifiedPieces(contentId, verified);
        });
        return links.openByDistributor(serial, contentId).stream().map(l -> new ReceptionKey(l.receiver(), contentId))
                .distinct().toList();
    }

    /**
     * What a request asks for: the content, automatic start or a chosen distributor, the pieces
     * the terminal already has, and whether the user plays while receiving (pieces in order).
     */
    public record Request(String contentId, boolean automatic, String distributorTerminal, PieceSet have, boolean inOrder) {

        public Request(String contentId, boolean automatic, String distributorTerminal, PieceSet have) {
            this(contentId, automatic, distributorTerminal, have, false);
        }
    }

    /**
     * A terminal asks for a content (FIG. 9). Without the balance for the rest of it: an alert,
     * no link. Otherwise a link with the chosen or the optimal distributor, the holder list when
     * the user chooses, or the origin when no terminal can send.
     */
    public void request(@NotBlank String terminalId, @NotNull Request r) {
        TerminalPresence requester = presence(terminalId);
        media.usable(requester.serial());
        ReceptionTerms terms = terms(r.contentId());
        Content content = catalog.listed(r.contentId());
        long remaining = receptions.find(requester.serial(), r.contentId()).map(x -> x.remainingCost(terms)).orElse(terms.unitCost());
        long balance = media.balance(requester.serial());
        if (balance < remaining) {
            messages.fire(TerminalMessage.withText(terminalId, "alert", Map.of("reason", "balance", "content", r.contentId(),
                    "shortfall", remaining - balance), "swarm.alert.balance", remaining, balance, remaining - balance));
            return;
        }
        if (r.have().pieceCount() != terms.layout().pieceCount()) {
            throw new RuleViolation("channel.pieces.invalid");
        }
        PieceSet wanted = PieceSet.all(terms.layout().pieceCount()).minus(r.have());
        if (wanted.isEmpty()) {
            messages.fire(TerminalMessage.of(terminalId, "closed", Map.of("content", r.contentId(), "reason", "completed")));
            return;
        }
        // A new request replaces what the terminal had under way for this content.
        for (TransferLink old : lockedOpenByReceiver(requester.serial(), r.contentId())) {
            close(old, "replaced", false);
        }
        DistributorSelection selection = new DistributorSelection(terminalId, requester.serial(), requester.state(),
                wanted.size(), content.redistributionAllowed() ? candidates(r.contentId(), wanted) : List.of());
        List<TransferLink> fresh = new ArrayList<>();
        if (r.distributorTerminal() != null) {
            DistributorCandidate chosen = selection.holderList().stream().map(DistributorSelection.Ranked::candidate)
                    .filter(c -> c.terminalId().equals(r.distributorTerminal())).findFirst()
                    .orElseThrow(() -> new RuleViolation("channel.distributor.unavailable"));
            fresh.add(terminalLink(requester, terms, chosen, wanted).chosen(true, r.inOrder()));
        } else if (!r.automatic()) {
            messages.fire(TerminalMessage.of(terminalId, "holders", Map.of("content", r.contentId(),
                    "holders", holderList(r.contentId(), selection))));
            return;
        } else {
            for (DistributorCandidate d : selection.best(SOURCES)) {
                fresh.add(terminalLink(requester, terms, d, wanted).chosen(false, r.inOrder()));
            }
            fresh.add(originLink(requester, terms, wanted).chosen(false, r.inOrder()));
        }
        if (!plan(requester, terms, wanted, List.of(), fresh)) {
            // Every terminal that could send is busy and the origin leaves the pieces to them: the terminal asks again soon.
            messages.fire(TerminalMessage.of(terminalId, "waiting", Map.of("content", r.contentId(), "reason", "busy")));
        }
    }

    /**
     * Plans a reception again (see {@link PiecePlan}): its links that delivered are asked for
     * more, slow ones are replaced when another terminal can take over, others are added while it
     * has fewer than {@link #SOURCES} and something is left to ask, links with nothing to carry
     * close after {@link TransferLink#IDLE_GRACE}, and a complete reception's links close.
     */
    public void reschedule(@NotNull ReceptionKey key) {
        List<TransferLink> open = new ArrayList<>(lockedOpenByReceiver(key.serial(), key.contentId()));
        if (open.isEmpty()) {
            return; // the receiver asks again when it still wants the content
        }
        Optional<TerminalPresence> receiver = online.find(open.get(0).receiverTerminal()).filter(t -> t.serial().equals(key.serial()));
        if (receiver.isEmpty()) {
            return; // it left: its links are closing with it
        }
        ReceptionTerms terms = terms(key.contentId());
        PieceSet lacking = lacking(key, open);
        if (lacking.isEmpty()) {
            for (TransferLink l : open) {
                close(l, "completed");
            }
            return;
        }
        Instant now = clock.instant();
        List<TransferLink> fresh = new ArrayList<>();
        boolean chosen = open.stream().anyMatch(TransferLink::chosenByUser);
        boolean inOrder = open.stream().anyMatch(TransferLink::inOrder);
        if (!chosen) {
            PieceSet unasked = lacking;
            for (TransferLink l : open) {
                unasked = unasked.minus(l.outstanding(lacking));
            }
            List<TransferLink> slow = open.stream().filter(l -> l.path() != LinkPath.ORIGIN && l.slow(lacking, now)).toList();
            long terminals = open.stream().filter(l -> l.path() != LinkPath.ORIGIN).count() - slow.size();
            if (terminals < SOURCES && (!unasked.isEmpty() || !slow.isEmpty())) {
                Set<String> linked = new HashSet<>();
                open.forEach(l -> linked.add(l.distributor()));
                PieceSet wanted = unasked.isEmpty() ? lacking : unasked;
                TerminalPresence r = receiver.get();
                List<DistributorCandidate> others = new DistributorSelection(r.terminalId(), r.serial(), r.state(), wanted.size(),
                        candidates(key.contentId(), wanted).stream().filter(c -> !linked.contains(c.serial())).toList())
                        .best((int) (SOURCES - terminals));
                if (!others.isEmpty()) {
                    for (TransferLink l : slow) {
                        close(l, "slow");
                        open.remove(l);
                    }
                }
                for (DistributorCandidate d : others) {
                    fresh.add(terminalLink(r, terms, d, lacking).chosen(false, inOrder));
                }
            }
            if (open.stream().noneMatch(l -> l.path() == LinkPath.ORIGIN)) {
                fresh.add(originLink(receiver.get(), terms, lacking).chosen(false, inOrder));
            }
        }
        plan(receiver.get(), terms, lacking, open, fresh);
        for (TransferLink l : open) {
            if (l.idle(lacking, now)) {
                close(l, "idle");
            }
        }
    }

    /** The user started or stopped playing while receiving: the pieces come in order, or rarest first again. */
    public List<ReceptionKey> playing(@NotBlank String serial, @NotBlank String contentId, boolean inOrder) {
        for (TransferLink l : lockedOpenByReceiver(serial, contentId)) {
            l.playing(inOrder);
        }
        return List.of(new ReceptionKey(serial, contentId));
    }

    /**
     * What the receiver lacks, from its open links: the pieces it lacked when the newest opened,
     * less what came over them since and what settled.
     */
    private PieceSet lacking(ReceptionKey key, List<TransferLink> open) {
        PieceSet lacking = null;
        for (TransferLink l : open) {
            lacking = lacking == null ? l.wanted() : lacking.intersect(l.wanted());
        }
        for (TransferLink l : open) {
            lacking = lacking.minus(l.received());
        }
        PieceSet settled = receptions.find(key.serial(), key.contentId()).map(Reception::settled).orElse(null);
        return settled == null ? lacking : lacking.minus(settled);
    }

    /**
     * Asks the reception's sources for pieces: the open links, and the fresh ones that get
     * something to carry (opened and announced now; the others are dropped unopened). True when
     * some source was asked for something.
     */
    private boolean plan(TerminalPresence receiver, ReceptionTerms terms, PieceSet lacking, List<TransferLink> open,
                         List<TransferLink> fresh) {
        String contentId = terms.contentId();
        int n = terms.layout().pieceCount();
        List<PieceSet> held = new ArrayList<>();
        Map<String, PieceSet> heldByTerminal = new HashMap<>();
        Set<String> cutOff = null;
        for (TerminalPresence t : online.all()) {
            PieceSet h = t.held(contentId);
            if (h == null || h.isEmpty()) {
                continue;
            }
            if (cutOff == null) {
                cutOff = links.cutOffSerials(contentId);
            }
            heldByTerminal.put(t.terminalId(), h);
            if (!t.serial().equals(receiver.serial()) && !cutOff.contains(t.serial())) {
                held.add(h);
            }
        }
        List<TransferLink> all = new ArrayList<>(open);
        all.addAll(fresh);
        List<PiecePlan.Source> sources = new ArrayList<>();
        for (TransferLink l : all) {
            boolean origin = l.path() == LinkPath.ORIGIN;
            PieceSet h = origin ? PieceSet.all(n) : heldByTerminal.getOrDefault(l.distributorTerminal(), PieceSet.none(n));
            sources.add(new PiecePlan.Source(l.id(), origin, h, l.outstanding(lacking)));
        }
        boolean inOrder = all.stream().anyMatch(TransferLink::inOrder);
        PiecePlan.Result result = new PiecePlan(lacking, PiecePlan.holders(n, held), originSeeding.sending(contentId, n),
                originSeeding.justNow(contentId, n), inOrder, receiver.serial().hashCode()).plan(sources);
        Instant now = clock.instant();
        for (TransferLink l : all) {
            PieceSet asked = result.askedOf(l.id());
            if (asked == null) {
                continue;
            }
            l.ask(asked, lacking, now);
            if (l.path() == LinkPath.ORIGIN) {
                originSeeding.asked(contentId, asked);
            }
            if (fresh.contains(l)) {
                links.add(l);
                opened.fire(new LinkOpened(l.id(), l.path()));
                l.retell(lacking);
                announce(l, l.receiverTerminal(), "receiver", l.distributorTerminal());
                if (l.distributorTerminal() != null) {
                    announce(l, l.distributorTerminal(), "distributor", l.receiverTerminal());
                }
            }
        }
        // Both ends of a link hear when it carries more, or less (a piece came over another link first).
        for (TransferLink l : open) {
            if (l.retell(lacking)) {
                tellAsked(l, lacking);
            }
        }
        return !result.asked().isEmpty();
    }

    /** Both ends hear what the link carries now: everything asked of it, and what is still to send. */
    private void tellAsked(TransferLink link, PieceSet lacking) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("link", link.id());
        f.put("content", link.contentId());
        f.put("pieces", link.asked().toBitfield());
        f.put("outstanding", link.outstanding(lacking).toBitfield());
        messages.fire(TerminalMessage.of(link.receiverTerminal(), "assign", f));
        if (link.distributorTerminal() != null) {
            messages.fire(TerminalMessage.of(link.distributorTerminal(), "assign", f));
        }
    }

    /** The reception's open links, locked in id order (every use case that locks several does so). */
    private List<TransferLink> lockedOpenByReceiver(String serial, String contentId) {
        return lockedInOrder(links.openByReceiver(serial, contentId));
    }

    private List<TransferLink> lockedInOrder(List<TransferLink> found) {
        return found.stream().map(TransferLink::id).sorted().map(links::lock).flatMap(Optional::stream)
                .filter(TransferLink::open).toList();
    }

    /**
     * The terminals that could send the wanted pieces. A terminal counts as taking part in as many
     * transfers as its last heartbeat said or the center has brokered for it since, whichever is
     * more: between two heartbeats a burst of requests must not all land on one terminal.
     */
    private List<DistributorCandidate> candidates(String contentId, PieceSet wanted) {
        List<DistributorCandidate> out = new ArrayList<>();
        Map<String, Long> brokered = null;
        Set<String> cutOffSerials = null;
        for (TerminalPresence t : online.all()) {
            PieceSet held = t.held(contentId);
            if (held == null || held.isEmpty()) {
                continue;
            }
            if (brokered == null) {
                brokered = links.openLinksByDistributorTerminal();
                cutOffSerials = links.cutOffSerials(contentId);
            }
            boolean cutOff = cutOffSerials.contains(t.serial());
            CommunicationState s = t.state();
            int transfers = (int) Math.max(s.transfers(), brokered.getOrDefault(t.terminalId(), 0L));
            out.add(new DistributorCandidate(t.terminalId(), t.serial(),
                    new CommunicationState(s.cpuLoad(), s.linkBytesPerSecond(), s.operatingRate(), transfers),
                    held.intersect(wanted).size(), cutOff));
        }
        return out;
    }

    private List<Map<String, Object>> holderList(String contentId, DistributorSelection selection) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DistributorSelection.Ranked r : selection.holderList()) {
            TerminalPresence t = online.find(r.candidate().terminalId()).orElse(null);
            if (t == null) {
                continue;
            }
            List<String> others = t.heldCounts().keySet().stream().filter(id -> !id.equals(contentId))
                    .map(this::listedName).filter(n -> n != null).sorted().limit(OTHERS_SHOWN).toList();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("terminal", t.terminalId());
            line.put("serial", t.serial());
            line.put("comment", t.comment());
            line.put("quality", Math.round(r.quality() * 100) / 100.0);
            line.put("busy", r.busy());
            line.put("pieces", r.candidate().wantedHeld());
            line.put("others", others);
            out.add(line);
        }
        return out;
    }

    private String listedName(String contentId) {
        try {
            return catalog.listed(contentId).name();
        } catch (NotFound e) {
            return null;
        }
    }

    private TransferLink terminalLink(TerminalPresence receiver, ReceptionTerms terms, DistributorCandidate d, PieceSet wanted) {
        TerminalPresence distributor = presence(d.terminalId());
        return new TransferLink(UUID.randomUUID().toString(), terms.contentId(), terms.layout(), receiver.serial(),
                receiver.terminalId(), distributor.serial(), distributor.terminalId(), LinkPath.P2P, wanted, clock.instant());
    }

    private TransferLink originLink(TerminalPresence receiver, ReceptionTerms terms, PieceSet wanted) {
        return new TransferLink(UUID.randomUUID().toString(), terms.contentId(), terms.layout(), receiver.serial(),
                receiver.terminalId(), null, null, LinkPath.ORIGIN, wanted, clock.instant());
    }

    private void announce(TransferLink link, String terminal, String role, String partner) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("link", link.id());
        f.put("role", role);
        f.put("content", link.contentId());
        f.put("path", link.path().wire());
        f.put("partner", partner);
        f.put("pieces", link.asked().toBitfield());
        f.put("size", link.layout().size());
        f.put("pieceSize", link.layout().pieceSize());
        messages.fire(TerminalMessage.of(terminal, "link", f));
    }

    /** A WebRTC signal for the partner: relayed only between the two ends of an open direct link. Returns the partner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String signalTarget(@NotBlank String terminalId, @NotBlank String linkId) {
        TransferLink link = links.find(linkId).orElseThrow(() -> new RuleViolation("channel.link.unknown"));
        if (!link.open() || link.path() == LinkPath.ORIGIN || !link.hasEnd(terminalId)) {
            throw new RuleViolation("channel.link.notYours");
        }
        String partner = link.partnerOf(terminalId);
        if (partner == null || online.find(partner).isEmpty()) {
            throw new RuleViolation("channel.link.notYours");
        }
        return partner;
    }

    /** The receiver verified and stored these pieces of the link: matched with what was sent, and settled. */
    public List<ReceptionKey> receipt(@NotBlank String serial, @NotBlank String linkId, @NotNull String pieces) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        media.usable(serial);
        if (endedByRevocation(link)) {
            // Its pieces stay unsettled: the receiver gets them from another source and pays that one.
            return List.of(new ReceptionKey(link.receiver(), link.contentId()));
        }
        link.receipt(fit(link, pieces), clock.instant());
        settle(link);
        return List.of(new ReceptionKey(link.receiver(), link.contentId()));
    }

    /** The distributor sent these pieces of the link whole: matched with the receipts, and settled. */
    public List<ReceptionKey> sent(@NotBlank String serial, @NotBlank String linkId, @NotNull String pieces) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.distributor())) {
            throw new RuleViolation("channel.link.notYours");
        }
        media.usable(serial);
        if (endedByRevocation(link)) {
            return List.of(); // a revoked receiver pays nothing more, so the pieces it took earn nothing
        }
        link.sent(fit(link, pieces));
        boolean settled = settle(link);
        if (link.open() && link.receiptsOverdue()) {
            close(link, "no-receipts");
            return List.of(new ReceptionKey(link.receiver(), link.contentId()));
        }
        return settled && link.open() ? List.of(new ReceptionKey(link.receiver(), link.contentId())) : List.of();
    }

    /**
     * Ends a link one of whose media was revoked since it opened: nothing more goes over it, and
     * nothing of it settles. Neither end is paid or charged for what it still reports: a revoked
     * receiver must not spend its owner's balance (whoever holds the lost media would), and a
     * revoked distributor must not earn (the money would land on a media nobody may use, or after
     * its re-issue on no one's). The pieces a revoked distributor sent stay unsettled, so the
     * receiver pays for them once, to the source that brings them again (or at playback), and the
     * ledger never holds a charge for pieces that nobody is paid for. True when the link ended.
     */
    private boolean endedByRevocation(TransferLink link) {
        if (media.isUsable(link.receiver()) && (link.distributor() == null || media.isUsable(link.distributor()))) {
            return false;
        }
        if (link.open()) {
            close(link, "revoked");
        }
        return true;
    }

    /** A bitfield of the link's content (refused when it does not fit it). */
    private static PieceSet fit(TransferLink link, String bitfield) {
        return PieceSet.fromBitfield(link.pieceCount(), bitfield);
    }

    /**
     * The pieces of a link its reports agree on settle now (once: the reception keeps what was
     * settled, so a piece that came over two links in the endgame is paid for once). True when
     * something settled. A complete reception's other links close when it is planned again.
     */
    private boolean settle(TransferLink link) {
        ReceptionTerms terms = terms(link.contentId());
        Reception.Settlement s = settlement.settle(terms, link.receiver(), link.distributor(), link.received(), link.sent());
        if (!s.settledAnything()) {
            return false;
        }
        link.settled(s.charge().debit(), s.charge().distributorReward());
        Reception reception = receptions.find(link.receiver(), link.contentId()).orElseThrow();
        online.update(link.receiverTerminal(), t -> t.verifiedPieces(link.contentId(), reception.settled()));
        tellSettled(link, link.receiverTerminal(), link.receiver(), "receiver", s.charge().debit(), s.pieces().size(),
                reception.settled().size());
        if (link.distributor() != null && s.charge().distributorReward() > 0) {
            tellSettled(link, link.distributorTerminal(), link.distributor(), "distributor", s.charge().distributorReward(),
                    s.pieces().size(), -1);
        }
        if (reception.complete()) {
            close(link, "completed");
        }
        return true;
    }

    /** Settled amounts and the media's next RAM version, for a terminal that is online to take it. */
    private void tellSettled(TransferLink link, String terminal, String serial, String role, long amount, int pieces, int settledPieces) {
        Optional<TerminalPresence> t = online.find(terminal).filter(p -> p.serial().equals(serial));
        if (t.isEmpty()) {
            return; // away: it takes its media's current version at its next sign-in
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("link", link.id());
        f.put("content", link.contentId());
        f.put("role", role);
        f.put("amount", amount);
        f.put("pieces", pieces);
        if (settledPieces >= 0) {
            f.put("settledPieces", settledPieces);
        }
        f.put("balance", media.balance(serial));
        f.put("ram", media.sealedRam(serial));
        messages.fire(TerminalMessage.of(terminal, "settled", f));
    }

    /**
     * A piece of the link failed verification at the receiver. The third such piece of a content
     * cuts its distributor off for that content: its links for it close, and it is not chosen again.
     */
    public List<ReceptionKey> corrupt(@NotBlank String serial, @NotBlank String linkId, int piece) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        if (piece < 0 || piece >= link.pieceCount() || !link.asked().contains(piece) || link.received().contains(piece)) {
            throw new RuleViolation("channel.field.invalid", "piece");
        }
        link.corruptPiece();
        if (link.distributor() == null) {
            return List.of(); // the center's own pieces are checked before they leave
        }
        DistributorStrikes strikes = links.strikes(link.distributor(), link.contentId()).orElseGet(() -> {
            DistributorStrikes fresh = new DistributorStrikes(link.distributor(), link.contentId());
            links.add(fresh);
            return fresh;
        });
        List<ReceptionKey> affected = new ArrayList<>();
        if (strikes.failed(clock.instant())) {
            for (TransferLink l : lockedInOrder(links.openByDistributor(link.distributor(), link.contentId()))) {
                close(l, "cut-off");
                affected.add(new ReceptionKey(l.receiver(), l.contentId()));
            }
        }
        return affected;
    }

    /** The receiver found no direct connection: the link's pieces go through the center's relay. */
    public void relay(@NotBlank String terminalId, @NotBlank String linkId) {
        TransferLink link = lockedLink(linkId);
        if (!terminalId.equals(link.receiverTerminal())) {
            throw new RuleViolation("channel.link.notYours");
        }
        link.takeRelay();
        messages.fire(TerminalMessage.of(link.distributorTerminal(), "relay", Map.of("link", link.id())));
        messages.fire(TerminalMessage.of(link.receiverTerminal(), "relay", Map.of("link", link.id())));
    }

    /**
     * A piece the distributor hands the relay: checked (its link, its end, its length), counted as
     * sent — the center saw it go — and the receiver's terminal returned to forward it to.
     */
    public String relayed(@NotBlank String terminalId, @NotBlank String linkId, int piece, int length) {
        TransferLink link = lockedLink(linkId);
        if (!link.open() || link.path() != LinkPath.RELAY || !terminalId.equals(link.distributorTerminal())) {
            throw new RuleViolation("channel.link.notYours");
        }
        media.usable(link.distributor());
        media.usable(link.receiver());
        if (piece < 0 || piece >= link.pieceCount() || !link.asked().contains(piece) || length != link.layout().bytesOf(piece)) {
            throw new RuleViolation("channel.field.invalid", "piece");
        }
        link.sent(PieceSet.of(link.pieceCount(), piece));
        if (link.receiptsOverdue()) {
            close(link, "no-receipts");
            throw new RuleViolation("channel.link.notYours");
        }
        return link.receiverTerminal();
    }

    /** The receiver ended a link (stalled, closed, paused): the distributor stops, and the reception is planned again unless paused. */
    public List<ReceptionKey> interrupted(@NotBlank String serial, @NotBlank String linkId, @NotBlank String reason) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        close(link, "interrupted", false);
        // A user who paused wants nothing more for now; a stalled or failed link is replaced.
        return "paused".equals(reason) ? List.of() : List.of(new ReceptionKey(link.receiver(), link.contentId()));
    }

    /** The receiver has every piece: whatever is still under way for it closes. */
    public void completed(@NotBlank String serial, @NotBlank String contentId) {
        for (TransferLink l : lockedOpenByReceiver(serial, contentId)) {
            close(l, "completed");
        }
    }

    /**
     * A terminal went offline: its links close, and the receptions it was sending to are planned
     * again (their other sources take over its pieces, and another distributor is added).
     */
    public List<ReceptionKey> left(@NotBlank String terminalId) {
        online.left(terminalId);
        List<ReceptionKey> affected = new ArrayList<>();
        for (TransferLink l : lockedInOrder(links.openByTerminal(terminalId))) {
            close(l, "partner-left");
            if (!terminalId.equals(l.receiverTerminal())) {
                affected.add(new ReceptionKey(l.receiver(), l.contentId()));
            }
        }
        return affected;
    }

    private void close(TransferLink link, String reason) {
        close(link, reason, true);
    }

    /** Closes a link and tells its ends that are online (the receiver only when it did not end the link itself). */
    private void close(TransferLink link, String reason, boolean tellReceiver) {
        if (link.open()) {
            closed.fire(new LinkClosed(link.id(), link.path(), reason));
        }
        link.close(reason, clock.instant());
        for (String end : new String[] {tellReceiver ? link.receiverTerminal() : null, link.distributorTerminal()}) {
            if (end != null && online.find(end).isPresent()) {
                messages.fire(TerminalMessage.of(end, "closed", Map.of("link", link.id(), "content", link.contentId(), "reason", reason)));
            }
        }
    }

    /** The center cannot settle a link because the receiver's balance ran out: the link closes with an alert. */
    public void balanceRanOut(@NotBlank String linkId) {
        TransferLink link = lockedLink(linkId);
        close(link, "balance");
        long remaining = receptions.find(link.receiver(), link.contentId()).map(r -> r.remainingCost(terms(link.contentId())))
                .orElse(terms(link.contentId()).unitCost());
        long balance = media.balance(link.receiver());
        if (online.find(link.receiverTerminal()).isPresent()) {
            messages.fire(TerminalMessage.withText(link.receiverTerminal(), "alert", Map.of("reason", "balance",
                    "content", link.contentId(), "shortfall", Math.max(0, remaining - balance)),
                    "swarm.alert.balance", remaining, balance, Math.max(0, remaining - balance)));
        }
    }

    /** Origin: piece {@code index} of an origin link, for its receiver, within the receipt window. */
    public byte[] originPiece(@NotBlank String serial, @NotBlank String linkId, int index) {
        media.usable(serial);
        TransferLink link = links.lock(linkId).filter(l -> l.receiver().equals(serial))
                .orElseThrow(() -> new NotFound("swarm.link.unknown"));
        if (!link.open() || link.path() != LinkPath.ORIGIN || index < 0 || index >= link.pieceCount() || !link.asked().contains(index)) {
            throw new NotFound("swarm.link.unknown");
        }
        if (!link.originMaySend(index)) {
            throw new ReceiptsFirst();
        }
        long wait = originAbility.admit(link.contentId(), link.layout().bytesOf(index));
        if (wait > 0) {
            throw new OriginBusy(wait);
        }
        byte[] piece = catalog.piece(link.contentId(), index);
        link.sent(PieceSet.of(link.pieceCount(), index));
        return piece;
    }

    /** More origin pieces were asked for than receipted: receipts first. */
    public static class ReceiptsFirst extends RuleViolation {
        private static final long serialVersionUID = 1L;

        ReceiptsFirst() {
            super("swarm.origin.receiptsFirst", TransferLink.ORIGIN_WINDOW);
        }
    }

    /** The origin is at its cap (the operator's distribution ability): the piece can go after {@link #retryAfterMillis}. */
    public static class OriginBusy extends RuleViolation {
        private static final long serialVersionUID = 1L;
        private final long retryAfterMillis;

        OriginBusy(long waitNanos) {
            super("swarm.origin.busy");
            this.retryAfterMillis = Math.max(1, waitNanos / 1_000_000);
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    /** What playing a stored content charged: nothing when the media paid for all of it already. */
    public record Playback(long charged, long balance, String ram) {
    }

    /**
     * Before a stored content plays (reproduction processing section 39): a media without the
     * whole content in its download history pays the rest of the unit cost first. A revoked media
     * plays nothing, paid for or not ({@link Receptions#settle} refuses it).
     */
    public Playback playback(@NotBlank String serial, @NotBlank String contentId) {
        ReceptionTerms terms = terms(contentId);
        PieceSet all = PieceSet.all(terms.layout().pieceCount());
        Reception.Settlement s = settlement.settle(terms, serial, null, all, all);
        return new Playback(s.charge().debit(), media.balance(serial), media.sealedRam(serial));
    }

    private TransferLink lockedLink(String linkId) {
        return links.lock(linkId).orElseThrow(() -> new RuleViolation("channel.link.unknown"));
    }

    private TerminalPresence presence(String terminalId) {
        return online.find(terminalId).orElseThrow(() -> new RuleViolation("channel.frame.order", "hello"));
    }

    // Views for the terminal's library and the operator.

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransferLinkRepository.Earnings> earnings(@NotBlank String serial) {
        return links.earningsOf(serial);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reception> receptions(@NotBlank String serial) {
        return receptions.byReceiver(serial);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransferLink> openLinks() {
        return links.open();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransferLink> mismatchedLinks() {
        return links.mismatched(50);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LinkPath, Long> bytesByPath() {
        return everyPath(links.bytesByPath());
    }

    /** The bytes each link opened in [from, to) delivered, by path, for the operator's charts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransferLinkRepository.Delivery> deliveredBetween(@NotNull java.time.Instant from, @NotNull java.time.Instant to) {
        return links.deliveredBetween(from, to);
    }

    /** How many links are open, by path (every path named, zero when none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LinkPath, Long> openLinksByPath() {
        return everyPath(links.openByPath());
    }

    private static Map<LinkPath, Long> everyPath(Map<LinkPath, Long> found) {
        Map<LinkPath, Long> out = new LinkedHashMap<>();
        for (LinkPath p : LinkPath.values()) {
            out.put(p, 0L);
        }
        out.putAll(found);
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DistributorStrikes> cutOff() {
        return links.cutOff(50);
    }
}
