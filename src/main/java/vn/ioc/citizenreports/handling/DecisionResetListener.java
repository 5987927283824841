package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of a task that ends in a decision: empties the decision, so a task that comes round
 * again (a returned result, a second extension request) opens with a blank choice in Tasklist
 * instead of the last answer.
 */
@Component
class DecisionResetListener implements TaskListener {

  private static final Map<String, String> DECISION_OF_TASK = Map.of(
      ReportProcess.TASK_VERIFY_REPORT, VERIFICATION,
      ReportProcess.TASK_HANDLE_REPORT, HANDLING,
      ReportProcess.TASK_REVIEW_EXTENSION, EXTENSION_DECISION,
      ReportProcess.TASK_REVIEW_RESULT, RESULT_DECISION,
      ReportProcess.TASK_REVIEW_COMPLAINT, COMPLAINT_DECISION);

  @Override
  public void notify(DelegateTask task) {
    String decision = DECISION_OF_TASK.get(task.getTaskDefinitionKey());
    if (decision == null) {
      throw new IllegalStateException("No decision known for task " + task.getTaskDefinitionKey());
    }
    ReportVariables.of(task.getExecution()).clear(decision);
  }
}
