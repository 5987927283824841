package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit's queue skips the engine's per-task grant join only where it cannot change the answer:
 * every other task query, and every query while a revoke exists, keeps the engine's check. Units
 * A and B each have two tasks, one of A's claimed; staff of A ask.
 */
class UnitQueueAuthorizationTest {

  private static final String STAFF_A = "astaff";

  private ProcessEngine engine;
  private TaskService tasks;
  private List<String> tasksOfA;
  private List<String> tasksOfB;
  private String myUnitsQueue;

  @BeforeEach
  void twoUnitsWithTwoTasksEach() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("unit-queue-authorization")
        .setJdbcUrl("jdbc:h2:mem:unit-queue-authorization;DB_CLOSE_DELAY=-1")
        .setAuthorizationEnabled(true);
    configuration.getProcessEnginePlugins().add(new UnitQueueAuthorization());
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();
    engine.getRepositoryService().createDeployment().addModelInstance("queue.bpmn",
        Bpmn.createExecutableProcess("Process_Queue").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Handle").camundaCandidateGroups("${unit}").endEvent().done()).deploy();
    for (String unit : List.of("a", "a", "b", "b")) {
      engine.getRuntimeService().startProcessInstanceByKey("Process_Queue", Map.of("unit", unit));
    }
    tasksOfA = idsOf(tasks.createTaskQuery().taskCandidateGroup("a").list());
    tasksOfB = idsOf(tasks.createTaskQuery().taskCandidateGroup("b").list());
    myUnitsQueue = myUnitsQueueAsInIdentitySetup();
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(STAFF_A));
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("a"));
    engine.getIdentityService().createMembership(STAFF_A, "a");
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void theUnitsQueueListsExactlyItsOwnTasksClaimedOrNot() {
    tasks.claim(tasksOfA.get(0), STAFF_A);

    assertThat(openMyUnitsQueue()).containsExactlyInAnyOrderElementsOf(tasksOfA);
    assertThat(countMyUnitsQueue()).isEqualTo(2);
  }

  /** Shows the shortcut is taken: the engine's check would hide a task whose grant an administrator deleted. */
  @Test
  void theQueueTrustsTheCandidateGroupWhereTheEnginesCheckReadsTheGrant() {
    deleteGrantOfGroupA(tasksOfA.get(1));

    assertThat(openMyUnitsQueue()).containsExactlyInAnyOrderElementsOf(tasksOfA);
    assertThat(askAsStaffOfA(tasks.createTaskQuery().processDefinitionKey("Process_Queue")))
        .as("any other query keeps the engine's check").containsExactly(tasksOfA.get(0));
  }

  @Test
  void askingForAnotherUnitsGroupKeepsTheEnginesCheck() {
    deleteGrantOfGroupA(tasksOfA.get(1));

    assertThat(askAsStaffOfA(tasks.createTaskQuery().taskCandidateGroup("b"))).isEmpty();
    assertThat(countAsStaffOfA(tasks.createTaskQuery().taskCandidateGroup("b"))).isZero();
    assertThat(askAsStaffOfA(tasks.createTaskQuery().taskCandidateGroupIn(List.of("a", "b"))))
        .containsExactly(tasksOfA.get(0));
  }

  @Test
  void queriesThatCanWidenTheResultKeepTheEnginesCheck() {
    deleteGrantOfGroupA(tasksOfA.get(1));

    TaskQuery orQuery = tasks.createTaskQuery().or().taskCandidateGroup("a").taskAssignee("nobody").endOr();
    assertThat(askAsStaffOfA(orQuery)).containsExactly(tasksOfA.get(0));
    assertThat(askAsStaffOfA(tasks.createTaskQuery().taskCandidateGroupLike("a%"))).containsExactly(tasksOfA.get(0));
    assertThat(askAsStaffOfA(tasks.createTaskQuery().taskCandidateUser(STAFF_A))).containsExactly(tasksOfA.get(0));
  }

  @Test
  void aRevokeSendsEveryQueryBackToTheEnginesCheck() {
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(STAFF_A);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(tasksOfA.get(1));
    revoke.removePermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(revoke);

    assertThat(openMyUnitsQueue()).containsExactly(tasksOfA.get(0));
    assertThat(countMyUnitsQueue()).isEqualTo(1);
  }

  /**
   * "a" holds grants on its tasks and the filter, "b" on its tasks; "aa" sorts between them and
   * holds none, nor does "nobody".
   */
  @Test
  void theCallersGroupsThatHoldAnAuthorizationAreTheOnesTheEngineFinds() {
    List<String> callersGroups = Arrays.asList("b", "nobody", "a", null, "a", "aa");

    List<String> ours = inCommand(context -> new UnitQueueAuthorization.Manager().filterAuthenticatedGroupIds(callersGroups));
    List<String> engines = inCommand(context -> new AuthorizationManager().filterAuthenticatedGroupIds(callersGroups));

    assertThat(ours).containsExactlyInAnyOrder("a", "b").containsExactlyInAnyOrderElementsOf(engines);
    List<String> noGroups = inCommand(context -> new UnitQueueAuthorization.Manager().filterAuthenticatedGroupIds(List.of()));
    assertThat(noGroups).isEmpty();
  }

  @Test
  void withoutAnAuthenticatedCallerNothingChanges() {
    assertThat(idsOf(tasks.createTaskQuery().taskCandidateGroup("b").list())).containsExactlyInAnyOrderElementsOf(tasksOfB);
  }

  /** The filter "Việc của đơn vị tôi" with IdentitySetup's query, readable by every group. */
  private String myUnitsQueueAsInIdentitySetup() {
    Filter filter = engine.getFilterService().newTaskFilter(IdentitySetup.FILTER_MY_UNIT)
        .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    engine.getFilterService().saveFilter(filter);
    grantReadOnEveryFilter(engine, "a");
    return filter.getId();
  }

  /** As IdentitySetup lets every group read the shared filters. */
  static void grantReadOnEveryFilter(ProcessEngine engine, String group) {
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(group);
    read.setResource(Resources.FILTER);
    read.setResourceId(Authorization.ANY);
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);
  }

  private <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  private List<String> openMyUnitsQueue() {
    engine.getIdentityService().setAuthentication(STAFF_A, List.of("a"));
    try {
      return idsOf(engine.getFilterService().list(myUnitsQueue));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long countMyUnitsQueue() {
    engine.getIdentityService().setAuthentication(STAFF_A, List.of("a"));
    try {
      return engine.getFilterService().count(myUnitsQueue);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> askAsStaffOfA(TaskQuery query) {
    engine.getIdentityService().setAuthentication(STAFF_A, List.of("a"));
    try {
      return idsOf(query.list());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long countAsStaffOfA(TaskQuery query) {
    engine.getIdentityService().setAuthentication(STAFF_A, List.of("a"));
    try {
      return query.count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void deleteGrantOfGroupA(String taskId) {
    Authorization grant = engine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn("a").resourceType(Resources.TASK).resourceId(taskId).singleResult();
    engine.getAuthorizationService().deleteAuthorization(grant.getId());
  }

  private static List<String> idsOf(List<Task> found) {
    return found.stream().map(Task::getId).toList();
  }
}
