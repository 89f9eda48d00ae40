package edu.scrutiny.app.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One log line per request, with its correlation id: the caller's {@code X-Request-Id} when it is a
 * sane token (a load balancer or a script that sets one can follow its request through the logs),
 * else a new one; echoed in the response and kept in the logging context ({@code request_id}) while
 * the request runs, so every line the request causes carries it. Runs before sign-in, so refused
 * requests are logged too. The probes ({@code /actuator/health/**}) are logged at DEBUG: a load
 * balancer asks every few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog extends OncePerRequestFilter {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    /** What a caller's id may look like: anything else (too long, control characters, spaces) is replaced, never logged. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger("edu.scrutiny.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            String path = request.getRequestURI();
            if (path.startsWith(request.getContextPath() + "/actuator/health")) {
                log.debug("{} {} {} {} ms", request.getMethod(), path, response.getStatus(), ms);
            } else {
                log.info("{} {} {} {} ms", request.getMethod(), path, response.getStatus(), ms);
            }
            MDC.remove(MDC_KEY);
        }
    }
}
