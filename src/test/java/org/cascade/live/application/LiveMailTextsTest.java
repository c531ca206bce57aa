package org.cascade.live.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.cascade.mail.application.MailTexts;
import org.cascade.mail.domain.MailContent;
import org.junit.jupiter.api.Test;

/** What the live applications' mails say, in English and Japanese, with their figures and links. */
class LiveMailTextsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant STARTS = Instant.parse("2026-12-24T10:00:00Z");
    private static final Instant STREAM = Instant.parse("2026-12-24T10:00:30Z");
    private static final LiveMailTexts.Applied AIKO = new LiveMailTexts.Applied("Aiko", "EV1", "The Cascades \u2014 Autumn tour",
            1, "vocal", 1_200);

    private static LiveMailTexts texts(Locale language) {
        return new LiveMailTexts(new MailTexts(language, TOKYO), "https://cascade.example");
    }

    @Test
    void theApplicationReceivedSaysTheOrderThePriceAndTheDrawsCommitment() {
        MailContent m = texts(Locale.ENGLISH).received(AIKO,
                new LiveMailTexts.Lottery(Instant.parse("2026-12-01T03:00:00Z"), "ab".repeat(32)));
        assertEquals("Application received: The Cascades \u2014 Autumn tour", m.subject());
        String text = m.text();
        assertTrue(text.startsWith("Aiko,\n\n"), text);
        assertTrue(text.contains("the primary distribution, edit pattern \u201cvocal\u201d, at 1,200 yen."), text);
        assertTrue(text.contains("drawn by lottery when reception closes at 2026-12-01 12:00 JST"), text);
        assertTrue(text.contains("the SHA-256 of its seed is " + "ab".repeat(32)), text);
        assertTrue(text.contains("https://cascade.example/live/event?id=EV1"), text);
        assertTrue(m.html("en").contains("<a href=\"https://cascade.example/live/event?id=EV1\">"), m.html("en"));

        MailContent ja = texts(Locale.JAPANESE).received(AIKO, new LiveMailTexts.FirstCome());
        assertEquals("申込を受け付けました: The Cascades \u2014 Autumn tour", ja.subject());
        assertTrue(ja.text().contains("1次配信（編集パターン「vocal」）の申込を 1,200 円 で受け付けました。"), ja.text());
        assertTrue(ja.text().contains("先着順"), ja.text());

        MailContent auction = texts(Locale.ENGLISH).received(AIKO, new LiveMailTexts.Auction(2_000, 1_000));
        assertTrue(auction.text().contains("falls from 2,000 yen to no less than 1,000 yen; you pay 1,200 yen"), auction.text());
    }

    @Test
    void theWinnerLearnsWhatIsChargedAndWhenTheEventIs() {
        MailContent won = texts(Locale.ENGLISH).won(AIKO, true, STARTS, STREAM);
        assertEquals("You won the lottery: The Cascades \u2014 Autumn tour", won.subject());
        assertTrue(won.text().contains("1,200 yen was charged from your balance."), won.text());
        assertTrue(won.text().contains("The event starts at 2026-12-24 19:00 JST; your stream starts at 2026-12-24 19:00 JST."),
                won.text());
        MailContent ja = texts(Locale.JAPANESE).won(AIKO, false, STARTS, STREAM);
        assertEquals("抽選に当選しました: The Cascades \u2014 Autumn tour", ja.subject());
        assertTrue(ja.text().contains("残高から 1,200 円 を課金します。"), ja.text());
    }

    @Test
    void theLoserIsOfferedTheOrdersWithRoomAndALinkToTakeOne() {
        MailContent lost = texts(Locale.ENGLISH).lost(AIKO, List.of(new LiveMailTexts.Offer(3, 120, 40),
                new LiveMailTexts.Offer(4, 80, 200)));
        assertEquals("Lottery result: The Cascades \u2014 Autumn tour", lost.subject());
        String text = lost.text();
        assertTrue(text.contains("You were not drawn in the lottery of The Cascades \u2014 Autumn tour for the primary distribution."),
                text);
        assertTrue(text.contains("\u2022 tertiary distribution: 120 yen, 40 places left\n\u2022 order 4 distribution: 80 yen, 200 places left\n"
                + "https://cascade.example/live/event?id=EV1"), text);
        MailContent ja = texts(Locale.JAPANESE).lost(AIKO, List.of());
        assertTrue(ja.text().contains("空きのある配信順はほかにありません"), ja.text());
    }

    @Test
    void aChargeSaysTheAmountAndLinksToWatching() {
        MailContent m = texts(Locale.ENGLISH).charged(AIKO, STARTS, STREAM);
        assertEquals("Charged 1,200 yen: The Cascades \u2014 Autumn tour", m.subject());
        assertTrue(m.text().contains("1,200 yen was charged from your storage media's balance for The Cascades"), m.text());
        assertTrue(m.text().contains("https://cascade.example/live/watch?id=EV1"), m.text());
        MailContent ja = texts(Locale.JAPANESE).charged(AIKO, STARTS, STREAM);
        assertEquals("1,200 円 を課金しました: The Cascades \u2014 Autumn tour", ja.subject());
    }

    @Test
    void aCheckpointThatMovesTheStreamSaysTheNewTimeAndThatThePriceStays() {
        MailContent m = texts(Locale.ENGLISH).revised(AIKO, 30, STREAM, STREAM.plusSeconds(600));
        assertEquals("New stream time: The Cascades \u2014 Autumn tour", m.subject());
        assertTrue(m.text().contains("At the checkpoint 30 days before The Cascades \u2014 Autumn tour, the center revised the terms of "
                + "the primary distribution: your stream now starts at 2026-12-24 19:10 JST instead of 2026-12-24 19:00 JST."), m.text());
        assertTrue(m.text().contains("You pay 1,200 yen, the price you applied at."), m.text());
        MailContent ja = texts(Locale.JAPANESE).revised(AIKO, 7, STREAM, STREAM.plusSeconds(600));
        assertTrue(ja.text().contains("7 日前のチェックポイント"), ja.text());
    }

    @Test
    void theEventAboutToStartGivesTheWatchLink() {
        MailContent m = texts(Locale.ENGLISH).starting(AIKO, STARTS, STREAM);
        assertEquals("About to start: The Cascades \u2014 Autumn tour", m.subject());
        assertTrue(m.text().contains("starts at 2026-12-24 19:00 JST; your stream starts at 2026-12-24 19:00 JST."), m.text());
        assertTrue(m.text().contains("https://cascade.example/live/watch?id=EV1"), m.text());
        assertEquals("まもなく開始: The Cascades \u2014 Autumn tour", texts(Locale.JAPANESE).starting(AIKO, STARTS, STREAM).subject());
    }

    @Test
    void theRefundForRedistributionSaysTheAmountAndWhatItWasFor() {
        MailContent m = texts(Locale.ENGLISH).refunded(AIKO, 36, 12, 3);
        assertEquals("Refund credited, 36 yen: The Cascades \u2014 Autumn tour", m.subject());
        assertTrue(m.text().contains("36 yen was credited to your balance for relaying The Cascades \u2014 Autumn tour: 12 segments "
                + "that 3 viewers confirmed receiving from you."), m.text());
        assertTrue(texts(Locale.ENGLISH).refunded(AIKO, 12, 12, 1).text().contains("that one viewer confirmed"));
        assertEquals("36 円 を返金しました: The Cascades \u2014 Autumn tour", texts(Locale.JAPANESE).refunded(AIKO, 36, 12, 3).subject());
    }
}
