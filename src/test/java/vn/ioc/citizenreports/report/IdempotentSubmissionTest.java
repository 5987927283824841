package vn.ioc.citizenreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.ReportProcess;

/** A client retrying a submission, even many times at once, makes one report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class IdempotentSubmissionTest {

  private static final String REPORT = """
      {"category": "WASTE", "description": "Rác ở chợ", "wardCode": "19754", "channel": "APP"}""";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @Test
  void twentyParallelPostsWithOneKeyMakeOneReportAndOneProcess() throws Exception {
    long reportsBefore = reports();
    ExecutorService clients = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(clients.submit(() -> {
        start.await();
        return post(REPORT, "retry-7f3a9c");
      }));
    }
    start.countDown();
    List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
    for (Future<ResponseEntity<JsonNode>> answer : answers) {
      responses.add(answer.get(60, TimeUnit.SECONDS));
    }
    clients.shutdown();

    assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED));
    assertThat(responses.stream().map(r -> r.getBody().path("id").asText()).distinct()).hasSize(1);
    assertThat(responses.stream().map(r -> r.getBody().path("token").asText()).distinct()).hasSize(1);
    String id = responses.get(0).getBody().path("id").asText();
    assertThat(reports()).isEqualTo(reportsBefore + 1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(id).count()).isEqualTo(1);
  }

  @Test
  void theSameKeyForADifferentReportIsRefused() {
    assertThat(post(REPORT, "key-used-twice").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long reports = reports();

    ResponseEntity<JsonNode> other = post(REPORT.replace("Rác ở chợ", "Rác ở bến xe"), "key-used-twice");

    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getBody().path("detail").asText()).contains("key-used-twice");
    assertThat(reports()).isEqualTo(reports);
    assertThat(post(REPORT, "has spaces").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<JsonNode> post(String json, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.postForEntity("/api/reports", new HttpEntity<>(json, headers), JsonNode.class);
  }

  private long reports() {
    return jdbc.sql("SELECT COUNT(*) FROM report").query(Long.class).single();
  }
}
