package edu.scrutiny.app.operations;

import edu.scrutiny.app.screening.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A server builds its screening index as soon as it has started, in the background, rather than on
 * the first screening request; readiness ({@link ScreeningIndexHealth}) reports it. Single commands
 * (no web server) build it only when they screen.
 */
@Component
@ConditionalOnWebApplication
class IndexWarmUp {
    private static final Logger log = LoggerFactory.getLogger(IndexWarmUp.class);
    private final Screening screening;

    IndexWarmUp(Screening screening) {
        this.screening = screening;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Thread.ofVirtual().name("screening-index-warm-up").start(() -> {
            try {
                screening.snapshot();
            } catch (RuntimeException e) {
                // readiness stays out of service and says why; the next screening tries again
                log.error("the screening index could not be built: {}", e.getMessage(), e);
            }
        });
    }
}
