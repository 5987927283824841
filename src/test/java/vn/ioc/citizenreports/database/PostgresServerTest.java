package vn.ioc.citizenreports.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresServerTest {

  @Test
  void startsARealServer() {
    var db = PostgresServer.newDatabase("smoke");
    String version = JdbcClient.create(db.dataSource()).sql("select version()").query(String.class).single();
    System.out.println(version);
    assertThat(version).startsWith("PostgreSQL 17");
  }
}
