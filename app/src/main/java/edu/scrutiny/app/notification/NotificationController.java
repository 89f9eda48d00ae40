package edu.scrutiny.app.notification;

import edu.scrutiny.app.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The signed-in user's notifications in the application. */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "What the signed-in user has been told")
class NotificationController {
    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The user's own notifications and those of their roles, newest first")
    List<Notification> mine(@Parameter(hidden = true) Actor actor) {
        return notifications.forActor(actor);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the user's own notifications read")
    Notification read(@Parameter(hidden = true) Actor actor, @PathVariable long id) {
        return notifications.markRead(id, actor);
    }
}
