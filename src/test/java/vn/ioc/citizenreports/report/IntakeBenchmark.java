package vn.ioc.citizenreports.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.CitizenReportsApplication;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;
import vn.ioc.citizenreports.testing.Load;
import vn.ioc.citizenreports.testing.MachineCpu;

/**
 * Benchmark 1, intake: reports with one small photo posted as multipart to POST /api/reports (the
 * whole path: checked, stored with the photo, process started, receipt mail put in the outbox,
 * the IOC's verify task created), against the same model started in-process with
 * {@code startProcessInstanceByKey} as the baseline, in the same application and database,
 * alternating round by round. Prints each run with its CPU per report, the median, min and max
 * over the rounds, and on PostgreSQL the rows and statements a report costs.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec@intake [-Dbench.database=h2] [-Dbench.rounds=3]
 * [-Dbench.seconds=10] [-Dbench.clients=8]}
 * (see docs/BENCHMARKS.md).
 */
public final class IntakeBenchmark {

  private static final String PROCESS = "CitizenReportProcess";
  private static final double[] OPEN_LOOP_RATES = {50, 100, 200, 400};
  private static final int MAX_IN_FLIGHT = 64;
  /** Idle backends report their statistics within 10 s (PGSTAT_IDLE_INTERVAL). */
  private static final Duration STATISTICS_DELAY = Duration.ofSeconds(11);

  private final BenchmarkReports reports = new BenchmarkReports();
  private final Map<String, List<Double>> cpuPerReport = new HashMap<>();
  /** The benchmark's PostgreSQL server, whose processes' CPU counts (none on H2). */
  private final Optional<Long> postmaster;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ConfigurableApplicationContext app;
  private final ProcessEngine engine;
  private final URI reportsUri;

  private IntakeBenchmark(ConfigurableApplicationContext app) {
    this.app = app;
    this.engine = app.getBean(ProcessEngine.class);
    this.reportsUri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/reports");
    this.postmaster = "postgres".equals(databaseType())
        ? MachineCpu.postmasterOf(app.getBean(JdbcClient.class).sql("select pg_backend_pid()").query(Long.class).single())
        : Optional.empty();
  }

  public static void main(String[] args) throws IOException {
    String database = args.length > 0 ? args[0] : "postgres";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Duration phase = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    System.out.printf("Intake benchmark on %s: %d rounds, closed loop with %d clients, %d s per run, JVM %s %s%n",
        database, rounds, clients, phase.toSeconds(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    try (ConfigurableApplicationContext app = start(database)) {
      new IntakeBenchmark(app).run(rounds, clients, phase);
    }
    System.exit(0); // the embedded PostgreSQL server stops in its shutdown hook
  }

  private static ConfigurableApplicationContext start(String database) throws IOException {
    Path work = Files.createTempDirectory("intake-benchmark");
    List<String> properties = new ArrayList<>(List.of(
        "--server.port=0",
        "--management.server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--camunda.bpm.admin-user.password=benchmark-admin-password",
        "--citizen-reports.tracking-token-secret=benchmark-tracking-secret",
        "--citizen-reports.evidence.directory=" + work.resolve("evidence"),
        // one client address sends everything: the limiter stays in the path, with room for the load
        "--citizen-reports.rate-limit.submissions-per-hour=100000000"));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(CitizenReportsApplication.class);
    switch (database) {
      case "postgres" -> {
        PostgresServer.Database db = PostgresServer.newDatabase("intake_benchmark");
        EngineSchemaScripts.createOn(db.dataSource());
        properties.addAll(List.of("--DATABASE_URL=" + db.jdbcUrl(), "--DATABASE_USER=" + db.user(), "--DATABASE_PASSWORD="));
        builder.profiles("postgres");
      }
      case "h2" -> properties.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("h2") + ";DB_CLOSE_ON_EXIT=FALSE");
      default -> throw new IllegalArgumentException("database: postgres or h2, not " + database);
    }
    return builder.run(properties.toArray(String[]::new));
  }

  private void run(int rounds, int clients, Duration phase) {
    printDatabase();
    System.out.println("warm-up");
    Load.closedLoop(clients, phase.multipliedBy(2), this::startInProcess);
    Load.closedLoop(clients, phase.multipliedBy(2), this::submitOverHttp);
    drain();
    Map<String, List<Load.Result>> results = new LinkedHashMap<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Load.Result baseline = measure(results, round, "baseline, in-process, closed loop",
          () -> Load.closedLoop(clients, phase, this::startInProcess));
      Load.Result closed = measure(results, round, "HTTP intake, closed loop",
          () -> Load.closedLoop(clients, phase, this::submitOverHttp));
      ratios.add(closed.perSecond() / baseline.perSecond());
      for (double rate : OPEN_LOOP_RATES) {
        measure(results, round, "HTTP intake, open loop at %.0f/s".formatted(rate),
            () -> Load.openLoop(rate, phase, MAX_IN_FLIGHT, this::submitOverHttp));
      }
    }
    System.out.printf("%nSummary over %d rounds: median (min to max)%n", rounds);
    results.forEach((name, runs) -> System.out.printf("%-40s %s /s, p50 %s ms, p99 %s ms, CPU per report %s ms%n", name,
        spread(runs, Load.Result::perSecond), spread(runs, r -> r.millis(0.5)), spread(runs, r -> r.millis(0.99)),
        Load.spread(cpuPerReport.get(name), "%.1f")));
    System.out.printf("%-40s %s%n", "HTTP closed loop / baseline", Load.spread(ratios, "%.2f"));
    checkTheWholePath();
    if ("postgres".equals(databaseType())) {
      printWritesPerReport(200);
    }
  }

