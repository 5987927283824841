package vn.ioc.citizenreports.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import vn.ioc.citizenreports.report.IdempotencyConflictException;
import vn.ioc.citizenreports.report.InvalidReportException;
import vn.ioc.citizenreports.report.InvalidReportException.FieldProblem;

/**
 * Errors of our own API as RFC 9457 problem details: a 4xx names the field and the problem.
 * (The engine's REST API keeps its own error format.)
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  static final int RETRY_AFTER_SECONDS = 30;

  @ExceptionHandler(InvalidReportException.class)
  ProblemDetail invalidReport(InvalidReportException e) {
    ProblemDetail problem = withErrors(HttpStatus.BAD_REQUEST, "The report has invalid fields", e.problems());
    problem.setTitle("Invalid report");
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON for this endpoint");
    problem.setTitle("Unreadable request");
    problem.setProperty("errors", List.of(new FieldProblem("body", rootMessage(e))));
    return problem;
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return withErrors(HttpStatus.BAD_REQUEST, "A part of the request is missing",
        List.of(new FieldProblem(e.getRequestPartName(), "is required")));
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ProblemDetail status(ResponseStatusException e) {
    return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return withErrors(HttpStatus.BAD_REQUEST, "A query parameter is missing",
        List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "This endpoint does not take " + e.getContentType() + "; it takes " + e.getSupportedMediaTypes());
    problem.setTitle("Unsupported media type");
    return problem;
  }

  /**
   * The database cannot be reached or dropped the connection: nothing of the request was kept
   * (its transaction rolled back), so the client may send it again, with the same
   * Idempotency-Key, after a short wait.
   */
  @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
      TransientDataAccessException.class, ProcessEnginePersistenceException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) throws Exception {
    if (e instanceof ProcessEnginePersistenceException && !lostConnection(e)) {
      throw e; // a fault of ours, not of the database's availability
    }
    LOG.warn("Database unavailable: {}", rootMessage(e));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The service cannot reach its database; nothing was stored. Try again shortly, with the same Idempotency-Key.");
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
  }

  /** SQLSTATE class 08 (connection exception) or 57P (operator intervention) anywhere in the causes. */
  private static boolean lostConnection(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** A problem detail that names each field and what is wrong with it. */
  private static ProblemDetail withErrors(HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // Jackson appends the request source; the first line says what is wrong
    return message.lines().findFirst().orElse(message);
  }
}
