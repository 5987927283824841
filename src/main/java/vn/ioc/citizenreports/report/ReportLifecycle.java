package vn.ioc.citizenreports.report;

import java.util.List;

/**
 * Starts the handling of a stored report. Implemented by the process engine glue in
 * {@code handling}, so this package does not depend on the engine.
 */
public interface ReportLifecycle {

  /** Starts the report's lifecycle in the caller's transaction, with the evidence it came with. */
  void start(Report report, List<Evidence> evidence);
}
