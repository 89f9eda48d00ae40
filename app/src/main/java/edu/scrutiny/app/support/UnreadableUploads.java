package edu.scrutiny.app.support;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body the server cannot take apart (no boundary, a broken part) is the client's error:
 * 400 in words, not a 500 whose cause is a parser's exception. The dispatcher parses the body before
 * it knows the controller, so this advice names no package (the API's {@link ApiErrors} applies only
 * once a controller of Scrutiny's was chosen), and it comes before that one, whose catch-all would
 * otherwise answer 500 when a controller was.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableUploads {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ApiErrors.Failure tooLarge(MaxUploadSizeExceededException e) {
        return new ApiErrors.Failure("too large", "the upload is larger than the server takes (spring.servlet.multipart.max-file-size)");
    }

    @ExceptionHandler(MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiErrors.Failure unreadable(MultipartException e) {
        return new ApiErrors.Failure("invalid input", "the request body is not readable multipart/form-data "
                + "(a file part named 'file', parts separated by the boundary its Content-Type names)");
    }
}
