/** Where live events are kept: the JPA repository of {@link org.cascade.live.domain.LiveEvent}. */
package org.cascade.live.infrastructure;
