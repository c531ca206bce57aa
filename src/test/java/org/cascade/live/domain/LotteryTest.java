package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class LotteryTest {

    static final LotterySeed SEED = LotterySeed.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    static List<LotteryEntry> plainEntries(int n) {
        List<LotteryEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(new LotteryEntry("A-" + i, 0, 0));
        }
        return entries;
    }

    @Test
    void theCommitmentIsTheSha256OfTheSeedBytes() throws Exception {
        byte[] seedBytes = HexFormat.of().parseHex(SEED.hex());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seedBytes)), SEED.commitment());
        assertFalse(SEED.toString().contains(SEED.hex()));
        assertThrows(IllegalArgumentException.class, () -> LotterySeed.fromHex("abcd"));
        assertThrows(IllegalArgumentException.class, () -> LotterySeed.fromHex("zz"));
    }

    @Test
    void anyoneRecomputesTheDrawFromThePublishedSeedAndApplications() throws Exception {
        Lottery lottery = new Lottery(1, 3, 3, SEED.commitment());
        List<LotteryEntry> entries = plainEntries(8);
        LotteryResult published = lottery.draw(SEED, entries);
        assertEquals(3, published.winners().size());
        assertEquals(5, published.losers().size());

        // an auditor, with nothing but the published seed, recomputes every ticket by hand
        byte[] seed = HexFormat.of().parseHex(published.seedHex());
        List<String> byTicket = new ArrayList<>();
        for (LotteryEntry e : entries) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update(e.applicationId().getBytes(StandardCharsets.UTF_8));
            byTicket.add(HexFormat.of().formatHex(sha.digest()) + " " + e.applicationId());
        }
        Collections.sort(byTicket);
        List<String> expectedWinners = byTicket.subList(0, 3).stream().map(s -> s.substring(65)).toList();
        assertEquals(expectedWinners, published.winners());

        assertTrue(published.verify());
        assertTrue(published.verify(SEED.commitment(), entries));
        LotteryResult again = LotteryResult.draw(1, 3, 3, LotterySeed.fromHex(published.seedHex()), entries);
        assertEquals(published, again);
    }

    @Test
    void theOrderApplicationsWereSubmittedInChangesNothing() {
        List<LotteryEntry> entries = plainEntries(30);
        List<LotteryEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(LotteryResult.draw(1, 10, 3, SEED, entries).places(), LotteryResult.draw(1, 10, 3, SEED, shuffled).places());
        LotterySeed other = LotterySeed.generate(new SecureRandom());
        assertNotEquals(LotteryResult.draw(1, 10, 3, SEED, entries).places(), LotteryResult.draw(1, 10, 3, other, entries).places());
    }

    @Test
    void terminalsThatDistributedTheArtistOrRelayWellAreDrawnFirst() {
        List<LotteryEntry> entries = new ArrayList<>(plainEntries(20));
        LotteryEntry both = new LotteryEntry("fan-relay", 12, 4);
        LotteryEntry fan = new LotteryEntry("fan", 10, 0);
        LotteryEntry relay = new LotteryEntry("relay", 0, 3);
        LotteryEntry weakRelay = new LotteryEntry("weak-relay", 9, 2); // below both thresholds: no priority
        entries.addAll(List.of(weakRelay, relay, fan, both));
        LotteryResult r = LotteryResult.draw(1, 3, 3, SEED, entries);
        assertEquals("fan-relay", r.places().get(0).applicationId());
        assertEquals(1, r.places().get(0).tier());
        assertEquals(List.of("fan", "relay"), r.places().subList(1, 3).stream().map(LotteryResult.Place::applicationId).sorted().toList());
        assertTrue(r.places().subList(1, 3).stream().allMatch(p -> p.tier() == 2));
        assertEquals(List.of("fan-relay", "fan", "relay").stream().sorted().toList(), r.winners().stream().sorted().toList());
        assertEquals(3, LotteryResult.tier(weakRelay, 3));
        assertTrue(r.losers().contains("weak-relay"));
        // within a tier, chance decides: the two tier-2 entries are in ticket order
        assertTrue(r.places().get(1).ticket().compareTo(r.places().get(2).ticket()) < 0);
    }

    @Test
    void aTamperedResultFailsVerification() {
        List<LotteryEntry> entries = plainEntries(6);
        LotteryResult honest = LotteryResult.draw(2, 2, 3, SEED, entries);
        assertTrue(honest.verify());

        List<LotteryResult.Place> swapped = new ArrayList<>();
        for (LotteryResult.Place p : honest.places()) {
            boolean won = p.place() == 6 || (p.won() && p.place() != 1);
            swapped.add(new LotteryResult.Place(p.place(), p.applicationId(), p.tier(), p.ticket(), won));
        }
        assertFalse(new LotteryResult(2, 2, 3, honest.commitment(), honest.seedHex(), entries, swapped).verify());

        LotterySeed otherSeed = LotterySeed.generate(new SecureRandom());
        LotteryResult redrawn = LotteryResult.draw(2, 2, 3, otherSeed, entries);
        // the center drew with another seed and published it with the original commitment
        assertFalse(new LotteryResult(2, 2, 3, honest.commitment(), redrawn.seedHex(), entries, redrawn.places()).verify());
        // or published a new commitment with it: self-consistent, but not what was committed before closing
        assertTrue(redrawn.verify());
        assertFalse(redrawn.verify(SEED.commitment(), entries));

        // an application left out of the draw
        assertFalse(honest.verify(SEED.commitment(), plainEntries(7)));
        // a priority fact changed after the draw
        List<LotteryEntry> boosted = new ArrayList<>(entries);
        boosted.set(5, new LotteryEntry("A-6", 50, 9));
        assertFalse(new LotteryResult(2, 2, 3, honest.commitment(), honest.seedHex(), boosted, honest.places()).verify());
        assertFalse(new LotteryResult(2, 2, 3, honest.commitment(), "not hex", entries, honest.places()).verify());
    }

    @Test
    void aLotteryIsDrawnOnceWithTheCommittedSeed() {
        Lottery lottery = new Lottery(1, 2, 3, SEED.commitment());
        assertThrows(IllegalArgumentException.class, () -> lottery.draw(LotterySeed.generate(new SecureRandom()), plainEntries(4)));
        assertTrue(lottery.result().isEmpty());
        LotteryResult result = lottery.draw(SEED, plainEntries(4));
        RuleViolation again = assertThrows(RuleViolation.class, () -> lottery.draw(SEED, plainEntries(5)));
        assertEquals("live.lottery.drawn", again.messageKey());
        assertEquals(result, lottery.result().orElseThrow());

        Lottery reloaded = Lottery.drawn(result);
        assertThrows(RuleViolation.class, () -> reloaded.draw(SEED, plainEntries(4)));
        assertThrows(IllegalArgumentException.class, () -> new Lottery(1, 2, 3, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> LotteryResult.draw(1, 2, 3, SEED,
                List.of(new LotteryEntry("x", 0, 0), new LotteryEntry("x", 1, 1))));
    }

    @Test
    void whenEveryoneFitsEveryoneWins() {
        LotteryResult r = LotteryResult.draw(1, 10, 3, SEED, plainEntries(4));
        assertEquals(4, r.winners().size());
        assertTrue(r.losers().isEmpty());
    }
}
