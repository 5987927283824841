package vn.ioc.citizenreports.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A node refuses a schema left at another minor version (PostgresNodeTest shows the match). */
class EngineSchemaCheckTest {

  @Test
  void aSchemaOfAnOlderMinorVersionStopsTheStart() {
    JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:schema-check;DB_CLOSE_DELAY=-1"));
    jdbc.sql("create table act_ge_schema_log (id_ varchar(64), timestamp_ timestamp, version_ varchar(255))").update();
    jdbc.sql("insert into act_ge_schema_log values ('0', timestamp '2025-01-01 00:00:00', '7.22.0')").update();
    jdbc.sql("insert into act_ge_schema_log values ('100', timestamp '2025-06-01 00:00:00', '7.23.0')").update();

    assertThatThrownBy(() -> new EngineSchemaCheck(jdbc, "false").schemaMatchesTheEngine())
        .hasMessageContaining("at version 7.23.0").hasMessageContaining("upgrade scripts");

    jdbc.sql("insert into act_ge_schema_log values ('200', timestamp '2025-11-01 00:00:00', '7.24.0')").update();
    new EngineSchemaCheck(jdbc, "false").schemaMatchesTheEngine();
    // when the engine manages its own tables there is nothing to check
    new EngineSchemaCheck(null, "true").schemaMatchesTheEngine();
  }

  @Test
  void patchReleasesShareTheirMinorVersion() {
    assertThat(EngineSchemaCheck.minorVersion("7.24.0")).isEqualTo("7.24");
    assertThat(EngineSchemaCheck.minorVersion("7.24.3-ee")).isEqualTo("7.24");
  }
}
