package edu.scrutiny.app.cli;

import edu.scrutiny.app.support.ServerOnly;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;

import java.io.IOException;
import java.util.List;

/**
 * The components only a server uses, which the command line's component scan leaves out: the web
 * interface ({@code edu.scrutiny.app.web}), controllers and controller advice, servlet filters,
 * health indicators, and whatever is marked {@link ServerOnly}. Each test of a command checks
 * that what is left is enough: a command whose work needs a left-out bean fails to start.
 */
final class ServerComponents implements TypeFilter {
    private static final String WEB_PACKAGE = "edu.scrutiny.app.web.";
    private static final List<String> SERVER_ANNOTATIONS = List.of(
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            ServerOnly.class.getName());
    private static final List<TypeFilter> SERVER_TYPES = List.of(
            new AssignableTypeFilter(jakarta.servlet.Filter.class),
            new AssignableTypeFilter(org.springframework.boot.health.contributor.HealthIndicator.class));

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        String name = reader.getClassMetadata().getClassName();
        if (name.startsWith(WEB_PACKAGE)) {
            return true;
        }
        for (String annotation : SERVER_ANNOTATIONS) {
            if (reader.getAnnotationMetadata().isAnnotated(annotation)) {
                return true;
            }
        }
        for (TypeFilter type : SERVER_TYPES) {
            if (type.match(reader, factory)) {
                return true;
            }
        }
        return false;
    }
}
