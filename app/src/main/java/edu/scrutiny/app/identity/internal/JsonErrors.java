package edu.scrutiny.app.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** The API's 401 and 403, as JSON like its other errors: {@code {"error": "unauthorized", "message": ...}}. */
final class JsonErrors {
    private JsonErrors() {
    }

    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /**
     * The API's 401. It offers HTTP Basic only when Basic is on ({@code scrutiny.api.basic-auth}): a
     * browser that is offered Basic asks for a password and then sends it with every request to the
     * site, cross-site ones too.
     */
    static AuthenticationEntryPoint unauthorized(boolean basic) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", basic ? "Bearer realm=\"scrutiny\", Basic realm=\"scrutiny\"" : "Bearer realm=\"scrutiny\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", basic
                    ? "sign in: an API token (Authorization: Bearer ...) or a local account's user name and password (HTTP Basic)"
                    : "sign in with an API token (Authorization: Bearer ...)");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }
}
