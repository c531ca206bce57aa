package org.cascade.catalog.domain;

/** What an advertising fee buys, and its price per day in yen. */
public enum AdvertisementKind {
    /** The content is listed first, marked sponsored, on every user's list. */
    PREFERRED_POSITION(500),
    /** The content's promotion image is shown as a banner over the list. */
    BANNER(1000);

    private final long yenPerDay;

    AdvertisementKind(long yenPerDay) {
        this.yenPerDay = yenPerDay;
    }

    public long yenPerDay() {
        return yenPerDay;
    }
}
