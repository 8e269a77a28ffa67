package dev.faro.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a client can cause into RFC 9457 problem+json, and every other failure into a 500 that
 * reveals nothing of the implementation (the log keeps the details under an id the client sees).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']{1,100})'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("invalid-request", "The request is not valid", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(Problem.of(
                "invalid-request",
                "The request is not valid",
                400,
                field + ": unknown property",
                List.of(new Problem.FieldError(field, "unknown property"))));
    }

    /** Quarkus ships a mapper for this subclass that answers with an empty body; this one wins by specificity. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String field = path(e);
        String message = "has the wrong type or form";
        return respond(Problem.of(
                "malformed-request",
                "The request body does not have the expected form",
                400,
                field.isEmpty() ? "the body must be a JSON object" : field + ": " + message,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e) {
        Optional<String> duplicate = duplicateProperty(e);
        if (duplicate.isPresent()) {
            String message = "is given more than once";
            return respond(Problem.of(
                    "malformed-request",
                    "The request body does not have the expected form",
                    400,
                    duplicate.get() + ": " + message,
                    List.of(new Problem.FieldError(duplicate.get(), message))));
        }
        return respond(Problem.of(
                "malformed-request",
                "The request body is not valid JSON",
                400,
                "the body could not be parsed as JSON",
                List.of()));
    }

    /** A token that is expired, forged or unreadable (authentication runs lazily, so it arrives here). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(respond(Problem.of(
                        "unauthorized", "Authentication required", 401, "send a valid bearer token", List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Not allowed", 403, "your role does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request failed"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, null, List.of()));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return respond(Problem.of(
                "internal-error", "Something went wrong on our side", 500, "incident " + incident, List.of()));
    }

    /** How long a client is asked to wait before sending again: about what a PostgreSQL restart or failover takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Response databaseUnavailable(Throwable e) {
        // Expected during a restart or failover, and readiness already reports it: one line, no stack trace.
        LOG.warnf("Answered 503, the database is unreachable: %s", rootMessage(e));
        return Response.fromResponse(respond(Problem.of(
                        "service-unavailable",
                        "Temporarily unavailable",
                        503,
                        "nothing was stored; send the same request again in " + RETRY_AFTER_SECONDS + " s",
                        List.of())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "method.parameter.property.sub": a body's field is named from the property on,
        // a query or path parameter by its own name.
        String[] parts = violation.getPropertyPath().toString().split("\\.", 3);
        return parts[parts.length == 3 ? 2 : parts.length - 1];
    }

    /** Jackson's strict duplicate detection names the property in its message: {@code Duplicate field 'email'}. */
    private static Optional<String> duplicateProperty(JsonParseException e) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        return duplicate.find() ? Optional.of(duplicate.group(1)) : Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
