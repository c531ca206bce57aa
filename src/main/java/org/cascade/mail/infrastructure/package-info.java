/**
 * Where mails are kept and how they leave: the JPA outbox, the settings read from server.xml,
 * Jakarta Mail (Liberty's mail feature) talking SMTP, and the worker on the server's managed
 * scheduler that sends the due mails every few seconds (cascade/mailTickSeconds).
 */
package org.cascade.mail.infrastructure;
