package edu.scrutiny.app.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that only a running server uses (metrics, error pages, request filters): a
 * single command on a data directory does not build it. Controllers, controller advice, servlet
 * filters, health indicators and the web package need no mark: the command line leaves them out
 * by their kind. Why: every bean a command builds is paid at every start of the command line.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerOnly {
}
