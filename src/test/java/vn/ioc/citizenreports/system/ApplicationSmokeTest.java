package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.report.TrackingTokens;

/** The application as `mvn spring-boot:run` starts it, on an in-memory database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ApplicationSmokeTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired ApplicationContext context;
  @Autowired TrackingTokens tokens;

  @Test
  void processDecisionsAndFormsAreDeployed() throws Exception {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ReportProcess.KEY).count()).isEqualTo(1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("MailDelivery").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .extracting(d -> d.getKey()).contains("ReportRouting", "SlaPolicy");
    Deployment deployment = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0);
    List<String> deployed = repositoryService.getDeploymentResourceNames(deployment.getId());
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(forms).hasSize(9);
    for (Resource form : forms) {
      assertThat(deployed).as("deployed with the process").anyMatch(name -> name.endsWith("forms/" + form.getFilename()));
    }
  }

  @Test
  void everyDelegateExpressionInTheModelsIsABean() throws Exception {
    Pattern delegate = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"");
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      Matcher matcher = delegate.matcher(model.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
      while (matcher.find()) {
        assertThat(context.containsBean(matcher.group(1))).as("bean %s used in %s", matcher.group(1), model.getFilename()).isTrue();
      }
    }
  }

  @Test
  void groupsUnitsAndTasklistFiltersExist() {
    assertThat(identityService.createGroupQuery().groupIdIn("ioc", "pcoffice", "leaders", "designers").count()).isEqualTo(4);
    assertThat(identityService.createGroupQuery().groupType("unit").count()).isEqualTo(226);
    assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("sgtvt").list()).extracting(u -> u.getId()).contains("sgtvtstaff");
    assertThat(filterService.createTaskFilterQuery().list()).extracting(f -> f.getName())
        .contains("Việc của đơn vị tôi", "Sắp đến hạn", "Quá hạn");
  }

  @Test
  void engineRestRequiresCredentials() {
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a wrong password locks that user for a few seconds (the engine's login throttling): not demo
    assertThat(http.withBasicAuth("operator", "wrong").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void reportSubmittedThroughTheApiIsStoredAndWaitsForVerification() {
    ResponseEntity<JsonNode> response = post("""
        {"category": "ROAD_DAMAGE", "description": "Ổ gà lớn trước số 12", "wardCode": "19754",
         "address": "12 Lê Lợi", "latitude": 16.4637, "longitude": 107.5909, "channel": "APP",
         "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": "a@example.vn"}}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = response.getBody().path("id").asText();
    assertThat(id).matches("PA-\\d{4}-\\d{6}");
    assertThat(tokens.matches(id, response.getBody().path("token").asText())).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(ReportProcess.TASK_VERIFY_REPORT)
        .taskCandidateGroup(ReportProcess.GROUP_IOC).count()).isEqualTo(1);
  }

  @Test
  void invalidReportIsRefusedWithTheFieldsAndNothingStarts() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).count();

    ResponseEntity<JsonNode> response = post("""
        {"category": "SPACESHIP", "description": "", "wardCode": "19754", "channel": "PIGEON"}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = response.getBody().path("errors").findValuesAsText("field");
    assertThat(fields).containsExactlyInAnyOrder("category", "description", "channel");
    assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("SPACESHIP");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void taskCompletedWithAValueOutsideTheContractIsABadRequestNotAServerError() {
    String id = post("""
        {"category": "WASTE", "description": "Rác", "wardCode": "19754", "channel": "WEB"}""").getBody().path("id").asText();
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("demo", "demo");
    String invalid = """
        {"variables": {"verification": {"value": "DUPLICATE", "type": "String"},
                       "duplicateOf": {"value": "PA-1999-000001", "type": "String"}}}""";

    // complete is what REST clients use, submit-form what Tasklist uses for Camunda Forms
    for (String endpoint : List.of("complete", "submit-form")) {
      ResponseEntity<JsonNode> response = http.postForEntity("/engine-rest/task/" + taskId + "/" + endpoint,
          new HttpEntity<>(invalid, headers), JsonNode.class);
      assertThat(response.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().path("message").asText()).as(endpoint).contains("'duplicateOf': no report PA-1999-000001");
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void referenceDataIsPublicAndReadOnly() {
    assertThat(http.getForObject("/api/units", JsonNode.class)).hasSize(226);
    assertThat(http.getForObject("/api/categories", JsonNode.class)).hasSize(37);
    assertThat(http.getForObject("/api/wards", JsonNode.class)).hasSize(141);
    JsonNode namDong = http.getForObject("/api/wards?districtCode=483", JsonNode.class);
    assertThat(namDong).hasSize(10);
    assertThat(namDong.get(0).path("name").asText()).isEqualTo("Thị trấn Khe Tre");
    assertThat(http.postForEntity("/api/units", new HttpEntity<>("{}", jsonHeaders()), String.class).getStatusCode())
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void publicApiIsDescribedWithOpenApi() {
    JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

    assertThat(api.path("paths").fieldNames()).toIterable()
        .contains("/api/reports", "/api/reports/{id}", "/api/reports/{id}/rating", "/api/units", "/api/categories", "/api/wards")
        .allMatch(path -> path.startsWith("/api/"));
    assertThat(http.getForEntity("/api/docs", String.class).getStatusCode().is2xxSuccessful()).isTrue();
  }

  @Test
  void eachFieldSaysWhatIsWrongWithIt() {
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "wardCode": "99999", "channel": "APP"}""")))
        .containsEntry("wardCode", "unknown ward '99999'");
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "%s", "wardCode": "19754", "channel": "APP"}""".formatted("x".repeat(4001)))))
        .containsEntry("description", "is longer than 4000 characters");
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "wardCode": "19754", "channel": "APP", "reporter": {"email": "not-an-address"}}""")))
        .containsEntry("reporter.email", "is not an e-mail address");
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "wardCode": "19754", "channel": "APP", "address": "%s",
         "reporter": {"phone": "%s"}}""".formatted("x".repeat(301), "0".repeat(31)))))
        .containsEntry("address", "is longer than 300 characters").containsEntry("reporter.phone", "is longer than 30 characters");
  }

  @Test
  void theWardOrCoordinatesInsideTheProvince() {
    assertThat(post("""
        {"category": "WASTE", "description": "Rác", "latitude": 16.4637, "longitude": 107.5909, "channel": "APP"}""")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "latitude": 21.0278, "longitude": 105.8342, "channel": "APP"}""")))
        .containsEntry("latitude", "(21.0278, 105.8342) is outside Thừa Thiên Huế");
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "latitude": 16.4637, "channel": "APP"}""")))
        .containsEntry("longitude", "is required with the other coordinate");
    assertThat(errorsOf(post("""
        {"category": "WASTE", "description": "Rác", "channel": "APP"}""")))
        .containsEntry("wardCode", "is required, unless latitude and longitude are given");
  }

  private static Map<String, String> errorsOf(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    response.getBody().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
    return errors;
  }

  @Test
  void malformedJsonIsABadRequest() {
    assertThat(post("{\"category\": ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("{\"latitude\": \"north\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("[]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<JsonNode> post(String json) {
    return http.postForEntity("/api/reports", new HttpEntity<>(json, jsonHeaders()), JsonNode.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
