package vn.ioc.citizenreports.stats;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.database.PostgresServer;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * The scorecard over {@code reports} ended reports on PostgreSQL 17 (the embedded server of the
 * tests, default settings), spread over 2025 across 226 units, with outcomes and ratings close to
 * Huế's published figures. Measures the whole year for the city and every unit, and one unit's
 * year. Run: {@code mvn -Pbench test-compile exec:exec -Dbench=Scorecard}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ScorecardBenchmark {

  @Param({"1000000"})
  public int reports;

  /** The scorecard's connections, kept open as the application's pool keeps them. */
  private HikariDataSource pool;
  private ScorecardQuery scorecards;
  private final Instant from = LocalDate.parse("2025-01-01").atStartOfDay(SlaClock.VIETNAM).toInstant();
  private final Instant to = LocalDate.parse("2026-01-01").atStartOfDay(SlaClock.VIETNAM).toInstant();
  private final Instant at = LocalDate.parse("2026-01-15").atStartOfDay(SlaClock.VIETNAM).toInstant();

  @Setup
  public void fillTheDatabase() {
    PostgresServer.Database database = PostgresServer.newDatabase("scorecard_benchmark");
    DataSource dataSource = database.dataSource();
    // the application's migrations on PostgreSQL, the audit's indexes (db/vendor/postgresql) included
    Flyway.configure().dataSource(dataSource).table("citizen_reports_schema_history")
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    EndedReports.insert(jdbc, "PA-2025-", reports, "2025-01-01", 365);
    jdbc.sql("VACUUM ANALYZE report").update(); // as autovacuum leaves a table that stopped changing
    pool = database.pool();
    scorecards = new ScorecardQuery(JdbcClient.create(pool));
  }

  @TearDown
  public void closeThePool() {
    pool.close();
  }

  @Benchmark
  public Scorecard cityAndEveryUnitForAYear() {
    return scorecards.scorecard(from, to, at, null);
  }

  @Benchmark
  public Scorecard oneUnitForAYear() {
    return scorecards.scorecard(from, to, at, "unit42");
  }
}
