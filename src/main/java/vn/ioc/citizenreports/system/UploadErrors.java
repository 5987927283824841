package vn.ioc.citizenreports.system;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.ioc.citizenreports.report.InvalidReportException.FieldProblem;

/**
 * A multipart request is read before any controller is chosen, so its errors reach only advice
 * that applies everywhere: too large is 413, malformed is 400, never a 500.
 */
@RestControllerAdvice
class UploadErrors {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request is too large: photos up to 10 MB, videos up to 30 MB, 50 MB in all");
    problem.setProperty("errors", List.of(new FieldProblem("evidence", "too large")));
    return problem;
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail malformed(MultipartException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart request cannot be read");
    problem.setProperty("errors", List.of(new FieldProblem("body", "is not well-formed multipart/form-data")));
    return problem;
  }
}
