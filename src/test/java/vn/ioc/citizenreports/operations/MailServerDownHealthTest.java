package vn.ioc.citizenreports.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dead mail server shows in the node's health, but keeps the node ready for traffic: mails wait
 * in their retries. Health lives on the management port only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000"})
@ActiveProfiles({"test", "demo"})
@AutoConfigureObservability(tracing = false) // metrics on, so the public port's 404 means something
class MailServerDownHealthTest {

  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;

  @DynamicPropertySource
  static void closedSmtpPort(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      int nobodyListens = socket.getLocalPort();
      registry.add("spring.mail.port", () -> nobodyListens);
    }
  }

  @Test
  void healthIsDownForTheMailServerWhileTheNodeStaysReady() {
    ResponseEntity<JsonNode> health = http.getForEntity(management("/actuator/health"), JsonNode.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(health.getBody().path("components").path("mail").path("status").asText()).isEqualTo("DOWN");
    assertThat(health.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");

    assertThat(http.getForEntity(management("/actuator/health/readiness"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity(management("/actuator/health/liveness"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void thePublicPortServesNoActuator() {
    assertThat(http.getForEntity(management("/actuator/prometheus"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String management(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }
}
