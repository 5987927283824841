package vn.ioc.citizenreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.ioc.citizenreports.handling.ReportProcess;

/** A citizen following a report with its token, and rating it through the API or the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ReportTrackingTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void citizenFollowsTheReportWithItsTokenAndAWrongTokenLooksLikeNoReport() {
    Receipt receipt = submit("Ổ gà lớn trước số 12");

    JsonNode report = http.getForObject(url(receipt), JsonNode.class);
    assertThat(report.path("id").asText()).isEqualTo(receipt.id());
    assertThat(report.path("state").asText()).isEqualTo("RECEIVED");
    assertThat(report.path("timeline").get(0).path("what").asText()).isEqualTo("Đã tiếp nhận phản ánh");

    ResponseEntity<String> wrongToken = http.getForEntity("/api/reports/" + receipt.id() + "?token=AAAAAAAAAAAAAAAAAAAAAAAA", String.class);
    ResponseEntity<String> noSuchReport = http.getForEntity("/api/reports/PA-2026-999999?token=" + receipt.token(), String.class);
    assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noSuchReport.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(wrongToken.getBody()).isEqualTo(noSuchReport.getBody().replace("PA-2026-999999", receipt.id()));
    assertThat(http.getForEntity("/api/reports/" + receipt.id(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void citizenRatesThroughTheApiOnceTheResultIsPublished() {
    Receipt receipt = submit("Ổ gà lớn");
    assertThat(rate(receipt, "{\"rating\": \"SATISFIED\"}").getStatusCode()).as("not yet published").isEqualTo(HttpStatus.CONFLICT);
    publish(receipt.id());

    JsonNode report = http.getForObject(url(receipt), JsonNode.class);
    assertThat(report.path("state").asText()).isEqualTo("AWAITING_RATING");
    assertThat(report.path("canRate").asBoolean()).isTrue();
    assertThat(report.path("unitName").asText()).isEqualTo("Sở Giao thông vận tải");
    assertThat(report.path("resultText").asText()).isEqualTo("Đã vá ổ gà");
    ResponseEntity<JsonNode> bad = http.exchange(url(receipt).replace("?", "/rating?"), org.springframework.http.HttpMethod.POST,
        new HttpEntity<>("{\"rating\": \"MAYBE\"}", json()), JsonNode.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rating");

    assertThat(rate(receipt, "{\"rating\": \"SATISFIED\", \"comment\": \"Cảm ơn\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(processEnded(receipt.id())).isTrue();
    JsonNode closed = http.getForObject(url(receipt), JsonNode.class);
    assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("rating").asText()).isEqualTo("SATISFIED");
    assertThat(rate(receipt, "{\"rating\": \"UNSATISFIED\"}").getStatusCode()).as("already rated").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void citizenPageShowsTheReportEscapedAndRatesThroughItsButtons() {
    Receipt receipt = submit("<script>alert('x')</script> đèn hỏng");
    publish(receipt.id());

    ResponseEntity<String> page = http.getForEntity("/r/" + receipt.id() + "?token=" + receipt.token(), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody())
        .contains("Phản ánh " + receipt.id(), "Đã có kết quả, mời bạn đánh giá", "Đã vá ổ gà", "Hài lòng")
        .contains("&lt;script&gt;").doesNotContain("<script>alert")
        .doesNotContain("http://", "https://");

    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("rating", "SATISFIED");
    form.add("comment", "Đèn đã sáng");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> rated = http.postForEntity("/r/" + receipt.id() + "/rating?token=" + receipt.token(),
        new HttpEntity<>(form, headers), String.class);

    // redirected back to the page (post, redirect, get)
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rated.getBody()).contains("Cảm ơn bạn đã đánh giá.", "Người dân hài lòng", "Đã đóng").doesNotContain("Hài lòng</button>");
    assertThat(processEnded(receipt.id())).isTrue();
    assertThat(http.getForEntity("/r/" + receipt.id() + "?token=wrong", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    MultiValueMap<String, String> forged = new LinkedMultiValueMap<>();
    forged.add("rating", "MEH");
    assertThat(http.postForEntity("/r/" + receipt.id() + "/rating?token=" + receipt.token(), new HttpEntity<>(forged, headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void rejectedReportTellsWhy() {
    Receipt receipt = submit("Quảng cáo");
    String verify = taskService.createTaskQuery().processInstanceBusinessKey(receipt.id()).singleResult().getId();
    taskService.complete(verify, Map.of("verification", "INVALID", "rejectionReason", "SPAM"));

    JsonNode report = http.getForObject(url(receipt), JsonNode.class);
    assertThat(report.path("state").asText()).isEqualTo("REJECTED");
    assertThat(report.path("timeline").findValuesAsText("what")).contains("Không tiếp nhận: Tin rác, quảng cáo");
  }

  private Receipt submit(String description) {
    return http.postForObject("/api/reports", new HttpEntity<>("""
        {"category": "ROAD_DAMAGE", "description": "%s", "wardCode": "19869", "channel": "APP"}"""
        .formatted(description.replace("\"", "\\\"")), json()), Receipt.class);
  }

  private void publish(String reportId) {
    complete(reportId, ReportProcess.TASK_VERIFY_REPORT, Map.of("verification", "VALID"));
    complete(reportId, ReportProcess.TASK_HANDLE_REPORT, Map.of("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    complete(reportId, ReportProcess.TASK_REVIEW_RESULT, Map.of("resultDecision", "ACCEPTED"));
  }

  private void complete(String reportId, String taskKey, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey(taskKey).singleResult().getId();
    taskService.complete(taskId, variables);
  }

  private boolean processEnded(String reportId) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(reportId).finished().count() == 1;
  }

  private ResponseEntity<String> rate(Receipt receipt, String body) {
    return http.postForEntity(url(receipt).replace("?", "/rating?"), new HttpEntity<>(body, json()), String.class);
  }

  private static String url(Receipt receipt) {
    return "/api/reports/" + receipt.id() + "?token=" + receipt.token();
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
