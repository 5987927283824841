package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.DuplicateFinder;
import vn.ioc.citizenreports.report.InvalidReportException;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.report.ReportIntakeService.Recorded;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;

/**
 * Process start. Reports from the API are stored before their process starts. A report typed in
 * by an operator through Tasklist's start form is checked and stored here, and gets its id as
 * business key, so both kinds look the same from here on.
 */
@Component
class ReportSubmittedListener implements ExecutionListener {

  private final ReportIntakeService intake;
  private final ReportRepository reports;
  private final ReferenceData reference;
  private final DuplicateFinder duplicates;

  ReportSubmittedListener(ReportIntakeService intake, ReportRepository reports, ReferenceData reference,
      DuplicateFinder duplicates) {
    this.intake = intake;
    this.reports = reports;
    this.reference = reference;
    this.duplicates = duplicates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    Optional<String> reportId = variables.reportId();
    if (reportId.isPresent()) {
      // started by the intake, which stored the report first; anyone else may not pick an id
      if (!reportId.get().equals(execution.getProcessBusinessKey()) || !reports.exists(reportId.get())) {
        throw new InvalidInput(REPORT_ID, "is given when a report is stored; leave it out");
      }
      return;
    }
    Recorded recorded;
    try {
      recorded = intake.record(new ReportSubmission(
          variables.submittedText(CATEGORY),
          variables.submittedText(DESCRIPTION),
          variables.submittedText(WARD_CODE),
          variables.submittedText(ADDRESS),
          variables.submittedNumber(LATITUDE),
          variables.submittedNumber(LONGITUDE),
          variables.submittedText(CHANNEL),
          new Reporter(variables.submittedText(REPORTER_NAME), variables.submittedText(REPORTER_PHONE),
              variables.submittedText(REPORTER_EMAIL))), EngineClock.now());
    } catch (InvalidReportException e) {
      InvalidReportException.FieldProblem first = e.problems().get(0);
      String others = e.problems().stream().skip(1).map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
      throw new InvalidInput(first.field(), first.message() + (others.isEmpty() ? "" : " (also " + others + ")"));
    }
    Report report = recorded.report();
    ReportVariables.forNewReport(report, reference.ward(report.wardCode()).orElse(null)).forEach(execution::setVariable);
    ProcessReportLifecycle.duplicateHints(duplicates.near(report)).ifPresent(hints -> execution.setVariable(DUPLICATE_HINTS, hints));
    execution.setProcessBusinessKey(report.id());
  }
}
