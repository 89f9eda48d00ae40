package edu.scrutiny.app.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How the REST API takes bodies: the JSON the controllers bind is read without turning numbers or
 * true/false into text (as {@link Documents#JSON} reads), and a body other than a multipart upload
 * (list files, which have their own limit, {@code spring.servlet.multipart.max-file-size}) is at
 * most {@code scrutiny.api.max-body-bytes} (default 1 MiB: an engagement or a policy is a few
 * kilobytes), else 413 with a message, before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
@ServerOnly
class RequestBodies {

    @Bean
    JsonMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, Documents::noScalarsAsText)
                .withCoercionConfig(tools.jackson.databind.type.LogicalType.Boolean, Documents::noNumbersAsBooleans);
    }

    /** Refuses an API body over the limit: by its Content-Length, or while it is read when it has none. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class BodyLimit extends OncePerRequestFilter {
        private final long limit;

        BodyLimit(@Value("${scrutiny.api.max-body-bytes:1048576}") long limit) {
            this.limit = limit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !request.getRequestURI().startsWith("/api/") || type != null && type.toLowerCase().startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > limit) {
                tooLarge(response);
                return;
            }
            Limited limited = new Limited(request, limit);
            try {
                chain.doFilter(limited, response);
            } catch (ServletException | RuntimeException e) {
                if (!limited.exceeded || response.isCommitted()) {
                    throw e;
                }
                response.reset();
                tooLarge(response);
            }
        }

        private void tooLarge(HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"payload too large\",\"message\":\"the request body is larger than "
                    + limit + " bytes (scrutiny.api.max-body-bytes)\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request whose body stops with an error past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        volatile boolean exceeded;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            exceeded = true;
                            throw new IOException("the request body is larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
