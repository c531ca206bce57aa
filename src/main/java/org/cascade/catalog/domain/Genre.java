package org.cascade.catalog.domain;

/** The genres a content is filed under and a user may like. */
public enum Genre {
    MUSIC, MOVIE, ANIME, DRAMA, DOCUMENTARY, LECTURE, GAME, BOOK, SPORTS, OTHER
}
