package vn.ioc.citizenreports.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * A node as production runs it: the postgres profile on a real PostgreSQL server whose engine
 * tables were made by the engine's own scripts (the engine only checks them), our tables by
 * Flyway, and a real SMTP server. Then what its operators watch: health and Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "citizen-reports.metrics.max-age=PT0S")
@ActiveProfiles({"test", "demo", "postgres"})
@AutoConfigureObservability(tracing = false) // tests leave metrics export off unless asked
class PostgresNodeTest {

  private static final String JOB_WITHOUT_DUE_DATE = "job-made-before-due-dates";
  private static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired JobDueDates jobDueDates;
  @LocalManagementPort int managementPort;

  @DynamicPropertySource
  static void productionDatabase(DynamicPropertyRegistry registry) {
    PostgresServer.Database database = PostgresServer.newDatabase("node");
    EngineSchemaScripts.createOn(database.dataSource());
    // a job from before every job had a due date, suspended so that nothing runs it
    JdbcClient.create(database.dataSource()).sql("""
        INSERT INTO act_ru_job (id_, rev_, type_, retries_, suspension_state_, handler_type_)
        VALUES (?, 1, 'message', 3, 2, 'async-continuation')""").param(JOB_WITHOUT_DUE_DATE).update();
    registry.add("DATABASE_URL", database::jdbcUrl);
    registry.add("DATABASE_USER", database::user);
    registry.add("DATABASE_PASSWORD", () -> "");
    smtp.start();
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @AfterAll
  static void stopSmtpServer() {
    smtp.stop();
  }

  @Test
  void engineRunsOnTheScriptMadeSchemaAndFlywayAddsOurTables() throws java.io.IOException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(configuration.getDatabaseSchemaUpdate()).as("production only checks the schema").isEqualTo("false");
    int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length
        + new PathMatchingResourcePatternResolver().getResources("classpath:db/vendor/postgresql/V*.sql").length;
    assertThat(jdbc.sql("select count(*) from citizen_reports_schema_history where success and version <> '0'")
        .query(Integer.class).single()).isEqualTo(migrations).isPositive();
  }

  @Test
  void jobsAreAcquiredByDueDateFromAnIndex() {
    http.postForEntity("/api/reports", Map.of("category", "ROAD_DAMAGE", "description", "Ổ gà", "wardCode", "19869",
        "channel", "WEB", "reporter", Map.of("email", "nguyenvana@example.vn")), JsonNode.class);
    jobDueDates.makeJobsWithoutDueDateDue(); // as at start and every minute, here at a known moment

    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull()).isTrue();
    assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'citizen_reports_job_due_date'")
        .query(String.class).single()).contains("act_ru_job", "(duedate_)");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL").query(Long.class).single())
        .as("the receipt mail's job, and the one from before, have a due date").isZero();
    assertThat(jdbc.sql("SELECT duedate_ FROM act_ru_job WHERE id_ = ?").param(JOB_WITHOUT_DUE_DATE)
        .query(java.sql.Timestamp.class).single().toInstant()).isBefore(java.time.Instant.now().plusSeconds(1));
  }

  @Test
  void aReportsVariablesGoInWithAFewMultiRowInserts() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor()
          .isReWriteBatchedInsertsEnabled()).as("the pool's connections rewrite batched inserts").isTrue();
    }
    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    jdbc.sql("SELECT pg_stat_statements_reset(0, oid, 0) FROM pg_database WHERE datname = current_database()")
        .query().singleRow();

    http.postForEntity("/api/reports", Map.of("category", "ROAD_DAMAGE", "description", "Ổ gà", "wardCode", "19869",
        "channel", "WEB", "reporter", Map.of("email", "nguyenvana@example.vn")), JsonNode.class);

    Map<String, Object> variableInserts = jdbc.sql("""
        SELECT coalesce(sum(calls), 0) AS statements, coalesce(sum(rows), 0) AS variables FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query ILIKE 'insert into ACT_RU_VARIABLE%'""").query().singleRow();
    long variables = ((Number) variableInserts.get("variables")).longValue();
    long statements = ((Number) variableInserts.get("statements")).longValue();
    // the report's start flushes its variables and its receipt mail's in one batch: one row a
    // statement without the driver's rewriting; with it, one statement per power of two in the
    // count (20 rows: 16 + 4)
    assertThat(variables).as("the report's and its receipt mail's variables").isGreaterThanOrEqualTo(15);
    assertThat(statements * 2).as("statements for %d variables", variables).isLessThanOrEqualTo(variables);
  }

  @Test
  void theAuditReadsItsOwnIndexesAndTheUnreadOneIsGone() {
    Map<String, String> indexes = new HashMap<>();
    jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'report'")
        .query(row -> {
          indexes.put(row.getString("indexname"), row.getString("indexdef"));
        });

    assertThat(indexes).containsKeys("report_audit", "report_unit_audit", "report_running_by_deadline");
    assertThat(indexes.get("report_running_by_deadline")).as("the running reports alone")
        .contains("(due_at, id)", "WHERE (closed_at IS NULL)");
    // V9's index on due_at alone led the planner astray for the ended cases (docs/BENCHMARKS.md, step 8)
    assertThat(indexes).doesNotContainKey("report_due");
  }

  @Test
  void aReportGoesInAndIsCountedInTheMetrics() {
    ResponseEntity<JsonNode> created = http.postForEntity("/api/reports", Map.of(
        "category", "ROAD_DAMAGE", "description", "Ổ gà lớn giữa đường", "wardCode", "19869",
        "latitude", 16.4637, "longitude", 107.5909, "channel", "WEB",
        "reporter", Map.of("name", "Nguyễn Văn A", "email", "nguyenvana@example.vn")), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    String metrics = http.getForObject(management("/actuator/prometheus"), String.class);
    assertThat(metrics)
        .containsPattern("citizen_reports_open\\{[^}]*step=\"Task_VerifyReport\"[^}]*} [1-9]")
        .containsPattern("citizen_reports_overdue(\\{[^}]*})? 0.0")
        .contains("citizen_reports_urged", "citizen_reports_reprimanded", "camunda_jobs_due", "camunda_jobs_failed")
        .containsPattern("camunda_incidents_open\\{[^}]*type=\"failedJob\"[^}]*} 0.0")
        .contains("hikaricp_connections_active");
  }

  @Test
  void nodeReportsItsEngineJobExecutorDatabaseAndMailServer() {
    JsonNode health = http.getForObject(management("/actuator/health"), JsonNode.class);

    assertThat(health.path("status").asText()).isEqualTo("UP");
    JsonNode components = health.path("components");
    assertThat(components.path("db").path("details").path("database").asText()).isEqualTo("PostgreSQL");
    assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("mail").path("status").asText()).isEqualTo("UP");
    assertThat(http.getForEntity(management("/actuator/health/readiness"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private String management(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }
}
