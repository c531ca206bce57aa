/**
 * Jakarta Security wiring (one authentication mechanism, the staff identity store, the caller
 * kept in the HTTP session), the clock, JPA repositories and what happens at the first start.
 */
package org.cascade.platform.infrastructure;