  /**
   * One run, then its mails sent: its CPU per report is the JVM's and PostgreSQL's time from the
   * run's start until the last of its mails left, over the reports it took in. The JVM's includes
   * the benchmark's own HTTP clients for the HTTP runs.
   */
  private Load.Result measure(Map<String, List<Load.Result>> results, int round, String name,
      java.util.function.Supplier<Load.Result> run) {
    MachineCpu.Reading before = MachineCpu.read(postmaster);
    Load.Result result = run.get();
    long backlog = engine.getManagementService().createJobQuery().executable().count();
    String load = loadAverage();
    drain();
    MachineCpu.Reading used = MachineCpu.read(postmaster).since(before);
    double perReport = 1000 * used.totalSeconds() / result.completed();
    System.out.printf("round %d  %-40s %s  jobs due after: %d  load %s  CPU per report %.1f ms (JVM %.1f, PostgreSQL %.1f)%n",
        round, name, result, backlog, load, perReport, 1000 * used.jvmSeconds() / result.completed(),
        1000 * used.postgresSeconds() / result.completed());
    results.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
    cpuPerReport.computeIfAbsent(name, n -> new ArrayList<>()).add(perReport);
    return result;
  }

  /** The machine's load average over the last minute: is something else running? */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  // ------------------------------------------------------------------ the two ways in

  /** The baseline: the model started in-process, as the operator's start form does (stores the row too). */
  private void startInProcess() {
    Map<String, Object> variables = new HashMap<>();
    Map<String, Object> report = reports.randomReport();
    report.forEach((name, value) -> {
      if (!(value instanceof Map)) {
        variables.put(name, value);
      }
    });
    variables.put("reporterName", "Nguyễn Văn A");
    variables.put("reporterEmail", "nguyenvana@example.vn");
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
  }

  private void submitOverHttp() {
    reports.submit(http, reportsUri);
  }

  // ------------------------------------------------------------------ around the runs

