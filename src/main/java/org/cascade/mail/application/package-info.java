/**
 * The mail use cases: {@link org.cascade.mail.application.Mails#enqueue} records a mail in the
 * caller's transaction (other contexts call it from their own use cases, so the mail commits or
 * rolls back with what caused it); the worker takes the due ones, sends them and records the
 * outcome; the operator reads whether mails are on and which keep failing.
 */
package org.cascade.mail.application;
