package org.cascade.catalog.application;

/** A content was registered; once its transaction commits, the center processes it. */
public record ContentRegistered(String contentId) {
}
