package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.ComplaintDecision;
import vn.ioc.citizenreports.handling.Outcomes.ExtensionDecision;
import vn.ioc.citizenreports.handling.Outcomes.ResultDecision;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * On the flow leaving each IOC review: the decision must be one the process knows, an approved
 * extension must still lie in the future, and a returned result must say why.
 */
@Component
class ReviewDecisionListener implements ExecutionListener {

  private final SlaClock slaClock;

  ReviewDecisionListener(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    variables.checkKeptByProcess();
    switch (execution.getCurrentTransitionId()) {
      case "Flow_ExtensionReviewed" -> {
        // a date that passed while the request waited cannot be granted: reject, and the unit asks anew
        if (variables.outcome(EXTENSION_DECISION, ExtensionDecision.class) == ExtensionDecision.APPROVED
            && !variables.submittedDate(PROPOSED_DUE_AT, slaClock).isAfter(EngineClock.now())) {
          throw new InvalidInput(PROPOSED_DUE_AT, "the proposed date has passed; reject the request so the unit can ask again");
        }
      }
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
