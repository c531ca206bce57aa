package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdvertisementTest {

    private static final Instant START = Instant.parse("2025-05-01T00:00:00Z");

    private static Content content(boolean listed, String promotionType) {
        Content c = new Content("C0000000000000A1", "holder-7", "Live At Budokan", null, Genre.MUSIC,
                new Writer("Aoi", null, "bank:1"), new ContentTerms(800, false, 0), "live.mp4", "video/mp4", 100, 0, START);
        c.useImages("image/png", promotionType);
        if (listed) {
            c.list("sealed", "root", START);
        }
        return c;
    }

    private static void assertRefused(String key, Executable e) {
        assertEquals(key, assertThrows(RuleViolation.class, e).messageKey());
    }

    @Test
    void feeIsYenPerDayTimesDaysForEachKind() {
        for (AdvertisementKind kind : AdvertisementKind.values()) {
            Advertisement ad = new Advertisement(content(true, "image/jpeg"), kind, START, 7);
            assertEquals(kind.yenPerDay() * 7, ad.fee(), kind.name());
        }
        assertEquals(3_500, new Advertisement(content(true, null), AdvertisementKind.PREFERRED_POSITION, START, 7).fee());
        assertEquals(7_000, new Advertisement(content(true, "image/png"), AdvertisementKind.BANNER, START, 7).fee());
    }

    @Test
    void daysFromOneToNinetyAreAccepted() {
        assertEquals(500, new Advertisement(content(true, null), AdvertisementKind.PREFERRED_POSITION, START, 1).fee());
        assertEquals(90_000, new Advertisement(content(true, "image/png"), AdvertisementKind.BANNER, START, Advertisement.MAX_DAYS).fee());
    }

    @Test
    void daysOutsideOneToNinetyAreRefused() {
        assertRefused("ad.days.range", () -> new Advertisement(content(true, null), AdvertisementKind.PREFERRED_POSITION, START, 0));
        assertRefused("ad.days.range", () -> new Advertisement(content(true, null), AdvertisementKind.PREFERRED_POSITION, START, 91));
    }

    @Test
    void contentNotListedIsRefused() {
        assertRefused("ad.content.notListed",
                () -> new Advertisement(content(false, "image/png"), AdvertisementKind.PREFERRED_POSITION, START, 5));
    }

    @Test
    void bannerWithoutPromotionImageIsRefused() {
        assertRefused("ad.banner.noImage", () -> new Advertisement(content(true, null), AdvertisementKind.BANNER, START, 5));
    }

    @Test
    void periodEndsDaysAfterItStarts() {
        Advertisement ad = new Advertisement(content(true, "image/png"), AdvertisementKind.BANNER, START, 30);

        assertEquals(START, ad.startsAt());
        assertEquals(START.plus(Duration.ofDays(30)), ad.endsAt());
        assertEquals(Instant.parse("2025-05-31T00:00:00Z"), ad.endsAt());
    }

    @Test
    void advertisementNamesTheContentAndItsHolderAndIsUnpaidAtFirst() {
        Advertisement ad = new Advertisement(content(true, null), AdvertisementKind.PREFERRED_POSITION, START, 3);

        assertEquals("C0000000000000A1", ad.contentId());
        assertEquals("holder-7", ad.holder());
        assertEquals(AdvertisementKind.PREFERRED_POSITION, ad.kind());
        assertNull(ad.transactionId());
        ad.paidBy(41L);
        assertEquals(41L, ad.transactionId());
    }
}
