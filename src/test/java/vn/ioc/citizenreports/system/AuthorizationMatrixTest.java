package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.testing.WebappSession;

/**
 * The role matrix, through the engine's REST API and through the webapps' own API that Tasklist
 * and Cockpit call: for each role, what it can and cannot see and do with a report that waits at
 * the Department of Transport (sgtvt).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AuthorizationMatrixTest {

  private static final String UNIT_A = "sgtvtstaff";
  private static final String UNIT_B = "hepcostaff";
  private static final String EMPTY_COMPLETION = "{\"variables\": {}}";

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private String reportId;
  private Task unitTask;

  @BeforeEach
  void reportWaitingAtTheDepartmentOfTransport() {
    ResponseEntity<JsonNode> created = http.postForEntity("/api/reports", json("""
        {"category": "ROAD_DAMAGE", "description": "Ổ gà lớn", "wardCode": "19869", "channel": "WEB"}"""), JsonNode.class);
    reportId = created.getBody().path("id").asText();
    Task verification = taskService.createTaskQuery().processInstanceBusinessKey(reportId).singleResult();
    assertThat(call("operator", HttpMethod.POST, "/task/" + verification.getId() + "/complete",
        "{\"variables\": {\"verification\": {\"value\": \"VALID\"}}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    unitTask = taskService.createTaskQuery().processInstanceBusinessKey(reportId)
        .taskDefinitionKey(ReportProcess.TASK_HANDLE_REPORT).singleResult();
    assertThat(taskService.getIdentityLinksForTask(unitTask.getId())).anyMatch(link -> "sgtvt".equals(link.getGroupId()));
  }

  @Test
  void anonymousCallersGet401Everywhere() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-instance", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/camunda/api/engine/engine/default/deployment", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theUnitSeesReadsClaimsAndCompletesItsOwnTask() {
    assertThat(taskIdsSeenBy(UNIT_A)).contains(unitTask.getId());
    assertThat(call(UNIT_A, HttpMethod.GET, "/task/" + unitTask.getId() + "/variables", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call(UNIT_A, HttpMethod.POST, "/task/" + unitTask.getId() + "/claim", "{\"userId\": \"" + UNIT_A + "\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call(UNIT_A, HttpMethod.POST, "/task/" + unitTask.getId() + "/complete", """
        {"variables": {"handling": {"value": "RESOLVED"}, "resultText": {"value": "Đã vá"}}}""").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the user operation log (Cockpit's history) names who did it
    List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().taskId(unitTask.getId()).list();
    assertThat(log).extracting(UserOperationLogEntry::getOperationType)
        .contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly(UNIT_A);
  }

  @Test
  void anotherUnitCanNeitherSeeNorTouchTheTask() {
    String task = "/task/" + unitTask.getId();
    assertThat(taskIdsSeenBy(UNIT_B)).doesNotContain(unitTask.getId());
    assertRefused(call(UNIT_B, HttpMethod.GET, task, null).getStatusCode());
    assertRefused(call(UNIT_B, HttpMethod.GET, task + "/variables", null).getStatusCode());
    assertRefused(call(UNIT_B, HttpMethod.GET, "/process-instance/" + unitTask.getProcessInstanceId() + "/variables", null)
        .getStatusCode());
    assertRefused(call(UNIT_B, HttpMethod.POST, task + "/claim", "{\"userId\": \"" + UNIT_B + "\"}").getStatusCode());
    assertRefused(call(UNIT_B, HttpMethod.POST, task + "/complete", EMPTY_COMPLETION).getStatusCode());
    assertRefused(call(UNIT_B, HttpMethod.POST, task + "/submit-form", EMPTY_COMPLETION).getStatusCode());
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void throughTasklistsOwnApiTheOtherUnitIsRefusedToo() throws Exception {
    String base = "http://localhost:" + port;
    WebappSession unitA = WebappSession.login(base, "tasklist", UNIT_A, "demo");
    WebappSession unitB = WebappSession.login(base, "tasklist", UNIT_B, "demo");

    assertThat(unitA.engineGet("/task/" + unitTask.getId() + "/variables").statusCode()).isEqualTo(200);
    assertThat(unitA.engineGet("/task?processInstanceBusinessKey=" + reportId).body()).contains(unitTask.getId());
    // what Tasklist loads to show the unit its queue and the task's form
    JsonNode filters = new ObjectMapper().readTree(unitA.engineGet("/filter?resourceType=Task").body());
    String myUnitFilter = StreamSupport.stream(filters.spliterator(), false)
        .filter(filter -> filter.path("name").asText().equals("Việc của đơn vị tôi"))
        .map(filter -> filter.path("id").asText()).findFirst().orElseThrow();
    assertThat(unitA.enginePost("/filter/" + myUnitFilter + "/list?firstResult=0&maxResults=50", "{}").body())
        .contains(unitTask.getId());
    // the queue's cards: the unit reads the report id, category, ward and deadline its task carries
    JsonNode cards = new ObjectMapper().readTree(
        unitA.enginePostHal("/filter/" + myUnitFilter + "/list?firstResult=0&maxResults=50", "{}").body());
    JsonNode card = StreamSupport.stream(cards.path("_embedded").path("task").spliterator(), false)
        .filter(task -> unitTask.getId().equals(task.path("id").asText())).findFirst().orElseThrow();
    List<String> cardVariables = StreamSupport.stream(card.path("_embedded").path("variable").spliterator(), false)
        .map(variable -> variable.path("name").asText() + "=" + variable.path("value").asText()).toList();
    assertThat(cardVariables).contains("reportId=" + reportId).anyMatch(shown -> shown.startsWith("category="))
        .anyMatch(shown -> shown.startsWith("wardCode=")).anyMatch(shown -> shown.startsWith("dueAt="));
    assertThat(unitA.engineGet("/task/" + unitTask.getId() + "/deployed-form").statusCode()).isEqualTo(200);
    assertThat(unitA.engineGet("/task/" + unitTask.getId() + "/form-variables").statusCode()).isEqualTo(200);
    assertThat(unitA.engineGet("/process-definition/" + unitTask.getProcessDefinitionId()).statusCode()).isEqualTo(200);

    assertThat(unitB.engineGet("/task?processInstanceBusinessKey=" + reportId).body()).isEqualTo("[]");
    assertRefused(HttpStatusCode.valueOf(unitB.engineGet("/task/" + unitTask.getId() + "/variables").statusCode()));
    assertRefused(HttpStatusCode.valueOf(unitB.enginePost("/task/" + unitTask.getId() + "/claim",
        "{\"userId\": \"" + UNIT_B + "\"}").statusCode()));
    assertRefused(HttpStatusCode.valueOf(unitB.enginePost("/task/" + unitTask.getId() + "/submit-form", EMPTY_COMPLETION).statusCode()));
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void theIocReadsEveryReportButDoesNotWorkTheUnitsTask() {
    assertThat(taskIdsSeenBy("operator")).contains(unitTask.getId());
    assertThat(call("operator", HttpMethod.GET, "/task/" + unitTask.getId() + "/variables", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertRefused(call("operator", HttpMethod.POST, "/task/" + unitTask.getId() + "/complete", EMPTY_COMPLETION).getStatusCode());
  }

  @Test
  void peoplesCommitteeOfficeAndLeadersReadEverythingAndChangeNothing() {
    for (String user : List.of("pcoffice1", "leader1")) {
      String instance = "/process-instance/" + unitTask.getProcessInstanceId();
      assertThat(call(user, HttpMethod.GET, "/process-instance?processDefinitionKey=" + ReportProcess.KEY, null).getBody())
          .as(user).contains(unitTask.getProcessInstanceId());
      assertThat(call(user, HttpMethod.GET, instance + "/variables", null).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(call(user, HttpMethod.GET, "/history/process-instance?processInstanceBusinessKey=" + reportId, null).getBody())
          .as(user).contains(reportId);
      assertRefused(call(user, HttpMethod.PUT, instance + "/suspended", "{\"suspended\": true}").getStatusCode());
      assertRefused(call(user, HttpMethod.DELETE, instance, null).getStatusCode());
      assertRefused(call(user, HttpMethod.POST, "/task/" + unitTask.getId() + "/complete", EMPTY_COMPLETION).getStatusCode());
      assertRefused(call(user, HttpMethod.POST, "/process-instance/" + unitTask.getProcessInstanceId() + "/variables",
          "{\"modifications\": {\"escalationLevel\": {\"value\": 0}}}").getStatusCode());
    }
    WebappSession leader = WebappSession.login("http://localhost:" + port, "cockpit", "leader1", "demo");
    assertThat(leader.engineGet("/process-definition/statistics?incidents=true").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyDesignersAndAdministratorsMayDeploy() throws Exception {
    String deployment = new ObjectMapper().readTree(call("demo", HttpMethod.GET,
        "/process-definition/key/" + ReportProcess.KEY, null).getBody()).path("deploymentId").asText();
    assertThat(deployment).isNotBlank();
    assertThat(call("designer1", HttpMethod.GET, "/deployment/" + deployment, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    // a unit does not even see deployments; Cockpit's readers see them and may not delete them
    assertThat(call(UNIT_A, HttpMethod.DELETE, "/deployment/" + deployment, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String user : List.of("operator", "leader1")) {
      assertThat(call(user, HttpMethod.DELETE, "/deployment/" + deployment, null).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(call("demo", HttpMethod.GET, "/deployment/" + deployment, null).getStatusCode()).as("still there")
        .isEqualTo(HttpStatus.OK);
  }

  // ------------------------------------------------------------------ helpers


  private List<String> taskIdsSeenBy(String user) {
    ResponseEntity<JsonNode> tasks = http.withBasicAuth(user, "demo")
        .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + reportId, JsonNode.class);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    return tasks.getBody().findValuesAsText("id");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    return http.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method, json(body), String.class);
  }

  private static void assertRefused(HttpStatusCode status) {
    // 403 when the engine refuses an operation; 404 when a query filtered the object away
    assertThat(status.value()).isIn(403, 404);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
