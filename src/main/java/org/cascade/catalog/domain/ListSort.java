package org.cascade.catalog.domain;

/** The orders a contents list can take after sponsored and liked-genre contents. */
public enum ListSort {
    NEWEST, POPULAR, RATING, PRICE_LOW
}
