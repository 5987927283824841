package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.testing.WebappSession;

/**
 * A unit can send only what its form lets it decide: not its deadline, its escalation level or
 * its extension count, whether through the REST API or Tasklist's own API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FormVariablesGuardTest {

  private static final String UNIT = "sgtvtstaff";

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;

  private Task unitTask;

  @BeforeEach
  void reportAtTheUnit() {
    String id = http.postForObject("/api/reports", json("""
        {"category": "ROAD_DAMAGE", "description": "Ổ gà", "wardCode": "19869", "channel": "WEB"}"""), JsonNode.class)
        .path("id").asText();
    Task verification = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    taskService.complete(verification.getId(), java.util.Map.of("verification", "VALID"));
    unitTask = taskService.createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(ReportProcess.TASK_HANDLE_REPORT).singleResult();
  }

  @Test
  void completingWithAVariableTheFormDoesNotHaveIsABadRequest() {
    for (String endpoint : new String[] {"complete", "submit-form", "resolve"}) {
      ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/task/" + unitTask.getId() + "/" + endpoint, """
          {"variables": {"handling": {"value": "RESOLVED"}, "resultText": {"value": "Đã vá"},
                         "escalationLevel": {"value": 0, "type": "Integer"}, "dueAt": {"value": "2030-01-01T00:00:00.000+0000", "type": "Date"}}}""");
      assertThat(refused.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().path("message").asText()).as(endpoint)
          .isEqualTo("Variables that the form does not let the user set: dueAt, escalationLevel");
    }
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).as("still open").isEqualTo(1);
  }

  @Test
  void theGuardSeesThroughOtherSpellingsOfThePath() {
    String sneaky = """
        {"variables": {"handling": {"value": "RESOLVED"}, "resultText": {"value": "x"}, "escalationLevel": {"value": 0, "type": "Integer"}}}""";
    assertThat(call(HttpMethod.POST, "/task/" + unitTask.getId() + "/complete/", sneaky).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth(UNIT, "demo").exchange("/engine-rest/engine/default/task/" + unitTask.getId() + "/complete",
        HttpMethod.POST, json(sneaky), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.POST, "/task/" + unitTask.getId() + "/localVariables", """
        {"modifications": {"dueAt": {"value": "2030-01-01T00:00:00.000+0000", "type": "Date"}}}""").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void endingTheTaskWithABpmnErrorOrEscalationIsRefused() {
    for (String endpoint : new String[] {"bpmnError", "bpmnEscalation", "bpmnError/"}) {
      ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/task/" + unitTask.getId() + "/" + endpoint, """
          {"errorCode": "x", "escalationCode": "x", "variables": {"dueAt": {"value": "2030-01-01T00:00:00.000+0000", "type": "Date"}}}""");
      assertThat(refused.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(unitTask.getProcessInstanceId()).count()).isEqualTo(1);
  }

  @Test
  void designersMayNotSendAMigrationPlanStraightToTheEngine() {
    // a plan could move a report past the unit and the IOC, or set its SLA outcome: only /api/admin/migrations
    String plan = """
        {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
          "instructions": [{"sourceActivityIds": ["Task_HandleReport"], "targetActivityIds": ["Task_AwaitRating"]}],
          "variables": {"slaOutcome": {"value": "ON_TIME"}}},
         "processInstanceIds": ["%s"]}""".formatted(unitTask.getProcessDefinitionId(), unitTask.getProcessDefinitionId(),
        unitTask.getProcessInstanceId());
    for (String path : new String[] {"/migration/execute", "/migration/executeAsync", "/engine/default/migration/execute/"}) {
      ResponseEntity<JsonNode> refused = http.withBasicAuth("designer1", "demo")
          .exchange("/engine-rest" + path, HttpMethod.POST, json(plan), JsonNode.class);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).as("still at the unit").isEqualTo(1);
  }

  @Test
  void settingAProcessVariableOnTheTaskIsABadRequest() {
    String task = "/task/" + unitTask.getId();
    assertThat(call(HttpMethod.POST, task + "/variables", """
        {"modifications": {"extensionCount": {"value": 0}}}""").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.PUT, task + "/variables/reprimandAt", """
        {"value": "2030-01-01T00:00:00.000+0000", "type": "Date"}""").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.DELETE, task + "/variables/dueAt", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(runtimeService.getVariable(unitTask.getProcessInstanceId(), "dueAt")).isNotNull();
    // a field of the form passes the guard; then the engine decides (TASK_WORK sets no variables)
    assertThat(call(HttpMethod.POST, task + "/variables", """
        {"modifications": {"resultText": {"value": "Đang xử lý"}}}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theFormsOwnVariablesGoThrough() {
    assertThat(call(HttpMethod.POST, "/task/" + unitTask.getId() + "/submit-form", """
        {"variables": {"handling": {"value": "RESOLVED"}, "resultText": {"value": "Đã vá"}}}""").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void tasklistsOwnApiIsGuardedToo() {
    WebappSession unit = WebappSession.login("http://localhost:" + port, "tasklist", UNIT, "demo");
    HttpResponse<String> refused = unit.enginePost("/task/" + unitTask.getId() + "/submit-form", """
        {"variables": {"handling": {"value": "RESOLVED"}, "resultText": {"value": "Đã vá"}, "slaOutcome": {"value": "ON_TIME"}}}""");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("slaOutcome");
  }

  @Test
  void theHotlineStartFormTakesOnlyItsFields() {
    ResponseEntity<JsonNode> refused = http.withBasicAuth("operator", "demo").exchange(
        "/engine-rest/process-definition/key/" + ReportProcess.KEY + "/submit-form", HttpMethod.POST, json("""
            {"variables": {"category": {"value": "WASTE"}, "escalationLevel": {"value": 2, "type": "Integer"}}}"""),
        JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("message").asText()).endsWith("escalationLevel");

    // nor in the middle of the process, nor again after it ended
    ResponseEntity<JsonNode> midway = http.withBasicAuth("operator", "demo").exchange(
        "/engine-rest/process-definition/key/" + ReportProcess.KEY + "/start", HttpMethod.POST, json("""
            {"startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_HandleReport"}],
             "variables": {"category": {"value": "WASTE"}}}"""), JsonNode.class);
    assertThat(midway.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String definition = unitTask.getProcessDefinitionId();
    assertThat(http.withBasicAuth("operator", "demo").exchange("/engine-rest/process-definition/" + definition + "/restart",
        HttpMethod.POST, json("{\"processInstanceIds\": [\"" + unitTask.getProcessInstanceId() + "\"]}"), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String body) {
    return http.withBasicAuth(UNIT, "demo").exchange("/engine-rest" + path, method, json(body), JsonNode.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
