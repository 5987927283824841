package vn.ioc.citizenreports.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * The database goes away during intake, on a real PostgreSQL server: refusing new connections,
 * or dropping the connection in the middle of the intake's transaction. The citizen gets 503 with
 * Retry-After, nothing is half-stored, and a retry with the same Idempotency-Key makes exactly
 * one report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.hikari.connection-timeout=1000"})
@ActiveProfiles({"test", "demo", "postgres"})
class DatabaseOutageTest {

  private static PostgresServer.Database database;
  private static JdbcClient direct;
  private static final JdbcClient admin = JdbcClient.create(PostgresServer.administration());

  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void productionDatabase(DynamicPropertyRegistry registry) {
    database = PostgresServer.newDatabase("outage");
    EngineSchemaScripts.createOn(database.dataSource());
    direct = JdbcClient.create(database.dataSource());
    registry.add("DATABASE_URL", database::jdbcUrl);
    registry.add("DATABASE_USER", database::user);
    registry.add("DATABASE_PASSWORD", () -> "");
  }

  @BeforeEach
  @AfterEach
  void databaseReachable() {
    admin.sql("alter database " + database.name() + " allow_connections true").update();
    direct.sql("drop trigger if exists connection_lost on act_ru_task").update();
  }

  @Test
  void databaseRefusingConnectionsMeans503AndTheRetryMakesOneReport() {
    Counts before = counts();
    admin.sql("alter database " + database.name() + " allow_connections false").update();
    admin.sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")
        .param(database.name()).query().listOfRows();

    ResponseEntity<JsonNode> refused = submit("outage-1");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(refused.getBody().path("detail").asText()).contains("nothing was stored");

    databaseReachable();
    assertThat(counts()).isEqualTo(before);
    expectExactlyOneReportOnRetry("outage-1", before);
  }

  @Test
  void connectionLostInTheMiddleOfTheIntakeLeavesNothingHalfStored() {
    Counts before = counts();
    // the first task the new report's process creates kills its own database connection: by then
    // the report row, the idempotency key and the process instance are written, not committed
    direct.sql("""
        create or replace function lose_connection() returns trigger language plpgsql as $$
        begin perform pg_terminate_backend(pg_backend_pid()); return new; end $$""").update();
    direct.sql("create trigger connection_lost before insert on act_ru_task for each row execute function lose_connection()")
        .update();

    ResponseEntity<JsonNode> refused = submit("outage-2");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    databaseReachable();
    assertThat(counts()).as("nothing half-stored").isEqualTo(before);
    expectExactlyOneReportOnRetry("outage-2", before);
  }

  private void expectExactlyOneReportOnRetry(String idempotencyKey, Counts before) {
    ResponseEntity<JsonNode> accepted = submit(idempotencyKey);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> retriedAgain = submit(idempotencyKey);
    assertThat(retriedAgain.getBody().path("id").asText()).isEqualTo(accepted.getBody().path("id").asText());
    assertThat(counts()).isEqualTo(new Counts(before.reports() + 1, before.processes() + 1, before.tasks() + 1));
  }

  private ResponseEntity<JsonNode> submit(String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", idempotencyKey);
    return http.postForEntity("/api/reports", new HttpEntity<>(Map.of(
        "category", "ROAD_DAMAGE", "description", "Ổ gà lớn giữa đường", "wardCode", "19869", "channel", "WEB"), headers),
        JsonNode.class);
  }

  private record Counts(long reports, long processes, long tasks) {}

  private static Counts counts() {
    return new Counts(
        direct.sql("select count(*) from report").query(Long.class).single(),
        direct.sql("select count(*) from act_ru_execution where parent_id_ is null and proc_def_key_ = 'CitizenReportProcess'")
            .query(Long.class).single(),
        direct.sql("select count(*) from act_ru_task").query(Long.class).single());
  }
}
