package vn.ioc.citizenreports.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.ioc.citizenreports.migration.MigrationResult.Execution;

/**
 * Moves the running instances of a process from one deployed version to another with a Camunda
 * migration plan: every activity maps to the activity with the same id (plus the renamed ones the
 * request names). Tasks keep their id, assignee and due date, variables stay as they are, and
 * timers keep their job and due date: the plan does not update event triggers, so an SLA timer
 * fires at the moment it was set for, whatever the new version would compute.
 */
@Service
public class ProcessMigration {

  /**
   * Up to this many instances move in one transaction, before the call returns: all or nothing,
   * and a failure is the caller's answer. Beyond it a batch moves them in the job executor's
   * transactions (on any node), so that no request holds thousands of rows locked.
   */
  static final int SYNC_LIMIT = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMigration.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final int syncLimit;

  @Autowired
  public ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService) {
    this(repositoryService, runtimeService, managementService, SYNC_LIMIT);
  }

  /** With another limit between a migration in the call and a batch (tests). */
  public ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, int syncLimit) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.syncLimit = syncLimit;
  }

  public MigrationResult migrate(MigrationRequest request) {
    ProcessDefinition source = version(request.processDefinitionKey(), request.fromVersion());
    ProcessDefinition target = version(request.processDefinitionKey(), request.toVersion());
    MigrationPlan plan = plan(source, target, request.renamedActivities());

    Map<String, Long> waiting = instancesByActivity(source);
    Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    List<String> unmapped = waiting.entrySet().stream().filter(entry -> !mapped.contains(entry.getKey()))
        .map(entry -> entry.getValue() + " instance(s) wait at " + entry.getKey() + ", which version " + target.getVersion()
            + " does not have: keep the activity's id, or name it in renamedActivities")
        .collect(Collectors.toCollection(ArrayList::new));
    // a timer or message waiting on a boundary or event subprocess is not "waited at": without its own
    // instruction the engine would drop it, or start it afresh with a new due date
    pendingEventsNotIn(source, mapped).forEach((activityId, count) ->
        unmapped.add(count + " pending timer(s) or message(s) of " + activityId + ", which version " + target.getVersion()
            + " does not have: keep the event's id, or name it in renamedActivities"));
    if (!unmapped.isEmpty()) {
      throw new MigrationRefused("Some running instances have no place in version " + target.getVersion(), false, unmapped);
    }
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
    List<String> instructions = plan.getInstructions().stream()
        .map(instruction -> instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId()).sorted().toList();
    if (Boolean.TRUE.equals(request.dryRun())) {
      return result(source, target, instances, waiting, instructions, Execution.DRY_RUN, null);
    }
    if (instances == 0) {
      return result(source, target, 0, waiting, instructions, Execution.SYNC, null);
    }

    var execution = runtimeService.newMigration(plan)
        .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()));
    if (instances > syncLimit) {
      Batch batch = execution.executeAsync();
      LOG.info("Migrating {} instances of {} from version {} to {} in batch {}", instances, source.getKey(),
          source.getVersion(), target.getVersion(), batch.getId());
      return result(source, target, instances, waiting, instructions, Execution.BATCH, batch.getId());
    }
    try {
      execution.execute();
    } catch (MigratingProcessInstanceValidationException e) {
      throw new MigrationRefused("An instance cannot move to version " + target.getVersion(), false, List.of(e.getMessage()));
    }
    LOG.info("Migrated {} instances of {} from version {} to {}", instances, source.getKey(), source.getVersion(), target.getVersion());
    return result(source, target, instances, waiting, instructions, Execution.SYNC, null);
  }

  private ProcessDefinition version(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).processDefinitionVersion(version).withoutTenantId().singleResult();
    if (definition == null) {
      throw new MigrationRefused("No version " + version + " of process " + key + " is deployed", true, List.of());
    }
    return definition;
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> renamed) {
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
    renamed.forEach(builder::mapActivities);
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
          problems.add(report.getMigrationInstruction().getSourceActivityId() + " -> "
              + report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
      e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures().forEach(failure ->
          problems.add("variable " + name + ": " + failure)));
      throw new MigrationRefused("Version " + source.getVersion() + " cannot be mapped onto version " + target.getVersion(),
          false, problems.isEmpty() ? List.of(e.getMessage()) : problems);
    }
  }

  /**
   * How many timer jobs and event subscriptions of the definition's instances wait on each flow
   * node the plan leaves out. Counted per node, as instancesByActivity does: a definition may have
   * a million running instances.
   */
  private Map<String, Long> pendingEventsNotIn(ProcessDefinition definition, Set<String> mapped) {
    Map<String, Long> pending = new TreeMap<>();
    for (FlowNode node : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
      if (mapped.contains(node.getId())) {
        continue;
      }
      long timers = managementService.createJobQuery().processDefinitionId(definition.getId()).activityId(node.getId())
          .timers().count();
      // subscriptions have no definition to ask by: those of this node, then which of their instances are of this version
      Set<String> subscribed = runtimeService.createEventSubscriptionQuery().activityId(node.getId()).list().stream()
          .map(EventSubscription::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
      long messages = subscribed.isEmpty() ? 0 : runtimeService.createProcessInstanceQuery()
          .processDefinitionId(definition.getId()).processInstanceIds(subscribed).count();
      if (timers + messages > 0) {
        pending.put(node.getId(), timers + messages);
      }
    }
    return pending;
  }

  /** How many instances wait at each flow node of the definition (a wait in a parallel branch counts too). */
  private Map<String, Long> instancesByActivity(ProcessDefinition definition) {
    Map<String, Long> waiting = new LinkedHashMap<>();
    for (FlowNode node : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
      long count = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
          .activityIdIn(node.getId()).count();
      if (count > 0) {
        waiting.put(node.getId(), count);
      }
    }
    return waiting;
  }

  private static MigrationResult result(ProcessDefinition source, ProcessDefinition target, long instances,
      Map<String, Long> waiting, List<String> instructions, Execution execution, String batchId) {
    return new MigrationResult(source.getKey(), source.getVersion(), target.getVersion(), source.getId(), target.getId(),
        instances, waiting, instructions, execution, batchId);
  }
}