  /** The mails' jobs of one run are sent before the next run starts, so no run pays for another's. */
  private void drain() {
    long start = System.nanoTime();
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
        throw new IllegalStateException("the job executor did not catch up within 5 minutes");
      }
      Load.pause(Duration.ofMillis(200));
    }
  }

  private void printDatabase() {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    String version = jdbc.sql("select " + ("postgres".equals(databaseType()) ? "version()" : "H2VERSION()"))
        .query(String.class).single();
    System.out.printf("database: %s (%s); history level %s%n", databaseType(), version,
        engine.getProcessEngineConfiguration().getHistory());
    if ("postgres".equals(databaseType())) {
      for (String setting : List.of("shared_buffers", "synchronous_commit", "fsync", "max_connections", "work_mem")) {
        System.out.printf("  %s = %s%n", setting, jdbc.sql("show " + setting).query(String.class).single());
      }
    }
  }

  /**
   * What one report costs the database, whatever else the machine does: rows inserted, updated and
   * deleted per table and transactions, from PostgreSQL's statistics, over reports sent one by one
   * and their receipt mails sent.
   */
  private void printWritesPerReport(int reports) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    String tableWrites = "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables";
    String commits = "select xact_commit from pg_stat_database where datname = current_database()";
    jdbc.sql("create extension if not exists pg_stat_statements").update();
    Load.pause(STATISTICS_DELAY);
    Map<String, long[]> before = writesByTable(jdbc, tableWrites);
    long commitsBefore = jdbc.sql(commits).query(Long.class).single();
    jdbc.sql("select pg_stat_statements_reset(0, oid, 0) from pg_database where datname = current_database()").query().singleRow();
    for (int i = 0; i < reports; i++) {
      submitOverHttp();
    }
    drain();
    Load.pause(STATISTICS_DELAY);
    Map<String, long[]> after = writesByTable(jdbc, tableWrites);
    long transactions = jdbc.sql(commits).query(Long.class).single() - commitsBefore;
    System.out.printf("%nRows written per report over HTTP (%d reports, their receipt mails sent):%n", reports);
    long total = 0;
    for (Map.Entry<String, long[]> table : after.entrySet()) {
      long[] was = before.getOrDefault(table.getKey(), new long[3]);
      long[] now = table.getValue();
      long ins = now[0] - was[0];
      long upd = now[1] - was[1];
      long del = now[2] - was[2];
      if (ins + upd + del > 0) {
        System.out.printf("  %-28s insert %5.2f  update %5.2f  delete %5.2f%n", table.getKey(),
            (double) ins / reports, (double) upd / reports, (double) del / reports);
        total += ins + upd + del;
      }
    }
    System.out.printf("  %-28s %.1f rows, %.1f transactions (the benchmark's own queries included)%n", "in all",
        (double) total / reports, (double) transactions / reports);
    printStatementsPerReport(jdbc, reports);
  }

  /**
   * The statements behind those rows, by kind, from pg_stat_statements: a multi-row INSERT is one
   * statement (reWriteBatchedInserts), a row at a time one per row.
   */
  private static void printStatementsPerReport(JdbcClient jdbc, int reports) {
    String thisDatabase = "dbid = (select oid from pg_database where datname = current_database())";
    System.out.printf("Statements per report (calls, and the rows they wrote or read):%n");
    jdbc.sql("select upper(substring(ltrim(query) from '^[A-Za-z]+')) as kind, sum(calls) as calls, sum(rows) as rows"
            + " from pg_stat_statements where " + thisDatabase + " group by 1 order by 2 desc")
        .query((rs, row) -> {
          System.out.printf("  %-28s %6.2f statements  %6.2f rows%n", rs.getString("kind"),
              rs.getDouble("calls") / reports, rs.getDouble("rows") / reports);
          return row;
        })
        .list();
    System.out.printf("The statements, most frequent first:%n");
    jdbc.sql("select calls, rows, regexp_replace(query, '\\s+', ' ', 'g') as query from pg_stat_statements where "
            + thisDatabase + " order by calls desc limit 40")
        .query((rs, row) -> {
          String query = rs.getString("query");
          System.out.printf("  %6.2f  %6.2f rows  %s%n", rs.getDouble("calls") / reports, rs.getDouble("rows") / reports,
              query.length() > 160 ? query.substring(0, 160) + "…" : query);
          return row;
        })
        .list();
  }

  private static Map<String, long[]> writesByTable(JdbcClient jdbc, String query) {
    Map<String, long[]> writes = new java.util.TreeMap<>();
    jdbc.sql(query).query((rs, row) -> writes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
        .list();
    return writes;
  }

  private String databaseType() {
    return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDatabaseType();
  }

  /** Every report went the whole way: a row, a process, a verify task, a receipt mail. */
  private void checkTheWholePath() {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    long rows = jdbc.sql("select count(*) from report").query(Long.class).single();
    long processes = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    long verifyTasks = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_VerifyReport").count();
    long mails = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("MailDelivery")
        .completed().count();
    long photos = jdbc.sql("select count(*) from evidence").query(Long.class).single();
    System.out.printf("%nWhole path: %d report rows, %d report processes, %d verify tasks, %d receipt mails sent, "
        + "%d photos stored%n", rows, processes, verifyTasks, mails, photos);
    if (rows != processes || processes != verifyTasks || verifyTasks != mails) {
      throw new IllegalStateException("some reports did not go the whole way");
    }
    // the duplicate search of a report like the last: by the 100 m box (V10) or all the category's 30 days (before)
    Map<String, Object> last = jdbc.sql("select category, latitude, longitude from report order by submitted_at desc limit 1")
        .query().singleRow();
    long inCategory = jdbc.sql("select count(*) from report where category = :category and latitude is not null")
        .param("category", last.get("category")).query(Long.class).single();
    long inBox = jdbc.sql("select count(*) from report where category = :category and latitude between :lat - 0.0009 and :lat + 0.0009"
            + " and longitude between :lon - 0.001 and :lon + 0.001")
        .params(Map.of("category", last.get("category"), "lat", last.get("latitude"), "lon", last.get("longitude")))
        .query(Long.class).single();
    System.out.printf("Duplicate search for the last report: %d rows in its 100 m box, %d in its category (the run's, all within 30 days)%n",
        inBox, inCategory);
  }

  private static String spread(List<Load.Result> runs, ToDoubleFunction<Load.Result> figure) {
    return Load.spread(runs.stream().map(figure::applyAsDouble).toList(), "%.1f");
  }
}
