/** What the operator's console works out from other contexts' figures: a content's availability among the terminals online. */
package org.cascade.console.domain;
