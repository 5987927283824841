package vn.ioc.citizenreports.audit;

import static vn.ioc.citizenreports.handling.ReportProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.cluster.ClusterNode;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.InstanceCopies;
import vn.ioc.citizenreports.database.PostgresServer;
import vn.ioc.citizenreports.stats.EndedReports;
import vn.ioc.citizenreports.stats.Scorecard;
import vn.ioc.citizenreports.stats.ScorecardQuery;
import vn.ioc.citizenreports.system.UnitQueueAuthorization;

/**
 * A unit's Tasklist queue, the leaders' overdue list and the yearly scorecard with {@code running}
 * reports in progress and {@code ended} ended ones (a tenth of both, then all), on PostgreSQL 17. The running reports are one
 * real report (submitted and verified over HTTP on the application, then waiting at
 * Task_HandleReport) copied with its runtime rows (executions, task, candidate group, the task's
 * grant, variables, timers) and report row (InstanceCopies), without engine history; a fifth of
 * them go to the Department of Transport (sgtvt: a worst case, one unit holding a fifth of the
 * country's open reports), one in 170 to the Department of Construction (sxd: a big unit of one
 * province, a fifth of its province's share when 34 provinces share them), one in a thousand to
 * the Department of Tourism (sdl, a small one), the rest across 224 others; they were submitted over
 * the last ten days, so about three in ten are past their deadline. The ended ones are report rows
 * only (EndedReports), no engine history, spread from 2016 to {@link #AT}. The queries run in this
 * JVM: the queue through an engine on the same database with authorization on and the
 * application's UnitQueueAuthorization, as the filter
 * "Việc của đơn vị tôi" (a page of 15 and its count, what Tasklist asks), the overdue list through
 * the plugin's query (a page of 50 and its count, which stops at 10,001), for all units, for
 * the province's big unit, for the ended cases alone and for last year, and the scorecard for 2025. Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench=QueuesAtScale}; p95 is JMH's p0.95 line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
// one JVM for all the queries: generating the database takes long, and each fork would start its own server
@Fork(0)
public class QueuesAtScaleBenchmark {

  /** "Now" for every query: ten days after the running reports began to arrive. */
  static final Instant AT = Instant.parse("2026-06-15T05:00:00Z");
  private static final String BIG_UNIT = "sgtvt";
  private static final String SMALL_UNIT = "sdl";
  /** A big unit of one province: 34 provinces share the running reports, and one unit takes a fifth of its province's. */
  private static final String PROVINCE_BIG_UNIT = "sxd";
  private static final String SUBMITTED = "timestamptz '2026-06-15 12:00+07' - (n % 10) * interval '1 day'"
      + " - (n % 86400) * interval '1 second'";
  private static final String DUE = "(" + SUBMITTED + ") + interval '7 days'";

  /**
   * Running and ended reports: the target. A tenth ({@code -p reports=100000/1000000}) is a run of
   * its own: JMH runs every method for each value in turn, and each change of value generates the
   * database again (37 minutes at the target).
   */
  @Param({"1000000/10000000"})
  public String reports;

  private int running;
  private int ended;

  /** The database of the previous benchmark method of this run, when it has the same size. */
  private static QueuesAtScaleBenchmark generated;

  private PostgresServer.Database database;
  /** The audit's queries' connections, kept open as the application's pool keeps them. */
  private HikariDataSource pool;
  private ProcessEngine engine;
  private String myUnitFilter;
  private AuditCaseQuery cases;
  private ScorecardQuery scorecards;
  private final CaseFilter overdue2026 = CaseFilter.of("OVERDUE", "2026-01-01", "2027-01-01", null, null, null, null, null, null);
  private final CaseFilter overdue2026OfOneUnit = CaseFilter.of("OVERDUE", "2026-01-01", "2027-01-01", PROVINCE_BIG_UNIT,
      null, null, null, null, null);
  private final CaseFilter endedOverdue2026 = CaseFilter.of("OVERDUE", "2026-01-01", "2027-01-01", null, null, null, null,
      null, "ENDED");
  private final CaseFilter overdue2025 = CaseFilter.of("OVERDUE", "2025-01-01", "2026-01-01", null, null, null, null, null,
      null);
  private final Instant from2025 = Instant.parse("2024-12-31T17:00:00Z");
  private final Instant to2025 = Instant.parse("2025-12-31T17:00:00Z");

  @Setup
  public void fillTheDatabase() throws IOException {
    running = Integer.parseInt(reports.split("/")[0]);
    ended = Integer.parseInt(reports.split("/")[1]);
    if (generated != null && generated.reports.equals(reports)) {
      database = generated.database;
      pool = generated.pool;
      engine = generated.engine;
      myUnitFilter = generated.myUnitFilter;
      cases = generated.cases;
      scorecards = generated.scorecards;
      return;
    }
    if (generated != null) {
      generated.dropTheDatabase();
    }
    generated = this;
    database = PostgresServer.newDatabase("queues_at_scale");
    EngineSchemaScripts.createOn(database.dataSource());
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    String template = reportWaitingForItsUnit(jdbc);

    Instant generating = Instant.now();
    EndedReports.insert(jdbc, "PA-E", ended, "2016-01-01", 3818);
    long rows = InstanceCopies.of(database.dataSource(), template, false)
        .replace(jdbc.sql("SELECT business_key_ FROM act_ru_execution WHERE id_ = ?").param(template).query(String.class).single(),
            "'PA-R' || lpad(n::text, 9, '0')")
        .replace(BIG_UNIT, "CASE WHEN n % 5 = 0 THEN '" + BIG_UNIT + "' WHEN n % 1000 = 1 THEN '" + SMALL_UNIT
            + "' WHEN n % 170 = 3 THEN '" + PROVINCE_BIG_UNIT + "' ELSE 'unit' || (n % 224) END")
        .column("act_ru_task", "create_time_", SUBMITTED)
        .column("act_ru_task", "due_date_", DUE)
        .column("report", "submitted_at", SUBMITTED)
        .column("report", "assigned_at", SUBMITTED)
        .column("report", "due_at", DUE)
        .insert(1, running);
    jdbc.sql("VACUUM ANALYZE").update();
    System.out.printf("%nqueues at scale: %d ended report rows and %d running reports (%d rows) in %d s; open tasks %s; %s;"
        + " report's indexes %s%n", ended, running, rows, Duration.between(generating, Instant.now()).toSeconds(),
        openTasks(jdbc), settings(jdbc), reportIndexSizes(jdbc));

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(database.jdbcUrl()).setJdbcUsername(database.user()).setJdbcPassword("")
        .setDatabaseSchemaUpdate("false").setJobExecutorActivate(false).setAuthorizationEnabled(true)
        .setHistory("full");
    configuration.getProcessEnginePlugins().add(new UnitQueueAuthorization()); // as the application's engine
    engine = configuration.buildProcessEngine();
    myUnitFilter = engine.getFilterService().createFilterQuery().filterName("Việc của đơn vị tôi").singleResult().getId();
    pool = database.pool();
    cases = new AuditCaseQuery(JdbcClient.create(pool));
    scorecards = new ScorecardQuery(JdbcClient.create(pool));
  }

  /** The application on the new database, long enough for one report to reach its unit. */
  private String reportWaitingForItsUnit(JdbcClient jdbc) throws IOException {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (ClusterNode node = ClusterNode.start("queues", database, smtp.getSmtp().getPort(),
        Files.createTempDirectory("queues-evidence"), Path.of("target", "bench"), Map.of())) {
      String reportId = node.post("/api/reports", Map.of(
          "category", "ROAD_DAMAGE", "description", "Ổ gà trên tỉnh lộ 10A", "wardCode", "19869", "channel", "WEB",
          "reporter", Map.of("name", "Nguyễn Văn A", "email", "citizen@example.vn")), null).path("id").asText();
      node.completeTask(reportId, TASK_VERIFY_REPORT, "operator", Map.of("verification", "VALID"));
      return jdbc.sql("SELECT proc_inst_id_ FROM act_ru_task WHERE task_def_key_ = ?").param(TASK_HANDLE_REPORT)
          .query(String.class).single();
    } finally {
      smtp.stop();
    }
  }

  private static String openTasks(JdbcClient jdbc) {
    return jdbc.sql("""
        SELECT string_agg(group_id_ || '=' || n, ', ' ORDER BY group_id_) FROM (
          SELECT group_id_, COUNT(*) AS n FROM act_ru_identitylink WHERE type_ = 'candidate' AND group_id_ IN (?, ?, ?)
          GROUP BY group_id_) counted""").param(BIG_UNIT).param(PROVINCE_BIG_UNIT).param(SMALL_UNIT).query(String.class).single();
  }

  private static String settings(JdbcClient jdbc) {
    return jdbc.sql("""
        SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
        WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather',
                       'random_page_cost', 'synchronous_commit', 'max_wal_size')""").query(String.class).single();
  }

  private static String reportIndexSizes(JdbcClient jdbc) {
    return jdbc.sql("""
        SELECT string_agg(indexrelname || '=' || pg_size_pretty(pg_relation_size(indexrelid)), ', ' ORDER BY indexrelname)
        FROM pg_stat_user_indexes WHERE relname = 'report'""").query(String.class).single();
  }

  private void dropTheDatabase() {
    engine.close();
    pool.close();
    JdbcClient.create(PostgresServer.administration()).sql("DROP DATABASE " + database.name() + " WITH (FORCE)").update();
  }

  @Benchmark
  public long bigUnitQueue() {
    return queue("sgtvtstaff", BIG_UNIT);
  }

  @Benchmark
  public long provinceBigUnitQueue() {
    return queue("sxdstaff", PROVINCE_BIG_UNIT);
  }

  @Benchmark
  public long smallUnitQueue() {
    return queue("sdlstaff", SMALL_UNIT);
  }

  /** Baseline: the engine's plain task query for the big unit's group, no grants checked, no order, no count. */
  @Benchmark
  public List<Task> bigUnitPlainTaskQuery() {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(BIG_UNIT).listPage(0, 15);
  }

  @Benchmark
  public long overdueList() {
    return overdueList(overdue2026);
  }

  /** A leader's look at one unit: the same list, for the province's big unit. */
  @Benchmark
  public long overdueListOfOneUnit() {
    return overdueList(overdue2026OfOneUnit);
  }

  /**
   * The same list with the plugin's filter "ended": no running case comes first, so its page is the
   * year's ended overdue cases by deadline, as every page past the running ones is.
   */
  @Benchmark
  public long overdueListOfEndedCases() {
    return overdueList(endedOverdue2026);
  }

  /** Last year's list, as leaders look back: every running report is of this year, so none comes first. */
  @Benchmark
  public long overdueListOfLastYear() {
    return overdueList(overdue2025);
  }

  /** What the plugin asks for a list: its count (up to where it stops counting) and its first page. */
  private long overdueList(CaseFilter filter) {
    return cases.count(filter, AT, AuditCaseQuery.COUNTED_AT_MOST + 1) + cases.page(filter, AT, 0, 50).size();
  }

  @Benchmark
  public Scorecard scorecardFor2025() {
    return scorecards.scorecard(from2025, to2025, AT, null);
  }

  /** What Tasklist asks when a unit's staff opens the filter: its first page and its count. */
  private long queue(String user, String unit) {
    engine.getIdentityService().setAuthentication(user, List.of(unit));
    try {
      return engine.getFilterService().count(myUnitFilter) + engine.getFilterService().listPage(myUnitFilter, 0, 15).size();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
