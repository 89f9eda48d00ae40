/**
 * Notifications to the people involved: in the application (table {@code notification}) and by
 * e-mail through the SMTP server of {@code spring.mail.*} (none configured: in the application
 * only). Who is told what: the submitter when information is requested and when their case is
 * decided, and of the monitoring alerts on their engagement that the policy's
 * {@code notify_submitter} names; the analysts when a case opens; a monitoring alert on an
 * engagement reaches its case's analyst, or every analyst while the case has none, and one about
 * a list or a due date every analyst. Users are resolved through
 * {@link edu.scrutiny.app.notification.Recipients}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package edu.scrutiny.app.notification;
