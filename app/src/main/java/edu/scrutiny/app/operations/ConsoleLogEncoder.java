package edu.scrutiny.app.operations;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import java.nio.charset.StandardCharsets;

/**
 * The console's encoder (logback-spring.xml): lines in Spring Boot's usual pattern, or, with
 * {@code scrutiny.log.json=true}, one JSON object per line in Spring Boot's structured format (ECS
 * by default, {@code logging.structured.format.console} picks another), the logging context
 * ({@code request_id}) among its fields. Logback's own {@code <if>} would need Janino on the class
 * path, so the choice is made here, once, when the logging system starts.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {
    private String pattern;
    private String json = "false";
    private String format = "ecs";
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setJson(String json) {
        this.json = json;
    }

    public void setFormat(String format) {
        if (format != null && !format.isBlank()) {
            this.format = format;
        }
    }

    @Override
    public void start() {
        if ("true".equalsIgnoreCase(json == null ? "" : json.strip())) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(format);
            structured.setCharset(StandardCharsets.UTF_8);
            delegate = structured;
        } else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setContext(getContext());
            plain.setPattern(pattern);
            plain.setCharset(StandardCharsets.UTF_8);
            delegate = plain;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
