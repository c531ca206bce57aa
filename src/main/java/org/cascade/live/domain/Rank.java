package org.cascade.live.domain;

/** A degree of demand or of distribution ability, as FIG. 22 speaks of it: low, middle, high. */
public enum Rank {
    LOW(1), MIDDLE(2), HIGH(3);

    private final int level;

    Rank(int level) {
        this.level = level;
    }

    /** 1 for low, 2 for middle, 3 for high. */
    public int level() {
        return level;
    }

    /** The message key that names this rank on a page. */
    public String messageKey() {
        return "live.rank." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * How far demand is above distribution ability, −2 … +2: positive when demand outruns
     * ability (the price rises), negative when ability outruns demand (the price falls).
     */
    public static int pressure(Rank demand, Rank ability) {
        return demand.level - ability.level;
    }
}
