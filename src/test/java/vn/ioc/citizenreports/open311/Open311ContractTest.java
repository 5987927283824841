package vn.ioc.citizenreports.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import vn.ioc.citizenreports.handling.ReportProcess;

/**
 * Every Open311 JSON response against the schemas in src/test/resources/open311 (written from the
 * GeoReport v2 specification), and the XML form's structure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class Open311ContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @Test
  void discoveryAndServicesFromTheCategories() throws Exception {
    assertThat(valid("discovery.json", get("/open311/v2/discovery.json")).path("endpoints").get(0).path("specification").asText())
        .isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(xml("/open311/v2/discovery.xml", HttpStatus.OK).getElementsByTagName("endpoint").getLength()).isEqualTo(1);

    // the schemas bite: a number where the specification wants a string is refused
    assertThat(SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/services.json"))
        .validate(JSON.readTree("[{\"service_code\": 5, \"service_name\": \"x\", \"metadata\": false, \"type\": \"realtime\"}]")))
        .isNotEmpty();
    JsonNode services = valid("services.json", get("/open311/v2/services.json"));
    assertThat(services).hasSize(37);
    assertThat(services.findValuesAsText("service_code")).contains("ROAD_DAMAGE", "WATER_SUPPLY");

    Document xml = xml("/open311/v2/services.xml", HttpStatus.OK);
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
    assertThat(xml.getElementsByTagName("service").getLength()).isEqualTo(37);
    assertThat(text(xml, "service_code")).isEqualTo("ROAD_DAMAGE");
  }

  @Test
  void serviceDefinitionListsTheExtraQuestions() throws Exception {
    JsonNode water = valid("service-definition.json", get("/open311/v2/services/WATER_SUPPLY.json"));
    assertThat(water.path("attributes").get(0).path("code").asText()).isEqualTo("scope");
    assertThat(water.path("attributes").get(0).path("values").findValuesAsText("key")).containsExactly("HOUSE", "STREET", "AREA");

    Document xml = xml("/open311/v2/services/WATER_SUPPLY.xml", HttpStatus.OK);
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
    assertThat(xml.getElementsByTagName("attribute").getLength()).isEqualTo(1);
    assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(3);

    ResponseEntity<String> unknown = http.getForEntity("/open311/v2/services/SPACESHIP.json", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(valid("errors.json", JSON.readTree(unknown.getBody())).get(0).path("code").asText()).isEqualTo("404");
  }

  @Test
  void partnerPostsARequestThatBecomesPublicOnceVerified() throws Exception {
    ResponseEntity<String> posted = post("/open311/v2/requests.json", Map.of("api_key", "demo", "service_code", "WATER_SUPPLY",
        "lat", "16.4637", "long", "107.5909", "address_string", "12 Lê Lợi", "description", "Mất nước từ sáng",
        "attribute[scope]", "STREET", "email", "a@example.vn"));
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = valid("post-response.json", JSON.readTree(posted.getBody())).get(0);
    String id = created.path("service_request_id").asText();
    assertThat(id).matches("PA-\\d{4}-\\d{6}");

    // not public until the IOC verified it
    assertThat(http.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(valid("tokens.json", get("/open311/v2/tokens/" + created.path("token").asText() + ".json")).get(0)
        .path("service_request_id").asText()).isEqualTo(id);
    String verify = taskService.createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(ReportProcess.TASK_VERIFY_REPORT).singleResult().getId();
    taskService.complete(verify, Map.of("verification", "VALID", "wardCode", "19754"));

    JsonNode request = valid("requests.json", get("/open311/v2/requests/" + id + ".json")).get(0);
    assertThat(request.path("status").asText()).isEqualTo("open");
    assertThat(request.path("service_code").asText()).isEqualTo("WATER_SUPPLY");
    assertThat(request.path("agency_responsible").asText()).isEqualTo("Công ty CP Cấp nước Thừa Thiên Huế");
    assertThat(request.path("description").asText()).contains("Mất nước từ sáng", "Cả tuyến phố");
    assertThat(request.path("expected_datetime").asText()).endsWith("+07:00");
    assertThat(request.has("email")).isFalse();

    assertThat(valid("requests.json", get("/open311/v2/requests.json?service_code=WATER_SUPPLY")).findValuesAsText("service_request_id"))
        .contains(id);
    assertThat(valid("requests.json", get("/open311/v2/requests.json?status=closed")).findValuesAsText("service_request_id"))
        .doesNotContain(id);
    Document xml = xml("/open311/v2/requests/" + id + ".xml", HttpStatus.OK);
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(text(xml, "service_request_id")).isEqualTo(id);
    assertThat(text(xml, "status")).isEqualTo("open");
  }

  @Test
  void aReportNeverVerifiedIsNeverPublicEvenWhenItsProcessEnds() throws Exception {
    JsonNode created = JSON.readTree(post("/open311/v2/requests.json", Map.of("api_key", "demo", "service_code", "NOISE",
        "lat", "16.4637", "long", "107.5909", "description", "Karaoke")).getBody()).get(0);
    String id = created.path("service_request_id").asText();
    runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ReportProcess.KEY).singleResult().getId(), "cancelled in Cockpit");

    assertThat(http.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/open311/v2/requests.json").findValuesAsText("service_request_id")).doesNotContain(id);
  }

  @Test
  void errorsAreTheSpecificationsListWith400_403And404() throws Exception {
    Map<String, String> good = Map.of("api_key", "demo", "service_code", "ROAD_DAMAGE", "lat", "16.4637", "long", "107.5909");

    assertError(post("/open311/v2/requests.json", with(good, "api_key", "wrong")), HttpStatus.FORBIDDEN, "api_key");
    assertError(post("/open311/v2/requests.json", with(good, "service_code", "SPACESHIP")), HttpStatus.NOT_FOUND, "SPACESHIP");
    assertError(post("/open311/v2/requests.json", with(good, "lat", "21.03")), HttpStatus.BAD_REQUEST, "lat:");
    assertError(post("/open311/v2/requests.json", Map.of("api_key", "demo", "service_code", "ROAD_DAMAGE", "address_string", "x")),
        HttpStatus.BAD_REQUEST, "lat and long are required");
    assertError(post("/open311/v2/requests.json", with(with(good, "service_code", "WATER_SUPPLY"), "attribute[scope]", "CITY")),
        HttpStatus.BAD_REQUEST, "must be one of HOUSE, STREET, AREA");
    assertError(http.getForEntity("/open311/v2/requests.json?start_date=yesterday", String.class), HttpStatus.BAD_REQUEST, "start_date");
    assertError(post("/open311/v2/requests.json", with(good, "phone", "0".repeat(31))), HttpStatus.BAD_REQUEST, "phone: is longer than 30");
    assertError(post("/open311/v2/requests.json", with(good, "address_string", "x".repeat(301))), HttpStatus.BAD_REQUEST,
        "address_string: is longer than 300");

    Document xml = xml("/open311/v2/requests/PA-2026-999999.xml", HttpStatus.NOT_FOUND);
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
    assertThat(text(xml, "code")).isEqualTo("404");
  }

  @Test
  void anAdministratorIssuesAPartnersKeyThatWorksAtOnce() throws Exception {
    String issue = "/api/admin/partners/hue-s/api-keys";
    assertThat(http.postForEntity(issue, null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("designer1", "demo").postForEntity(issue, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    JsonNode issued = JSON.readTree(http.withBasicAuth("demo", "demo").postForEntity(issue, null, String.class).getBody());

    String key = issued.path("apiKey").asText();
    assertThat(key).hasSizeGreaterThanOrEqualTo(32);
    assertThat(post("/open311/v2/requests.json", Map.of("api_key", key, "service_code", "ROAD_DAMAGE",
        "lat", "16.4637", "long", "107.5909")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private void assertError(ResponseEntity<String> response, HttpStatus status, String text) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    JsonNode errors = valid("errors.json", JSON.readTree(response.getBody()));
    assertThat(errors.get(0).path("code").asText()).isEqualTo(String.valueOf(status.value()));
    assertThat(errors.findValuesAsText("description")).anyMatch(d -> d.contains(text));
  }

  private static JsonNode valid(String schema, JsonNode document) {
    JsonSchema jsonSchema = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311/" + schema));
    Set<ValidationMessage> problems = jsonSchema.validate(document);
    assertThat(problems).as("%s against %s", document, schema).isEmpty();
    return document;
  }

  private JsonNode get(String url) throws Exception {
    ResponseEntity<String> response = http.getForEntity(url, String.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    return JSON.readTree(response.getBody());
  }

  private Document xml(String url, HttpStatus status) throws Exception {
    ResponseEntity<String> response = http.getForEntity(url, String.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(response.getBody())));
  }

  private static String text(Document xml, String tag) {
    return ((Element) xml.getElementsByTagName(tag).item(0)).getTextContent();
  }

  private ResponseEntity<String> post(String url, Map<String, String> form) {
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, String> with(Map<String, String> form, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(form);
    copy.put(key, value);
    return copy;
  }
}
