package org.cascade.settlement.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.cascade.mail.application.MailTexts;
import org.cascade.mail.domain.MailContent;
import org.junit.jupiter.api.Test;

class DepositMailsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void theDepositMailSaysTheAmountTheDayThePaymentAndThePageInEnglish() {
        MailContent m = DepositMails.content(new MailTexts(Locale.ENGLISH, TOKYO), 12_345, LocalDate.of(2026, 12, 6),
                "S20261206-001", "https://center.example/cascade/holder");
        assertEquals("Deposited: 12,345 yen", m.subject());
        assertTrue(m.text().contains("the deposit of 12,345 yen to your account: your earnings of 2026-12-06"), m.text());
        assertTrue(m.text().contains("payment reference S20261206-001."), m.text());
        assertTrue(m.text().contains("\nhttps://center.example/cascade/holder\n"), m.text());
        assertTrue(m.html("en").contains("<a href=\"https://center.example/cascade/holder\">"), m.html("en"));
    }

    @Test
    void aJapaneseHolderIsToldInJapanese() {
        MailContent m = DepositMails.content(new MailTexts(Locale.JAPANESE, TOKYO), 1_200, LocalDate.of(2026, 12, 6),
                "S20261206-002", "https://center.example/cascade/holder");
        assertEquals("入金のお知らせ: 1,200 円", m.subject());
        assertTrue(m.text().contains("1,200 円 の入金を確認しました。2026-12-06 の収益"), m.text());
        assertTrue(m.text().contains("支払番号は S20261206-002 です。"), m.text());
    }
}
