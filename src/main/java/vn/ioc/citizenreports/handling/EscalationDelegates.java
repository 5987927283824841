package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation ladder: 0 none, 1 urged, 2 reprimanded. A level never goes down. */
@Configuration
class EscalationDelegates {

  /** Task_MarkOverdue, when the deadline passed without an answer. */
  @Bean
  JavaDelegate markOverdueDelegate() {
    return execution -> escalate(execution, 1);
  }

  /** Task_MarkReprimanded, when the unit is still silent days later. */
  @Bean
  JavaDelegate markReprimandedDelegate() {
    return execution -> escalate(execution, 2);
  }

  private static void escalate(DelegateExecution execution, int level) {
    ReportVariables variables = ReportVariables.of(execution);
    variables.set(OVERDUE, true);
    variables.set(ESCALATION_LEVEL, Math.max(level, variables.count(ESCALATION_LEVEL)));
    // Local to this escalation's branch: if the report moves to another unit or deadline meanwhile,
    // the urge task, its form and its mail still name the unit that was late and what it missed.
    execution.setVariableLocal(ESCALATED_UNIT_ID, variables.unitId());
    execution.setVariableLocal(ESCALATED_DUE_AT_TEXT, variables.text(DUE_AT_TEXT).orElse(null));
  }
}
