package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * Which of the caller's groups hold an authorization is one index probe per group on PostgreSQL,
 * whatever the group and however many grants it has, in the plan a prepared statement settles on
 * (the generic one): the engine's own way reads every authorization row, one an open task.
 */
class UnitQueueAuthorizationOnPostgresTest {

  private static SingleConnectionDataSource connection;
  private static JdbcClient jdbc;

  /** 20,000 grants of one big unit, 100 of a small one, on tasks, as the engine writes them. */
  @BeforeAll
  static void grantsOfABigAndASmallUnit() {
    PostgresServer.Database database = PostgresServer.newDatabase("unit_queue_authorization");
    EngineSchemaScripts.createOn(database.dataSource());
    JdbcClient setup = JdbcClient.create(database.dataSource());
    setup.sql("""
        INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
        SELECT 'grant-' || n, 1, 1, CASE WHEN n % 200 = 0 THEN 'sdl' ELSE 'sgtvt' END, 7, 'task-' || n, 3
        FROM generate_series(1, 20100) AS n""").update();
    setup.sql("ANALYZE act_ru_authorization").update();
    connection = new SingleConnectionDataSource(database.jdbcUrl(), database.user(), "", true);
    jdbc = JdbcClient.create(connection);
    jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
    jdbc.sql("PREPARE first_authorized_group_from(varchar) AS "
        + UnitQueueAuthorization.FIRST_AUTHORIZED_GROUP_FROM.formatted("").replace("?", "$1")).update();
  }

  @AfterAll
  static void close() {
    connection.destroy();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgtvt", "sdl", "a-group-with-no-grant"})
  void eachGroupIsOneProbeOfTheGroupIndex(String group) {
    List<String> plan = jdbc.sql("EXPLAIN EXECUTE first_authorized_group_from('" + group + "')").query(String.class).list();

    assertThat(String.join("\n", plan))
        .contains("Index Only Scan using act_idx_auth_group_id on act_ru_authorization")
        .contains("Limit")
        .doesNotContain("Seq Scan");
  }
}
