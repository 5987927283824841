package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * On the flow into Task_HandleReport, before its timers are created. A report that comes back to
 * its unit (a returned result, a rejected extension) after both its deadline and its reprimand
 * date, with no urge yet, would have both timers due at once. The reprimand then moves to its
 * usual distance from now: the unit is urged at once and reprimanded only if it stays silent.
 */
@Component
class EscalationLadderListener implements ExecutionListener {

  private final SlaClock slaClock;

  EscalationLadderListener(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    Instant now = EngineClock.now();
    if (variables.count(ESCALATION_LEVEL) == 0 && !variables.instant(REPRIMAND_AT).isAfter(now)) {
      variables.setInstant(REPRIMAND_AT, slaClock.reprimandAfter(now, variables.slaPolicy()));
    }
  }
}
