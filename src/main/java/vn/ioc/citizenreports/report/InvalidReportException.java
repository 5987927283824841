package vn.ioc.citizenreports.report;

import java.util.List;

/** A submission that cannot be accepted, with one problem per field. */
public class InvalidReportException extends RuntimeException {

  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidReportException(List<FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid report"));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
