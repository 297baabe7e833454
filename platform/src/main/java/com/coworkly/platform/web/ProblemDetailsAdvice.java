package com.coworkly.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place where both services turn exceptions into HTTP answers. Every answer is
 * {@code application/problem+json} with a stable {@code code}; bad input is a 4xx that says what was wrong,
 * and anything unexpected is a 500 that says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<BusinessRefusal.Kind, HttpStatus> STATUS_OF_REFUSAL = Map.of(
            BusinessRefusal.Kind.BAD_REQUEST, HttpStatus.BAD_REQUEST,
            BusinessRefusal.Kind.INVALID, HttpStatus.UNPROCESSABLE_ENTITY,
            BusinessRefusal.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            BusinessRefusal.Kind.CONFLICT, HttpStatus.CONFLICT,
            BusinessRefusal.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            BusinessRefusal.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            BusinessRefusal.Kind.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
            BusinessRefusal.Kind.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);

    /** When a client that got a 503 should try again. */
    private final Duration retryAfter;

    public ProblemDetailsAdvice() {
        this(Duration.ofSeconds(1));
    }

    @Autowired
    public ProblemDetailsAdvice(@Value("${booking.admission.retry-after:PT1S}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(BusinessRefusal.class)
    ResponseEntity<Object> refused(BusinessRefusal refusal) {
        HttpStatus status = STATUS_OF_REFUSAL.get(refusal.kind());
        ProblemDetail problem = Problems.of(status, refusal.code(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        refusal.retryAfter()
                .ifPresent(wait -> answer.header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)))));
        return answer.body(problem);
    }

    /** Value objects refuse impossible values (an end before a start, an unknown zone) with these. */
    @ExceptionHandler({IllegalArgumentException.class, DateTimeException.class})
    ResponseEntity<Object> invalidValue(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, detail);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied() {
        return problem(HttpStatus.FORBIDDEN, ConventionCode.FORBIDDEN, "Your role does not allow this request.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        Optional<ProblemDetail> comeBackLater = ComeBackLater.problemFor(e);
        if (comeBackLater.isPresent()) {
            // Load or an outage, not a bug: the client is told to come back rather than that something broke.
            log.warn("A dependency did not answer in time, answering 503: {}", e.toString());
            return ComeBackLater.answer(comeBackLater.get(), retryAfter);
        }
        log.error("Unexpected failure while serving a request", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ConventionCode.INTERNAL_ERROR,
                "Something went wrong on our side; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                ConventionCode.VALIDATION_FAILED,
                errors.stream()
                        .map(error -> error.get("field") + " " + error.get("message"))
                        .sorted()
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getAllValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() == null) {
            return problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, "A request body is required.");
        }
        // Jackson may wrap a syntax error in a mapping error that names the field it was reading.
        JsonMappingException mapping = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return problem(
                        HttpStatus.BAD_REQUEST, ConventionCode.MALFORMED_JSON, "The request body is not valid JSON.");
            }
            if (mapping == null && cause instanceof JsonMappingException found) {
                mapping = found;
            }
        }
        return mapping == null
                ? problem(HttpStatus.BAD_REQUEST, ConventionCode.MALFORMED_JSON, "The request body is not valid JSON.")
                : problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, describe(mapping));
    }

    /** Names the offending field without echoing Jackson's internals (class names, source locations). */
    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (path.isEmpty() ? "The body" : path) + " has the wrong type or format";
        }
        Throwable root = e.getCause();
        if (root instanceof IllegalArgumentException || root instanceof DateTimeException) {
            return (path.isEmpty() ? "" : path + ": ") + root.getMessage();
        }
        return (path.isEmpty() ? "The body" : path) + " is not acceptable";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(
                HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, name + " has the wrong type or format");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ConventionCode.VALIDATION_FAILED, e.getParameterName() + " is required");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ConventionCode.NOT_FOUND, "There is nothing at this address.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, ConventionCode.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ConventionCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, ConventionCode.NOT_ACCEPTABLE, e.getMessage());
    }

    /** Whatever else Spring MVC refuses on its own keeps its status and gets a code derived from it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String code = known == null ? "HTTP_" + status.value() : known.name();
        String detail = body instanceof ProblemDetail problem
                ? problem.getDetail()
                : known == null ? null : known.getReasonPhrase();
        return super.handleExceptionInternal(e, Problems.of(status, code, detail), headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, ProblemCode code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
