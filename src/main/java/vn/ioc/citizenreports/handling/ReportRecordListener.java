package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Verification;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.report.SlaRecord;

/**
 * After each task of the report process (ReportRecordPlugin puts it there), copies where
 * the report stands into its row: the scorecards read the rows, not the engine's history.
 */
@Component
public class ReportRecordListener implements ExecutionListener {

  private final ReportRepository reports;

  public ReportRecordListener(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    String verification = variables.text(VERIFICATION).orElse("");
    reports.record(new SlaRecord(
        execution.getProcessBusinessKey(),
        variables.text(ASSIGNED_UNIT_ID).orElse(null),
        instant(variables, ASSIGNED_AT),
        instant(variables, DUE_AT),
        variables.flag(EXTENDED),
        variables.count(ESCALATION_LEVEL),
        verification.equals(Verification.INVALID.name()) || verification.equals(Verification.DUPLICATE.name()),
        instant(variables, ANSWERED_AT),
        instant(variables, PUBLISHED_AT),
        variables.text(SLA_OUTCOME).orElse(null),
        variables.text(RATING).orElse(null),
        instant(variables, CLOSED_AT)));
  }

  private static Instant instant(ReportVariables variables, String name) {
    return variables.optionalInstant(name).orElse(null);
  }
}
