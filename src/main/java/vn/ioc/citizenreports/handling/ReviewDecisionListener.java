package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.ComplaintDecision;
import vn.ioc.citizenreports.handling.Outcomes.ExtensionDecision;
import vn.ioc.citizenreports.handling.Outcomes.ResultDecision;

/**
 * On the flow leaving each IOC review: the decision must be one the process knows, and a
 * returned result must say why.
 */
@Component
class ReviewDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    switch (execution.getCurrentTransitionId()) {
      case "Flow_ExtensionReviewed" -> variables.outcome(EXTENSION_DECISION, ExtensionDecision.class);
      case "Flow_ResultReviewed" -> {
        if (variables.outcome(RESULT_DECISION, ResultDecision.class) == ResultDecision.RETURNED) {
          variables.required(REVIEW_NOTE);
        }
      }
      case "Flow_ComplaintReviewed" -> variables.outcome(COMPLAINT_DECISION, ComplaintDecision.class);
      default -> throw new IllegalStateException("No review decision on flow " + execution.getCurrentTransitionId());
    }
  }
}
