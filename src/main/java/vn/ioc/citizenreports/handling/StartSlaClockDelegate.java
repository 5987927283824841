package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.sla.Deadlines;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * Task_StartSlaClock: the assigned unit gets its full time. Runs on first assignment, on reroute
 * and on reopen. A new unit starts with a clean record (overdue, escalationLevel, slaOutcome); a
 * reopened report keeps its unit's record, so a late first round is not forgotten.
 */
@Component
class StartSlaClockDelegate implements JavaDelegate {

  private final SlaClock slaClock;

  StartSlaClockDelegate(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    Instant now = EngineClock.now();
    Deadlines deadlines = slaClock.start(now, variables.slaPolicy());
    variables.setInstant(ASSIGNED_AT, now);
    variables.setDueAt(deadlines.dueAt());
    variables.setInstant(ORIGINAL_DUE_AT, deadlines.dueAt());
    variables.setInstant(REMINDER_AT, deadlines.reminderAt());
    variables.setInstant(REPRIMAND_AT, deadlines.reprimandAt());
    variables.setInstant(ANSWERED_AT, null);
    variables.set(EXTENDED, false);
    variables.set(EXTENSION_COUNT, 0);
    variables.set(REMINDER_SENT, false);
    String unit = variables.unitId();
    if (!unit.equals(variables.text(ASSIGNED_UNIT_ID).orElse(null))) {
      variables.set(OVERDUE, false);
      variables.set(ESCALATION_LEVEL, 0);
      variables.setSlaOutcome(null);
      variables.set(ASSIGNED_UNIT_ID, unit);
    }
  }
}
