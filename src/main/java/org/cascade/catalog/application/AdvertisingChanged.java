package org.cascade.catalog.application;

/** Advertising was bought: what the lists show as sponsored or as banners changes now, not at the next refresh. */
public record AdvertisingChanged(String contentId) {
}
