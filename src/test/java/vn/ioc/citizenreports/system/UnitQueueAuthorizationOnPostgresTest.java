package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * On PostgreSQL, which of the caller's groups hold an authorization is the engine's answer, found
 * with one read of the group index per group, whatever the group and however many grants it has,
 * in the plan a prepared statement settles on (the generic one); the engine's own way reads every
 * authorization row, one per open task.
 */
class UnitQueueAuthorizationOnPostgresTest {

  private static ProcessEngine engine;
  private static SingleConnectionDataSource connection;
  private static JdbcClient jdbc;

  /**
   * 20,000 grants of one big unit and 100 of a small one on tasks, as the engine writes them, and
   * groups whose ids differ only in case, a trailing space or what follows a shared start.
   */
  @BeforeAll
  static void grantsOfABigAndASmallUnit() {
    PostgresServer.Database database = PostgresServer.newDatabase("unit_queue_authorization");
    EngineSchemaScripts.createOn(database.dataSource());
    JdbcClient setup = JdbcClient.create(database.dataSource());
    setup.sql("""
        INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
        SELECT 'grant-' || n, 1, 1, CASE WHEN n % 200 = 0 THEN 'sdl' ELSE 'sgtvt' END, 7, 'task-' || n, 3
        FROM generate_series(1, 20100) AS n""").update();
    for (String group : List.of("A", "a ", "a-b", "Đ")) {
      setup.sql("""
          INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
          VALUES (?, 1, 1, ?, 5, '*', 2)""").param("filter-" + group).param(group).update();
    }
    setup.sql("ANALYZE act_ru_authorization").update();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("unit-queue-authorization-postgres")
        .setJdbcUrl(database.jdbcUrl()).setJdbcUsername(database.user()).setJdbcPassword("")
        .setDatabaseSchemaUpdate("false").setJobExecutorActivate(false).setAuthorizationEnabled(true);
    configuration.getProcessEnginePlugins().add(new UnitQueueAuthorization());
    engine = configuration.buildProcessEngine();

    connection = new SingleConnectionDataSource(database.jdbcUrl(), database.user(), "", true);
    jdbc = JdbcClient.create(connection);
    jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
    jdbc.sql("PREPARE first_authorized_group_from(varchar) AS "
        + UnitQueueAuthorization.FIRST_AUTHORIZED_GROUP_FROM.formatted("").replace("?", "$1")).update();
  }

  @AfterAll
  static void close() {
    connection.destroy();
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgtvt", "sdl", "a-group-with-no-grant"})
  void eachGroupIsOneReadOfTheGroupIndex(String group) {
    List<String> plan = jdbc.sql("EXPLAIN EXECUTE first_authorized_group_from('" + group + "')").query(String.class).list();

    assertThat(String.join("\n", plan))
        .contains("Limit")
        .contains("Index Only Scan using act_idx_auth_group_id on act_ru_authorization")
        .doesNotContain("Seq Scan");
  }

  @Test
  void theCallersGroupsThatHoldAnAuthorizationAreTheOnesTheEngineFinds() {
    List<String> callersGroups = Arrays.asList("sdl", "a", "A", "a ", "a-", "a-b", "Đ", "d", null, "sdl", "sgtvt", "zzz");

    List<String> engines = inCommand(context -> new AuthorizationManager().filterAuthenticatedGroupIds(callersGroups));

    assertThat(groupsHoldingAnAuthorization(callersGroups)).containsExactlyInAnyOrder("sdl", "A", "a ", "a-b", "Đ", "sgtvt").containsExactlyInAnyOrderElementsOf(engines);
  }

  /** What a command found is its own: the next command sees a group granted since. */
  @Test
  void aGroupGrantedAfterACommandHoldsAnAuthorizationInTheNext() {
    List<String> callersGroups = List.of("sdl", "granted-later");
    assertThat(groupsHoldingAnAuthorization(callersGroups)).containsExactly("sdl");

    UnitQueueAuthorizationTest.grantReadOnEveryFilter(engine, "granted-later");

    assertThat(groupsHoldingAnAuthorization(callersGroups)).containsExactlyInAnyOrder("sdl", "granted-later");
  }

  /** Our answer, in a command of its own as the engine asks it. */
  private static List<String> groupsHoldingAnAuthorization(List<String> callersGroups) {
    return inCommand(context -> new UnitQueueAuthorization.Manager().filterAuthenticatedGroupIds(callersGroups));
  }

  private static <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }
}
