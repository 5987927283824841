package vn.ioc.citizenreports.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.testing.HttpJson;

/**
 * The designers' loop on a running application, as README "For process designers" describes it:
 * a changed process deployed from Camunda Modeler with its forms attached (the very request
 * Modeler 5 sends) becomes a new version, the same deployment again does not, and
 * {@code POST /api/admin/migrations} moves the running reports onto it. That only designers may
 * deploy is RoutingDeploymentTest's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesignersLoopTest {

  private static final String MIGRATIONS = "/api/admin/migrations";
  /** Xã Phú Thuận, Phú Vang: a road there is the Department of Transport's. */
  private static final String PHU_THUAN = "19869";

  @Autowired TestRestTemplate http;
  @Autowired ReportIntakeService intake;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;

  @Test
  @Order(1)
  void processDeployedFromModelerWithItsFormsBecomesTheVersionRunningReportsAreMigratedTo() throws Exception {
    String waitingForVerification = submitReport();
    String atUnit = submitReport();
    complete(atUnit, ReportProcess.TASK_VERIFY_REPORT, Map.of("verification", "VALID"));
    int current = versionOf(atUnit);
    String changed = processXml().replace("name=\"Duyệt kết quả xử lý\"", "name=\"Duyệt kết quả\"");

    ResponseEntity<String> deployed = deployFromModeler("designer1", changed);

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode deployment = HttpJson.read(deployed.getBody());
    assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(deployment.path("deployedProcessDefinitions")).hasSize(1);
    int next = latestVersion();
    assertThat(next).isEqualTo(current + 1);
    assertThat(repositoryService.getDeploymentResourceNames(deployment.path("id").asText()))
        .as("the forms came with it").contains("CitizenReportProcess.bpmn", "VerifyReport.form", "HandleReport.form");

    // Modeler deploying the same files again: duplicate filtering makes no new version
    assertThat(deployFromModeler("designer1", changed).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(latestVersion()).isEqualTo(next);

    // a dry run counts, then the migration moves the running reports, as the designer
    ResponseEntity<String> dryRun = migrate("designer1", Map.of("processDefinitionKey", ReportProcess.KEY,
        "fromVersion", current, "toVersion", next, "dryRun", true));
    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the context may be shared with earlier test classes and their reports
    String currentDefinition = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(atUnit).singleResult()
        .getProcessDefinitionId();
    long running = runtimeService.createProcessInstanceQuery().processDefinitionId(currentDefinition).count();
    assertThat(running).isGreaterThanOrEqualTo(2);
    assertThat(HttpJson.read(dryRun.getBody()).path("instances").asLong()).isEqualTo(running);
    assertThat(HttpJson.read(dryRun.getBody()).path("instancesByActivity").path(ReportProcess.TASK_VERIFY_REPORT).asLong())
        .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionId(currentDefinition)
            .activityIdIn(ReportProcess.TASK_VERIFY_REPORT).count()).isPositive();
    assertThat(versionOf(atUnit)).isEqualTo(current);
    Task handleBefore = task(atUnit, ReportProcess.TASK_HANDLE_REPORT);

    ResponseEntity<String> migrated = migrate("designer1", Map.of("processDefinitionKey", ReportProcess.KEY,
        "fromVersion", current, "toVersion", next, "dryRun", false));

    assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(HttpJson.read(migrated.getBody()).path("execution").asText()).isEqualTo("SYNC");
    assertThat(List.of(versionOf(waitingForVerification), versionOf(atUnit))).containsOnly(next);
    Task handleAfter = task(atUnit, ReportProcess.TASK_HANDLE_REPORT);
    assertThat(handleAfter.getId()).isEqualTo(handleBefore.getId());
    assertThat(handleAfter.getDueDate()).isEqualTo(handleBefore.getDueDate());
    assertThat(formService.getDeployedTaskForm(handleAfter.getId())).as("Tasklist finds the form in version 2's deployment")
        .isNotNull();
    assertThat(historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
        .userId("designer1").count()).as("the log names who migrated").isPositive();
    complete(atUnit, ReportProcess.TASK_HANDLE_REPORT, Map.of("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    assertThat(task(atUnit, ReportProcess.TASK_REVIEW_RESULT).getName()).isEqualTo("Duyệt kết quả");
  }

  /** Runs second: the reports of the first test stay on the version it deployed. */
  @Test
  @Order(2)
  void migrationThatWouldStrandAReportIsRefusedAndBadRequestsAreToldWhy() throws Exception {
    String waitingForVerification = submitReport();
    int current = versionOf(waitingForVerification);
    deployFromModeler("designer1", processXml().replace("\"Task_VerifyReport\"", "\"Task_CheckReport\""));
    int next = latestVersion();
    Map<String, Object> request = Map.of("processDefinitionKey", ReportProcess.KEY, "fromVersion", current,
        "toVersion", next, "dryRun", false);

    ResponseEntity<String> refused = migrate("designer1", request);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(HttpJson.read(refused.getBody()).path("problems").toString()).contains("wait at Task_VerifyReport");
    assertThat(versionOf(waitingForVerification)).isEqualTo(current);

    assertThat(migrate(null, request).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(migrate("operator", request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(migrate("demo", Map.of("processDefinitionKey", ReportProcess.KEY, "fromVersion", current, "toVersion", 99,
        "dryRun", true)).getStatusCode()).as("administrators may; version 99 does not exist").isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> noDryRun = migrate("designer1", Map.of("processDefinitionKey", ReportProcess.KEY,
        "fromVersion", current, "toVersion", next));
    assertThat(noDryRun.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noDryRun.getBody()).contains("dryRun");
    assertThat(migrate("designer1", Map.of("processDefinitionKey", ReportProcess.KEY, "fromVersion", "first",
        "toVersion", next, "dryRun", true)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(migrate("designer1", Map.of("processDefinitionKey", ReportProcess.KEY, "fromVersion", current,
        "toVersion", current, "dryRun", true)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ---------------------------------------------------------------- Camunda Modeler

  /**
   * What Camunda Modeler 5 sends for "Deploy" to a Camunda 7 engine (client/src/plugins/
   * camunda-plugin/shared/CamundaAPI.js): the deployment name (the file name without extension
   * unless the designer changes it), the source, duplicate filtering, the diagram as text/xml
   * under its file name, then each attached file under its own name.
   */
  private ResponseEntity<String> deployFromModeler(String user, String bpmn) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "CitizenReportProcess");
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    form.add("CitizenReportProcess.bpmn", file("CitizenReportProcess.bpmn", bpmn.getBytes(StandardCharsets.UTF_8),
        MediaType.TEXT_XML));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path attached : forms.sorted().toList()) {
        String name = attached.getFileName().toString();
        form.add(name, file(name, Files.readAllBytes(attached), MediaType.APPLICATION_OCTET_STREAM));
      }
    }
    return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content, MediaType type) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(type);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part);
  }

  // ---------------------------------------------------------------- helpers

  private ResponseEntity<String> migrate(String user, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(MIGRATIONS, new HttpEntity<>(HttpJson.write(body), headers), String.class);
  }

  private String submitReport() {
    Receipt receipt = intake.submit(new ReportSubmission("ROAD_DAMAGE", "Ổ gà trên tỉnh lộ", PHU_THUAN, null, null, null,
        "APP", Reporter.ANONYMOUS));
    return receipt.id();
  }

  private void complete(String reportId, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(reportId, taskKey).getId(), variables);
  }

  private Task task(String reportId, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey(taskKey).singleResult();
  }

  private int versionOf(String reportId) {
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reportId)
        .processDefinitionKey(ReportProcess.KEY).singleResult().getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  private int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ReportProcess.KEY).latestVersion()
        .singleResult().getVersion();
  }

  private static String processXml() throws IOException {
    return Files.readString(Path.of("processes", "CitizenReportProcess.bpmn"));
  }
}
