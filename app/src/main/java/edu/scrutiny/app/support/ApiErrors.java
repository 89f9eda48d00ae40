package edu.scrutiny.app.support;

import edu.scrutiny.lists.ListFormatException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.time.LocalDate;
import java.util.List;

/**
 * How the REST API answers what it cannot do, always as JSON and never with a stack trace:
 * bad input 400 with every problem and its field, unknown ids 404, anything unexpected 500 (logged
 * here with its stack trace, answered with a short message).
 */
@RestControllerAdvice(basePackages = "edu.scrutiny.app")
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The 400 body: {@code {error: "invalid input", source, problems: [{field, message}]}}. */
    record Invalid(String error, String source, List<InvalidInput.Problem> problems) {
        Invalid(InvalidInput e) {
            this("invalid input", e.source(), e.problems());
        }
    }

    /** Any other error body: what went wrong, and a message for a person. */
    record Failure(String error, String message) {
    }

    @ExceptionHandler(InvalidInput.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Invalid invalid(InvalidInput e) {
        return new Invalid(e);
    }

    @ExceptionHandler(ListFormatException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Failure listFormat(ListFormatException e) {
        return new Failure("invalid list", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Failure notFound(NotFound e) {
        return new Failure("not found", e.getMessage());
    }

    @ExceptionHandler(NotPermitted.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    Failure notPermitted(NotPermitted e) {
        return new Failure("not permitted", e.getMessage());
    }

    @ExceptionHandler(TooLarge.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    Failure tooLarge(TooLarge e) {
        return new Failure("too large", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Failure conflict(Conflict e) {
        return new Failure("conflict", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Invalid parameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == LocalDate.class ? "a date (YYYY-MM-DD)"
                : type == int.class || type == long.class || type == Integer.class || type == Long.class ? "a whole number"
                : "a valid value";
        return new Invalid(new InvalidInput(source(request), e.getName(), "'" + e.getValue() + "' is not " + expected));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Invalid missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return new Invalid(new InvalidInput(source(request), e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Invalid missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return new Invalid(new InvalidInput(source(request), e.getRequestPartName(), "is required (a multipart/form-data part)"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Invalid unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        // a body of the wrong shape names the field, in words without Java types
        if (e.getCause() instanceof tools.jackson.databind.DatabindException d && d.getPath() != null && !d.getPath().isEmpty()) {
            return new Invalid(new InvalidInput(source(request), Documents.path(d), JsonBodies.problem(d)));
        }
        return new Invalid(new InvalidInput(source(request), "", "the request body is missing or cannot be read"));
    }

    /** A rule of method security ({@code @PreAuthorize}) refused: the same 403 as the URL rules give. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    Failure forbidden(org.springframework.security.access.AccessDeniedException e) {
        return new Failure("forbidden", "your roles do not allow this");
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    Failure unauthorized(org.springframework.security.core.AuthenticationException e) {
        return new Failure("unauthorized", "sign in first");
    }

    /** Spring's own (405, 406, 413, 415, unknown paths...) keep their status; anything else is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Failure> other(Exception e) {
        if (e instanceof ErrorResponse r) {
            HttpStatusCode status = r.getStatusCode();
            String detail = r.getBody().getDetail();
            return ResponseEntity.status(status).body(new Failure(reason(status), detail == null ? reason(status) : detail));
        }
        log.error("request failed", e);
        return ResponseEntity.internalServerError()
                .body(new Failure("internal error", "the server could not complete the request; the cause is in its log"));
    }

    /** The request as messages name it, e.g. {@code GET /api/screen}. */
    private static String source(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }
}
