package edu.scrutiny.app.notification;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells people: a row in {@code notification} (in the caller's transaction), and an e-mail to each
 * known address, sent once that transaction commits (so nobody is told of something rolled back)
 * when an SMTP server is configured ({@code spring.mail.host}). A failed e-mail is logged; it never
 * undoes the action.
 */
@Service
public class Notifications {
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final List<Recipients> recipients;
    private final Clock clock;
    private final String from;

    Notifications(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, List<Recipients> recipients, Clock clock,
                  @Value("${scrutiny.mail.from:scrutiny@localhost}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.recipients = recipients;
        this.clock = clock;
        this.from = from;
    }

    /** Tells one user (in the application, and by e-mail where their address is known). */
    @Transactional
    public void tellUser(String username, String subject, String body, String link) {
        if (username == null || username.isBlank()) {
            return;
        }
        insert(username, subject, body, link);
        Set<String> to = new LinkedHashSet<>();
        recipients.forEach(r -> r.emailOf(username).ifPresent(to::add));
        email(to, subject, body, link);
    }

    /** Tells every user with a role: one notification the role's members all see, and an e-mail to each address. */
    @Transactional
    public void tellRole(Role role, String subject, String body, String link) {
        insert("role:" + role.key(), subject, body, link);
        Set<String> to = new LinkedHashSet<>();
        recipients.forEach(r -> to.addAll(r.emailsFor(role)));
        email(to, subject, body, link);
    }

    /** The actor's notifications, newest first: their own and those of their roles. */
    public List<Notification> forActor(Actor actor) {
        List<String> names = new ArrayList<>();
        names.add(actor.username());
        actor.roles().forEach(r -> names.add("role:" + r.key()));
        return jdbc.sql("SELECT * FROM notification WHERE recipient IN (:r) ORDER BY id DESC FETCH FIRST 200 ROWS ONLY")
                .param("r", names).query(MAPPER).list();
    }

    /** Marks one of the actor's own notifications read. */
    @Transactional
    public Notification markRead(long id, Actor actor) {
        int n = jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND recipient = :r AND read_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("r", actor.username()).update();
        return jdbc.sql("SELECT * FROM notification WHERE id = :id AND recipient = :r").param("id", id).param("r", actor.username())
                .query(MAPPER).optional().orElseThrow(() -> n == 0 ? new NotFound("no notification " + id) : new IllegalStateException());
    }

    private void insert(String recipient, String subject, String body, String link) {
        jdbc.sql("INSERT INTO notification (recipient, subject, body, link, created_at) VALUES (:r, :s, :b, :l, :at)")
                .param("r", recipient).param("s", subject).param("b", body).param("l", link)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private void email(Set<String> to, String subject, String body, String link) {
        if (to.isEmpty()) {
            return; // nothing to send: the sender is not looked up (a bean resolution per call, and monitoring raises hundreds of alerts a run)
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        // one message per address, so that no recipient sees the others'
        List<SimpleMailMessage> messages = new ArrayList<>();
        for (String address : to) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address);
            message.setSubject(subject);
            message.setText(body + (link == null ? "" : "\n\n" + link) + "\n");
            messages.add(message);
        }
        Runnable send = () -> {
            for (SimpleMailMessage message : messages) {
                try {
                    sender.send(message);
                } catch (MailException e) {
                    log.warn("could not e-mail '{}' to {}: {}", subject, message.getTo(), e.getMessage());
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private static final RowMapper<Notification> MAPPER = (rs, n) -> new Notification(rs.getLong("id"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
}
