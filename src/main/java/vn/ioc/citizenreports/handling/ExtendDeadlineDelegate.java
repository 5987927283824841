package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.sla.Deadlines;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * Task_ExtendDeadline: the approved date becomes dueAt. The SLA timers sit on Task_HandleReport,
 * which the report re-enters next, so they are created anew from these dates.
 */
@Component
class ExtendDeadlineDelegate implements JavaDelegate {

  private final SlaClock slaClock;

  ExtendDeadlineDelegate(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    Deadlines deadlines = slaClock.extend(variables.submittedDate(PROPOSED_DUE_AT, slaClock), variables.slaPolicy());
    variables.setDueAt(deadlines.dueAt());
    variables.setInstant(REMINDER_AT, deadlines.reminderAt());
    variables.setInstant(REPRIMAND_AT, deadlines.reprimandAt());
    variables.set(EXTENDED, true);
    variables.set(EXTENSION_COUNT, variables.count(EXTENSION_COUNT) + 1);
    // a new deadline deserves its own reminder; urge and reprimand stay once per assignment
    variables.set(REMINDER_SENT, false);
  }
}
