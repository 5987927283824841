package vn.ioc.citizenreports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.sla.SlaClock;

/** GET /api/stats: leaders and the IOC only, with the figures the process keeps current. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class StatsApiTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;

  private final String today = LocalDate.now(SlaClock.VIETNAM).toString();

  @Test
  void leadersAndTheIocReadTheScorecardOthersAreRefused() {
    String id = http.postForObject("/api/reports", Map.of("category", "ROAD_DAMAGE", "description", "Ổ gà",
        "wardCode", "19869", "channel", "WEB"), JsonNode.class).path("id").asText();
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId(),
        Map.of("verification", "VALID"));

    for (String user : new String[] {"leader1", "operator", "demo"}) {
      ResponseEntity<JsonNode> stats = http.withBasicAuth(user, "demo")
          .getForEntity("/api/stats?from=" + today + "&to=" + today, JsonNode.class);
      assertThat(stats.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      JsonNode sgtvt = find(stats.getBody().path("units"), "sgtvt");
      assertThat(sgtvt.path("received").asLong()).as(user).isPositive();
      assertThat(sgtvt.path("inProgressOnTime").asLong()).isPositive();
      assertThat(stats.getBody().path("city").path("received").asLong()).isGreaterThanOrEqualTo(sgtvt.path("received").asLong());
    }
    JsonNode onlySgtvt = http.withBasicAuth("leader1", "demo")
        .getForObject("/api/stats?from=" + today + "&to=" + today + "&unitId=sgtvt", JsonNode.class);
    assertThat(onlySgtvt.path("units")).hasSize(1);
    assertThat(onlySgtvt.path("city").isMissingNode() || onlySgtvt.path("city").isNull()).as("no city for one unit").isTrue();

    assertThat(http.getForEntity("/api/stats?from=" + today + "&to=" + today, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("leader1", "wrong").getForEntity("/api/stats?from=" + today + "&to=" + today, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : new String[] {"sgtvtstaff", "pcoffice1", "designer1"}) {
      assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/stats?from=" + today + "&to=" + today, String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void aBadPeriodOrUnitIsA400() {
    var leader = http.withBasicAuth("leader1", "demo");
    assertThat(leader.getForEntity("/api/stats?from=2026-03-31&to=2026-03-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leader.getForEntity("/api/stats?from=March&to=2026-03-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leader.getForEntity("/api/stats?to=2026-03-01", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leader.getForEntity("/api/stats?from=2026-03-01&to=2026-03-31&unitId=nobody", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leader.getForEntity("/api/stats?from=2000-01-01&to=2026-03-31", String.class).getStatusCode())
        .as("more than five years").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leader.getForEntity("/api/stats?from=2026-03-01&to=+999999999-12-31", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static JsonNode find(JsonNode units, String unitId) {
    for (JsonNode unit : units) {
      if (unitId.equals(unit.path("unitId").asText())) {
        return unit;
      }
    }
    throw new AssertionError("no row for " + unitId + " in " + units);
  }
}
