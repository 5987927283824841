package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.sla.OpenAssignment;
import vn.ioc.citizenreports.sla.OverdueDigest;

/** Task_SendOverdueDigest: finds the reports waiting at units that are overdue or due soon. */
@Component
class OverdueDigestDelegate implements JavaDelegate {

  private static final int BATCH = 500;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final OverdueDigest digest;

  OverdueDigestDelegate(TaskService taskService, RuntimeService runtimeService, OverdueDigest digest) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineClock.now();
    List<Task> waiting = taskService.createTaskQuery()
        .processDefinitionKey(ReportProcess.KEY)
        .taskDefinitionKey(ReportProcess.TASK_HANDLE_REPORT)
        .dueBefore(Date.from(digest.horizon(now)))
        .list();
    Map<String, Map<String, Object>> variables = variablesOf(waiting.stream().map(Task::getProcessInstanceId).toList());
    List<OpenAssignment> open = waiting.stream().map(task -> {
      Map<String, Object> report = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
      return new OpenAssignment((String) report.get(REPORT_ID), (String) report.get(UNIT_ID),
          (String) report.get(CATEGORY), (String) report.get(WARD_CODE), task.getDueDate().toInstant());
    }).toList();
    digest.send(open, now);
  }

  /** The few variables the digest shows, in a query per batch of processes rather than one each. */
  private Map<String, Map<String, Object>> variablesOf(List<String> processInstanceIds) {
    Map<String, Map<String, Object>> byProcess = new HashMap<>();
    for (int from = 0; from < processInstanceIds.size(); from += BATCH) {
      List<String> batch = new ArrayList<>(processInstanceIds.subList(from, Math.min(from + BATCH, processInstanceIds.size())));
      for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(batch.toArray(String[]::new))
          .variableNameIn(REPORT_ID, UNIT_ID, CATEGORY, WARD_CODE)
          .list()) {
        byProcess.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    return byProcess;
  }
}
