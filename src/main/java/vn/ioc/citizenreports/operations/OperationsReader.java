package vn.ioc.citizenreports.operations;

import static vn.ioc.citizenreports.handling.ReportProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.ReportVariables;

/** Reads an {@link OperationsSnapshot} through the engine's query API: a dozen queries. */
@Component
public class OperationsReader {

  /**
   * The steps a report waits in; the service steps pass within one transaction. An escalated
   * report waits in two at once: at its unit, and in the urge or reprimand.
   */
  static final List<String> WAITING_STEPS = List.of(
      TASK_VERIFY_REPORT, TASK_HANDLE_REPORT, TASK_REVIEW_EXTENSION, TASK_REROUTE_REPORT,
      TASK_REVIEW_RESULT, TASK_AWAIT_RATING, TASK_REVIEW_COMPLAINT, TASK_URGE_UNIT, TASK_REPRIMAND_UNIT);
  /** The engine's own incident types; the models raise no others. */
  static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);
  private static final int URGED = 1;
  private static final int REPRIMANDED = 2;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Clock clock;

  public OperationsReader(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, Clock clock) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.clock = clock;
  }

  public OperationsSnapshot read() {
    Instant now = clock.instant();
    return new OperationsSnapshot(
        now,
        openReportsByStep(),
        taskService.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(TASK_HANDLE_REPORT)
            .processVariableValueLessThan(ReportVariables.DUE_AT, Date.from(now)).count(),
        openReportsAtEscalationLevel(URGED),
        openReportsAtEscalationLevel(REPRIMANDED),
        managementService.createJobQuery().executable().active().count(),
        managementService.createJobQuery().noRetriesLeft().count(),
        openIncidentsByType());
  }

  /** Instances per activity over every deployed version of the report process. */
  private Map<String, Long> openReportsByStep() {
    Map<String, Long> byStep = new LinkedHashMap<>();
    WAITING_STEPS.forEach(step -> byStep.put(step, 0L));
    for (ProcessDefinition version : repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).list()) {
      for (ActivityStatistics activity : managementService.createActivityStatisticsQuery(version.getId()).list()) {
        byStep.computeIfPresent(activity.getId(), (step, count) -> count + activity.getInstances());
      }
    }
    return byStep;
  }

  private long openReportsAtEscalationLevel(int level) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(ReportVariables.ESCALATION_LEVEL, level).count();
  }

  private Map<String, Long> openIncidentsByType() {
    Map<String, Long> byType = new TreeMap<>();
    INCIDENT_TYPES.forEach(type -> byType.put(type, runtimeService.createIncidentQuery().incidentType(type).count()));
    return byType;
  }
}
