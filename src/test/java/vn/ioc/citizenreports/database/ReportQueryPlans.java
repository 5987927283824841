package vn.ioc.citizenreports.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ioc.citizenreports.stats.EndedReports;

/**
 * The plans PostgreSQL makes for our queries on the report table, on a database of its own with
 * the migrations the application runs on PostgreSQL and four years of reports: a query for one
 * year reads a part of the table, as it does in a city that has run the service for years.
 */
public final class ReportQueryPlans implements AutoCloseable {

  private final SingleConnectionDataSource connection;
  private final JdbcClient jdbc;

  private ReportQueryPlans(SingleConnectionDataSource connection) {
    this.connection = connection;
    this.jdbc = JdbcClient.create(connection);
  }

  /**
   * {@code reportsPerYear} reports in each year from 2022 to 2025, those of 2025's last ten days
   * still running and unanswered (the rest ended), vacuumed as autovacuum leaves a table that stopped
   * changing, and of the report table's indexes only {@code indexes} and the primary key.
   */
  public static ReportQueryPlans withReportsOf2022To2025(int reportsPerYear, String... indexes) {
    PostgresServer.Database database = PostgresServer.newDatabase("report_query_plans");
    DataSource dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).table("citizen_reports_schema_history")
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
    JdbcClient setup = JdbcClient.create(dataSource);
    EndedReports.insert(setup, "PA-PLAN-", 4 * reportsPerYear, "2022-01-01", 4 * 365 + 1);
    setup.sql("""
        UPDATE report SET answered_at = NULL, published_at = NULL, sla_outcome = NULL, handling_seconds = NULL,
                          rating = NULL, closed_at = NULL
        WHERE submitted_at >= TIMESTAMP WITH TIME ZONE '2025-12-22 00:00:00+07'""").update();
    // with so few rows another index on the period (report_verified_submitted, all null here) costs
    // as little; what is checked is whether the index under test has every column a query needs
    List<String> kept = new ArrayList<>(List.of(indexes));
    kept.add("report_pkey");
    setup.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'report' AND indexname NOT IN (:kept)")
        .param("kept", kept).query(String.class).list()
        .forEach(other -> setup.sql("DROP INDEX " + other).update());
    setup.sql("VACUUM ANALYZE report").update();
    SingleConnectionDataSource connection = new SingleConnectionDataSource(database.jdbcUrl(), database.user(), "", true);
    // index scans are the one kind left
    JdbcClient.create(connection).sql("SET enable_seqscan = off").update();
    JdbcClient.create(connection).sql("SET enable_bitmapscan = off").update();
    return new ReportQueryPlans(connection);
  }

  /** The plan of {@code sql}, one line per node; instants in {@code params} are bound as timestamps. */
  public String plan(String sql, Map<String, Object> params) {
    JdbcClient.StatementSpec explain = jdbc.sql("EXPLAIN (COSTS OFF) " + sql);
    for (Map.Entry<String, Object> param : params.entrySet()) {
      explain = explain.param(param.getKey(),
          param.getValue() instanceof Instant instant ? Timestamp.from(instant) : param.getValue());
    }
    return explain.query(String.class).list().stream().collect(Collectors.joining("\n"));
  }

  /**
   * As {@link #plan}, with {@code hidden} indexes dropped for the moment of the plan (in a
   * transaction that is rolled back): the plan a query gets where another index would not pay.
   */
  public String planWithout(String hidden, String sql, Map<String, Object> params) {
    jdbc.sql("BEGIN").update();
    try {
      jdbc.sql("DROP INDEX " + hidden).update();
      return plan(sql, params);
    } finally {
      jdbc.sql("ROLLBACK").update();
    }
  }

  @Override
  public void close() {
    connection.destroy();
  }
}
