/**
 * The shared kernel every context leans on: roles, staff accounts (operator, clerks, holders)
 * with their PBKDF2 passwords, and the refusals ({@link org.cascade.platform.domain.RuleViolation})
 * that carry a message key instead of a sentence, so the page's language decides the words.
 */
package org.cascade.platform.domain;
