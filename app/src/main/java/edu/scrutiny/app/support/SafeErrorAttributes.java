package edu.scrutiny.app.support;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the error page and the error JSON of anything that did not reach a controller's advice (a
 * filter's failure, a request the dispatcher could not take apart) may say. {@code
 * server.error.include-message} is on so that a 4xx keeps its message in words; this keeps it from
 * showing what it must not: a 5xx says only that the cause is in the log, a message that names Java
 * types (an exception's own text) gives way to the status's reason, and the exception's class and
 * binding details are left out.
 */
@Component
@ServerOnly
class SafeErrorAttributes extends DefaultErrorAttributes {
    /** A Java package-qualified name or an exception's class name. */
    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|org|com|tools|edu|net|io)\\.[a-z][a-z0-9_]*\\.[A-Za-z]|[A-Za-z]Exception\\b");

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.remove("exception");
        attributes.remove("trace");
        attributes.remove("errors");
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String reason = String.valueOf(attributes.getOrDefault("error", "error")).toLowerCase(Locale.ROOT);
        if (status >= 500) {
            attributes.put("message", "the server could not complete the request; the cause is in its log");
        } else if (attributes.get("message") instanceof String message && JAVA_NAMES.matcher(message).find()) {
            attributes.put("message", reason);
        }
        return attributes;
    }
}
