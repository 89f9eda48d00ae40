package edu.scrutiny.app.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link CommandLineApplication} started from the bean definitions Spring's ahead-of-time processing
 * wrote at build time (the build's {@code process-aot}, which runs {@link #main}), instead of
 * parsing the configuration classes, evaluating the auto-configurations' conditions and scanning
 * the class path for components at every start: about a third of a command's start.
 *
 * <p>The processing fixes the conditions as they were at build time. So the generated definitions
 * are used only when nothing a condition of {@link CommandLineApplication}'s auto-configurations
 * reads is set ({@link #CONDITION_PROPERTIES}: mail is the one a deployment sets, for notifications
 * from a command); otherwise the command starts as before. They are used only when asked for, with
 * {@code scrutiny.cli.aot=true} (the launcher sets it), since the generated classes belong to the
 * build that made them: class files left in a development tree by an earlier build would not match
 * changed sources.
 */
public final class CommandLineAot {
    /** The class the ahead-of-time processing generates for {@link #main}'s application: the entry to the generated definitions. */
    static final String INITIALIZER = CommandLineAot.class.getName() + "__ApplicationContextInitializer";
    /** Turns the generated definitions on (the launcher) or off. */
    static final String SETTING = "scrutiny.cli.aot";
    /** Spring's own switch to the generated definitions (read when the application starts). */
    private static final String SPRING_AOT = "spring.aot.enabled";
    /**
     * The settings the imported auto-configurations' conditions read (their class files' property
     * names, Spring Boot 4.0.7; {@code spring.datasource.url} is always set, by {@link DataSession}), which the generated
     * definitions fix as unset (or set by {@link DataSession}): when one is set, the command starts
     * without them.
     */
    static final List<String> CONDITION_PROPERTIES = List.of(
            "spring.mail.host", "spring.mail.jndi-name",
            "spring.datasource.type", "spring.datasource.jndi-name", "spring.datasource.hikari.data-source-class-name",
            "spring.flyway.enabled", "spring.flyway.url", "spring.flyway.user",
            "spring.aop.auto", "spring.aop.proxy-target-class");

    private CommandLineAot() {
    }

    /**
     * The build's ahead-of-time processing runs this: Spring Boot starts the application as a
     * command would, with a data directory that is never opened, and writes its bean definitions as
     * classes instead of starting it.
     */
    public static void main(String[] args) {
        // (never from the definitions of an earlier build, which a development tree may still hold)
        DataSession.application(Path.of("aot-processing").toAbsolutePath(), WebApplicationType.NONE, Map.of(SETTING, "false")).run(args);
    }

    /** Makes the application start from the generated definitions when they fit (decided once its settings are read). */
    static void applyTo(SpringApplication app) {
        app.addListeners(new Decision(app));
    }

    /** Turns Spring's switch off again once the application has started, for an application started next in the same JVM (a test's server). */
    static void reset() {
        SpringProperties.setProperty(SPRING_AOT, null);
    }

    /** Whether a start can use the generated definitions: asked for, present, and no condition's setting set. */
    static boolean fits(ConfigurableEnvironment env, ClassLoader loader) {
        return env.getProperty(SETTING, Boolean.class, false)
                && CONDITION_PROPERTIES.stream().noneMatch(env::containsProperty)
                && ClassUtils.isPresent(INITIALIZER, loader);
    }

    /**
     * Decides once the settings are read (configuration files and environment included), before
     * the application context is made: Spring reads its switch when it makes the context and adds
     * the generated initializer.
     */
    private record Decision(SpringApplication app) implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            if (fits(event.getEnvironment(), app.getClassLoader())) {
                SpringProperties.setFlag(SPRING_AOT);
                app.addInitializers(AotApplicationContextInitializer.forInitializerClasses(INITIALIZER));
            } else {
                SpringProperties.setProperty(SPRING_AOT, null);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
