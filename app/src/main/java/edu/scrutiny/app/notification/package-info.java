/**
 * Notifications to the people involved: in the application (table {@code notification}) and by
 * e-mail through the SMTP server of {@code spring.mail.*} (none configured: in the application
 * only). Who is told what: the submitter when information is requested and when their case is
 * decided; the analysts when a case opens and when monitoring raises an alert on an engagement
 * with a case. Users are resolved through {@link edu.scrutiny.app.notification.Recipients}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package edu.scrutiny.app.notification;
