/** Staff accounts' use cases, and the retry of use cases that lost a race in the database. */
package org.cascade.platform.application;
