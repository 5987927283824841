package vn.ioc.citizenreports.report;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a report's handling stands, and the citizen's rating: kept by the process engine, read and
 * written through this port (implemented in {@code handling}) so this package stays engine-free.
 */
public interface ReportProgress {

  /** The handling as the process has it, or empty when no process is known for the report. */
  Optional<Progress> of(String reportId);

  /** Hands the citizen's verdict to the process; false when it is not waiting for one. */
  boolean rate(String reportId, String rating, String comment);

  /**
   * What a citizen may see of the handling. Null fields have not happened yet.
   *
   * @param state RECEIVED, REJECTED, IN_PROGRESS, AWAITING_RATING or CLOSED
   */
  record Progress(
      String state,
      Instant verifiedAt,
      String rejectionReason,
      String duplicateOf,
      String unitId,
      Instant assignedAt,
      Instant dueAt,
      boolean extended,
      Instant answeredAt,
      String resultText,
      Instant publishedAt,
      Instant ratingDueAt,
      String rating,
      Instant ratedAt,
      Instant closedAt) {}
}
