package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Handling;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * On the flow leaving Task_HandleReport: checks the unit's answer. An answer with a result is what
 * the SLA is judged by.
 */
@Component
class HandleReportListener implements ExecutionListener {

  private final SlaClock slaClock;

  HandleReportListener(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    variables.checkKeptByProcess();
    switch (variables.outcome(HANDLING, Handling.class)) {
      case RESOLVED -> {
        variables.required(RESULT_TEXT);
        variables.setInstant(ANSWERED_AT, EngineClock.now());
      }
      case EXTENSION_REQUESTED -> {
        variables.required(EXTENSION_REASON);
        Instant proposed = variables.submittedDate(PROPOSED_DUE_AT, slaClock);
        slaClock.checkExtension(EngineClock.now(), variables.instant(DUE_AT), proposed, variables.count(EXTENSION_COUNT),
                variables.slaPolicy())
            .ifPresent(problem -> {
              throw new InvalidInput(PROPOSED_DUE_AT, problem);
            });
      }
      case NOT_RESPONSIBLE -> {
        variables.required(RETURN_REASON);
        variables.set(DECLINED_UNIT_ID, variables.unitId());
      }
    }
  }
}
