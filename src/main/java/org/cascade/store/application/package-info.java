/** Opening stores and hiring clerks (operator); selling, replenishing, voiding, re-issuing and reporting (clerk). */
package org.cascade.store.application;
