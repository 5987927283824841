package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Rating;

/** Task_CloseReport: a report closed without the citizen's verdict counts as "no rating". */
@Component
class CloseReportDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    if (variables.text(RATING).isEmpty()) {
      variables.setOutcome(RATING, Rating.NONE);
    }
    variables.setInstant(CLOSED_AT, EngineClock.now());
  }
}
