/**
 * The mail pages: the operator's (whether mails are on, and the ones that keep failing with the
 * server's answer) and the user's (reminders wanted or not; essential mails always go).
 */
package org.cascade.mail.web;
