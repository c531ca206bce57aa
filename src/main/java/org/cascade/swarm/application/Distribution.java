package org.cascade.swarm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionRepository;
import org.cascade.swarm.domain.ReceptionTerms;
import org.cascade.swarm.domain.TerminalPresence;
import org.cascade.swarm.domain.TransferLink;
import org.cascade.swarm.domain.TransferLinkRepository;

/**
 * Distribution of contents between terminals (spec FIG. 6, 7, 9, 10, 11): a terminal requests a
 * content; the center checks the balance, chooses a distributor (or lets the user choose from the
 * holder list), brokers a link and relays its signals; both ends report what went over it, and
 * every report is matched and settled at once. When no terminal can send, the center sends the
 * content itself (origin); when no direct connection forms, the pieces go through its relay.
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
        TerminalPresence p = presence;
        for (String contentId : presence.claimed().keySet()) {
            PieceSet verified = receptions.find(presence.serial(), contentId).map(Reception::settled).orElse(null);
            if (verified != null) {
                p = p.verifiedPieces(contentId, verified);
            }
        }
        online.joined(p);
    }

    /** The terminal now holds and shares these pieces of a content (none: it stopped sharing it). */
    public void holding(@NotBlank String terminalId, @NotBlank String contentId, @NotNull PieceSet claimed) {
        PieceSet verified = receptions.find(presence(terminalId).serial(), contentId).map(Reception::settled).orElse(null);
        online.update(terminalId, t -> {
            TerminalPresence p = t.claims(contentId, claimed);
            return verified == null ? p : p.verifiedPieces(contentId, verified);
        });
    }

    /** What a request asks for: the content, automatic start or a chosen distributor, and the pieces the terminal already has. */
    public record Request(String contentId, boolean automatic, String distributorTerminal, PieceSet have) {
    }

    /**
     * A terminal asks for a content (FIG. 9). Without the balance for the rest of it: an alert,
     * no link. Otherwise a link with the chosen or the optimal distributor, the holder list when
     * the user chooses, or the origin when no terminal can send.
     */
    public void request(@NotBlank String terminalId, @NotNull Request r) {
        TerminalPresence requester = presence(terminalId);
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
        for (TransferLink old : links.openByReceiver(requester.serial(), r.contentId())) {
            close(old, "replaced", false);
        }
        DistributorSelection selection = new DistributorSelection(terminalId, requester.serial(), requester.state(),
                wanted.size(), content.redistributionAllowed() ? candidates(r.contentId(), wanted) : List.of());
        if (r.distributorTerminal() != null) {
            DistributorCandidate chosen = selection.holderList().stream().map(DistributorSelection.Ranked::candidate)
                    .filter(c -> c.terminalId().equals(r.distributorTerminal())).findFirst()
                    .orElseThrow(() -> new RuleViolation("channel.distributor.unavailable"));
            openLink(requester, terms, chosen, wanted);
        } else if (!r.automatic()) {
            messages.fire(TerminalMessage.of(terminalId, "holders", Map.of("content", r.contentId(),
                    "holders", holderList(r.contentId(), selection))));
        } else {
            Optional<DistributorCandidate> best = selection.best();
            if (best.isPresent()) {
                openLink(requester, terms, best.get(), wanted);
            } else {
                openOrigin(requester, terms, wanted);
            }
        }
    }

    /**
     * The terminals that could send the wanted pieces. A terminal counts as taking part in as many
     * transfers as its last heartbeat said or the center has brokered for it since, whichever is
     * more: between two heartbeats a burst of requests must not all land on one terminal.
     */
    private List<DistributorCandidate> candidates(String contentId, PieceSet wanted) {
        List<DistributorCandidate> out = new ArrayList<>();
        Map<String, Long> brokered = null;
        for (TerminalPresence t : online.all()) {
            PieceSet held = t.held(contentId);
            if (held == null || held.isEmpty()) {
                continue;
            }
            if (brokered == null) {
                brokered = links.openLinksByDistributorTerminal();
            }
            boolean cutOff = links.strikes(t.serial(), contentId).map(DistributorStrikes::cutOff).orElse(false);
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

    private void openLink(TerminalPresence receiver, ReceptionTerms terms, DistributorCandidate d, PieceSet wanted) {
        TerminalPresence distributor = presence(d.terminalId());
        PieceSet pieces = wanted.intersect(distributor.held(terms.contentId()));
        TransferLink link = new TransferLink(UUID.randomUUID().toString(), terms.contentId(), terms.layout(), receiver.serial(),
                receiver.terminalId(), distributor.serial(), distributor.terminalId(), LinkPath.P2P, pieces, clock.instant());
        links.add(link);
        opened.fire(new LinkOpened(link.id(), link.path()));
        announce(link, link.receiverTerminal(), "receiver", link.distributorTerminal());
        announce(link, link.distributorTerminal(), "distributor", link.receiverTerminal());
    }

    private void openOrigin(TerminalPresence receiver, ReceptionTerms terms, PieceSet wanted) {
        TransferLink link = new TransferLink(UUID.randomUUID().toString(), terms.contentId(), terms.layout(), receiver.serial(),
                receiver.terminalId(), null, null, LinkPath.ORIGIN, wanted, clock.instant());
        links.add(link);
        opened.fire(new LinkOpened(link.id(), link.path()));
        announce(link, link.receiverTerminal(), "receiver", null);
    }

    private void announce(TransferLink link, String terminal, String role, String partner) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("link", link.id());
        f.put("role", role);
        f.put("content", link.contentId());
        f.put("path", link.path().wire());
        f.put("partner", partner);
        f.put("pieces", link.wanted().toBitfield());
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
    public void receipt(@NotBlank String serial, @NotBlank String linkId, @NotNull String pieces) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        link.receipt(fit(link, pieces));
        settle(link);
        if (link.open() && link.delivered()) {
            close(link, "delivered"); // the receiver asks again for whatever it still lacks
        }
    }

    /** The distributor sent these pieces of the link whole: matched with the receipts, and settled. */
    public void sent(@NotBlank String serial, @NotBlank String linkId, @NotNull String pieces) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.distributor())) {
            throw new RuleViolation("channel.link.notYours");
        }
        link.sent(fit(link, pieces));
        settle(link);
        if (link.open() && link.receiptsOverdue()) {
            close(link, "no-receipts");
        }
    }

    /** A bitfield of the link's content (refused when it does not fit it). */
    private static PieceSet fit(TransferLink link, String bitfield) {
        return PieceSet.fromBitfield(link.pieceCount(), bitfield);
    }

    /** The pieces of a link its reports agree on settle now (once: the reception keeps what was settled). */
    private void settle(TransferLink link) {
        ReceptionTerms terms = terms(link.contentId());
        Reception.Settlement s = settlement.settle(terms, link.receiver(), link.distributor(), link.received(), link.sent());
        if (!s.settledAnything()) {
            return;
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
            for (TransferLink l : links.openByReceiver(link.receiver(), link.contentId())) {
                close(l, "completed");
            }
        }
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
    public void corrupt(@NotBlank String serial, @NotBlank String linkId, int piece) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        if (piece < 0 || piece >= link.pieceCount() || !link.wanted().contains(piece) || link.received().contains(piece)) {
            throw new RuleViolation("channel.field.invalid", "piece");
        }
        link.corruptPiece();
        if (link.distributor() == null) {
            return; // the center's own pieces are checked before they leave
        }
        DistributorStrikes strikes = links.strikes(link.distributor(), link.contentId()).orElseGet(() -> {
            DistributorStrikes fresh = new DistributorStrikes(link.distributor(), link.contentId());
            links.add(fresh);
            return fresh;
        });
        if (strikes.failed(clock.instant())) {
            for (TransferLink l : links.openByDistributor(link.distributor(), link.contentId())) {
                close(l, "cut-off");
            }
        }
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
        if (piece < 0 || piece >= link.pieceCount() || !link.wanted().contains(piece) || length != link.layout().bytesOf(piece)) {
            throw new RuleViolation("channel.field.invalid", "piece");
        }
        link.sent(PieceSet.of(link.pieceCount(), piece));
        if (link.receiptsOverdue()) {
            close(link, "no-receipts");
            throw new RuleViolation("channel.link.notYours");
        }
        return link.receiverTerminal();
    }

    /** The receiver ended a link (stalled, closed, paused): the distributor stops. */
    public void interrupted(@NotBlank String serial, @NotBlank String linkId, @NotBlank String reason) {
        TransferLink link = lockedLink(linkId);
        if (!serial.equals(link.receiver())) {
            throw new RuleViolation("channel.link.notYours");
        }
        close(link, "interrupted", false);
    }

    /** The receiver has every piece: whatever is still under way for it closes. */
    public void completed(@NotBlank String serial, @NotBlank String contentId) {
        for (TransferLink l : links.openByReceiver(serial, contentId)) {
            close(l, "completed");
        }
    }

    /** A terminal went offline: its links close, and the receivers among their other ends look for another distributor. */
    public void left(@NotBlank String terminalId) {
        online.left(terminalId);
        for (TransferLink l : links.openByTerminal(terminalId)) {
            close(l, "partner-left");
        }
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
        TransferLink link = links.lock(linkId).filter(l -> l.receiver().equals(serial))
                .orElseThrow(() -> new NotFound("swarm.link.unknown"));
        if (!link.open() || link.path() != LinkPath.ORIGIN || index < 0 || index >= link.pieceCount() || !link.wanted().contains(index)) {
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
     * whole content in its download history pays the rest of the unit cost first.
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
