package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.InvalidReportException;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.report.ReportIntakeService;
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
  private final ReferenceData reference;

  ReportSubmittedListener(ReportIntakeService intake, ReferenceData reference) {
    this.intake = intake;
    this.reference = reference;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    if (variables.reportId().isPresent()) {
      return;
    }
    Recorded recorded;
    try {
      recorded = intake.record(new ReportSubmission(
          (String) variables.get(CATEGORY),
          (String) variables.get(DESCRIPTION),
          (String) variables.get(WARD_CODE),
          (String) variables.get(ADDRESS),
          number(variables.get(LATITUDE)),
          number(variables.get(LONGITUDE)),
          (String) variables.get(CHANNEL),
          new Reporter((String) variables.get(REPORTER_NAME), (String) variables.get(REPORTER_PHONE),
              (String) variables.get(REPORTER_EMAIL))), EngineClock.now());
    } catch (InvalidReportException e) {
      InvalidReportException.FieldProblem first = e.problems().get(0);
      throw new InvalidInput(first.field(), e.getMessage());
    }
    Report report = recorded.report();
    ReportVariables.forNewReport(report, reference.ward(report.wardCode()).orElseThrow()).forEach(execution::setVariable);
    execution.setProcessBusinessKey(report.id());
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
