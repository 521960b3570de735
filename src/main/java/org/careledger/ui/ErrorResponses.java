package org.careledger.ui;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's answer on the servlet container's error page, {@code /error}, where a request that
 * failed outside Vaadin's router ends: a static file that does not exist, a request Spring Security
 * refused, a method a path does not take, an exception. It answers with the error's own status, as a
 * small page for a browser and as {@code {"status":404,"error":"Not Found"}} for anything else, and
 * says nothing more: no exception, message, stack trace, time or path. The path is left out because
 * the client knows what it asked for, and some of ours carry a secret (a Vaadin upload's address
 * holds its security key). Opened directly, with no error behind it, {@code /error} is a page that
 * does not exist: 404.
 *
 * <p>It replaces Spring Boot's {@code BasicErrorController}, whose direct answer was a 500 with
 * status 999. Vaadin's routing errors never come here: the router shows its own views for them
 * (an unknown route, {@link AccessDeniedView}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses implements ErrorController {

    /** What a program reads: the status and its name. */
    record ErrorBody(int status, String error) {
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html(status, request.getContextPath() + "/"));
    }

    /** JSON whatever the client accepts, so an error is never turned into a 406. */
    @RequestMapping
    ResponseEntity<ErrorBody> body(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .body(new ErrorBody(status.value(), nameOf(status)));
    }

    /** The status the container forwarded with; 500 for an exception without one; 404 when there was no error at all. */
    private static HttpStatusCode statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400 && code <= 599) {
            return HttpStatusCode.valueOf(code);
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.NOT_FOUND;
    }

    private static String nameOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String html(HttpStatusCode status, String home) {
        String title = status.value() + " " + nameOf(status);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s · CareLedger</title></head>
                <body>
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="%s">Go to CareLedger's home page</a></p>
                </body>
                </html>
                """.formatted(title, title, explanation(status), HtmlUtils.htmlEscape(home));
    }

    private static String explanation(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The portal could not understand this request.";
            case 401, 403 -> "The portal refused this request.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this kind of request.";
            case 413 -> "What was sent is too large.";
            default -> status.is5xxServerError()
                    ? "Something went wrong in the portal. Please try again in a moment."
                    : "The portal could not complete this request.";
        };
    }
}
