package edu.scrutiny.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Scrutiny application: one Spring Modulith module per top-level package below this one
 * (engagement, lists, screening, directives, reference, policy, assessment, and the command line),
 * each explained in its {@code package-info.java}. Started by the command line
 * ({@code ./scrutiny serve}, {@code ./scrutiny demo}) or, for single commands, without a web server.
 */
@SpringBootApplication
public class ScrutinyApplication {
}
