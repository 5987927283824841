package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Rate limits, body size and security headers on the public endpoints, with small limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "citizen-reports.rate-limit.submissions-per-hour=3",
    "citizen-reports.rate-limit.reads-per-minute=20"})
@ActiveProfiles({"test", "demo"})
class PublicApiGuardTest {

  private static final String REPORT = """
      {"category": "WASTE", "description": "Rác", "wardCode": "19754", "channel": "WEB"}""";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @Test
  void beyondThreeSubmissionsAnHourFromOneAddressTheAnswerIs429WithRetryAfterAndNothingIsStored() {
    // the other tests may have used some of this address's three
    ResponseEntity<JsonNode> refused = post("/api/reports", REPORT);
    for (int accepted = 0; refused.getStatusCode() == HttpStatus.CREATED; accepted++) {
      assertThat(accepted).as("at most three accepted").isLessThan(3);
      refused = post("/api/reports", REPORT);
    }
    long stored = reports();
    assertThat(post("/api/reports", REPORT).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 3600L);
    assertThat(refused.getBody().path("detail").asText()).contains("Too many requests");
    assertThat(reports()).isEqualTo(stored);
    // reading goes on: the limits are separate
    assertThat(http.getForEntity("/api/categories", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void readsAreLimitedPerMinute() {
    int refusedAfter = 0;
    for (int i = 0; i < 25 && refusedAfter == 0; i++) {
      if (http.getForEntity("/api/wards", String.class).getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
        refusedAfter = i;
      }
    }
    assertThat(refusedAfter).as("the 21st read in a minute is refused (other tests read too)").isBetween(1, 20);
  }

  @Test
  void aBodyOver64KilobytesIsRefusedBeforeItIsRead() {
    String huge = "{\"category\": \"WASTE\", \"description\": \"" + "x".repeat(70 * 1024) + "\"}";
    ResponseEntity<JsonNode> refused = post("/api/reports", huge);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void publicAnswersCarrySecurityHeaders() {
    HttpHeaders headers = http.getForEntity("/api/units", String.class).getHeaders();
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(http.getForEntity("/r/PA-2026-999999?token=x", String.class).getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'self'", "frame-ancestors 'none'");
  }

  @Test
  void anIpv6HouseholdCountsAsOneClient() {
    assertThat(PublicApiGuard.clientOf("2001:db8:1:2:aaaa::1")).isEqualTo(PublicApiGuard.clientOf("2001:db8:1:2:bbbb::9"))
        .isEqualTo("20010db800010002::/64");
    assertThat(PublicApiGuard.clientOf("2001:db8:1:3::1")).isNotEqualTo(PublicApiGuard.clientOf("2001:db8:1:2::1"));
    assertThat(PublicApiGuard.clientOf("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  private long reports() {
    return jdbc.sql("select count(*) from report").query(Long.class).single();
  }

  private ResponseEntity<JsonNode> post(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
  }
}
