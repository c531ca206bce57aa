/** What the operator's console shows of mails: whether they are on, and the ones that keep failing. */
package org.cascade.mail.web;
