package vn.ioc.citizenreports.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

/**
 * The designers' loop for routing: a changed decision deployed the way Camunda Modeler deploys
 * (a multipart POST to /engine-rest/deployment/create) routes new reports; running ones keep
 * their unit. Only the designers may deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class RoutingDeploymentTest {

  private static final String CREATE = "/engine-rest/deployment/create";
  /** Xã Phú Thuận, Phú Vang: a road there is the Department of Transport's. */
  private static final String PHU_THUAN = "19869";

  @Autowired TestRestTemplate http;
  @Autowired ReportIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  @Test
  void newRoutingVersionDeployedFromModelerRoutesNewReportsAndRunningOnesKeepTheirUnit() throws Exception {
    String running = verifiedRoadReport();
    assertThat(candidateGroupOfHandleTask(running)).isEqualTo("sgtvt");

    // the province hands roads outside Huế to the Department of Construction
    String changed = routingTable().replace(
        "<outputEntry id=\"OutputEntry_RoadsElsewhere_1\"><text>\"sgtvt\"</text>",
        "<outputEntry id=\"OutputEntry_RoadsElsewhere_1\"><text>\"sxd\"</text>");
    assertThat(changed).isNotEqualTo(routingTable());
    ResponseEntity<Map> deployed = deployAs("designer1", changed);

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody()).containsEntry("source", "Camunda Modeler");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ReportRouting").latestVersion()
        .singleResult().getVersion()).isEqualTo(2);
    String newReport = verifiedRoadReport();
    assertThat(candidateGroupOfHandleTask(newReport)).isEqualTo("sxd");
    assertThat(candidateGroupOfHandleTask(running)).isEqualTo("sgtvt");
    assertThat(runtimeService.getVariable(processOf(running), "unitId")).isEqualTo("sgtvt");

    // Modeler deploying the same file again: duplicate filtering makes no new version
    assertThat(deployAs("designer1", changed).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ReportRouting").count()).isEqualTo(2);
  }

  @Test
  void onlyDesignersMayDeploy() throws Exception {
    long before = repositoryService.createDeploymentQuery().count();
    String changed = routingTable().replace("Định tuyến phản ánh", "Định tuyến (thử)");

    for (String endpoint : List.of(CREATE, "/engine-rest/engine/default/deployment/create")) {
      assertThat(deploy(endpoint, new HttpHeaders(), changed).getStatusCode()).as(endpoint).isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<Map> byOperator = deploy(endpoint, basicAuth("operator"), changed);
      assertThat(byOperator.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) byOperator.getBody().get("message")).contains("'CREATE' permission on resource 'Deployment'");
    }
    // path parameters would hide the path from a pattern; the container would still route them
    for (String disguised : List.of("/engine-rest/deployment;x=1/create", "/engine-rest/engine;x=1/default/deployment/create",
        "/engine-rest/engine/default/deployment;x=1/create")) {
      assertThat(deploy(disguised, basicAuth("operator"), changed).getStatusCode()).as(disguised).isIn(HttpStatus.BAD_REQUEST,
          HttpStatus.FORBIDDEN);
    }
    String deploymentId = repositoryService.createDeploymentQuery().list().get(0).getId();
    assertThat(http.exchange("/engine-rest/deployment;x=1/" + deploymentId, HttpMethod.DELETE,
        new HttpEntity<>(basicAuth("operator")), String.class).getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
    assertThat(http.exchange("/engine-rest/engine/default/deployment/" + deploymentId, HttpMethod.DELETE,
        new HttpEntity<>(basicAuth("operator")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("operator", "demo").getForEntity("/engine-rest/deployment", String.class).getStatusCode())
        .as("reading deployments stays open to engine users").isEqualTo(HttpStatus.OK);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  private String verifiedRoadReport() {
    Receipt receipt = intake.submit(new ReportSubmission("ROAD_DAMAGE", "Ổ gà trên tỉnh lộ", PHU_THUAN, null, null, null,
        "APP", Reporter.ANONYMOUS));
    Task verify = taskService.createTaskQuery().processInstanceBusinessKey(receipt.id())
        .taskDefinitionKey(ReportProcess.TASK_VERIFY_REPORT).singleResult();
    taskService.complete(verify.getId(), Map.of("verification", "VALID"));
    return receipt.id();
  }

  private String candidateGroupOfHandleTask(String reportId) {
    Task handle = taskService.createTaskQuery().processInstanceBusinessKey(reportId)
        .taskDefinitionKey(ReportProcess.TASK_HANDLE_REPORT).singleResult();
    return taskService.getIdentityLinksForTask(handle.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).findFirst().orElseThrow();
  }

  private String processOf(String reportId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reportId)
        .processDefinitionKey(ReportProcess.KEY).singleResult().getId();
  }

  private ResponseEntity<Map> deployAs(String user, String dmn) {
    return deploy(CREATE, basicAuth(user), dmn);
  }

  private static HttpHeaders basicAuth(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  /** The request Camunda Modeler 5 sends for "Deploy" to a Camunda 7 engine. */
  private ResponseEntity<Map> deploy(String endpoint, HttpHeaders headers, String dmn) {
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "ReportRouting");
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    form.add("deploy-changed-only", "true");
    form.add("ReportRouting.dmn", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "ReportRouting.dmn";
      }
    });
    return http.postForEntity(endpoint, new HttpEntity<>(form, headers), Map.class);
  }

  private static String routingTable() throws Exception {
    return new ClassPathResource("dmn/ReportRouting.dmn").getContentAsString(StandardCharsets.UTF_8);
  }
}
