package vn.ioc.citizenreports.report;

/** An Idempotency-Key used again for a different report. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException(String key) {
    super("Idempotency-Key '" + key + "' was used for a different report");
  }
}
