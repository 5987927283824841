package vn.ioc.citizenreports.cluster;

import static vn.ioc.citizenreports.handling.ReportProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.InstanceCopies;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * Timer storm: {@code reports} reports waiting at Task_HandleReport whose SLA falls due at the same
 * moment, on the real application (one or two nodes, JVMs of their own, postgres profile) and
 * PostgreSQL 17. Each iteration starts on a new database: one report is submitted and verified
 * over HTTP, its rows (runtime, report row and full history) are copied {@code reports} times with
 * fresh ids (InstanceCopies), and so are those of one instance of a trivial process that waits on
 * a timer and ends. The baseline fires the trivial timers first and times them; the benchmark
 * then fires every SLA timer at once (one UPDATE of their due dates, as ClusterTest does) and
 * waits until every report has its urge task for the People's Committee office, then checks from
 * the database that none has two and none was missed. The urge mail is not in the storm: the model
 * sends it once the office has written its urge (Task_UrgeUnit, a person's step).
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench=TimerStorm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(1)
// JMH stops an iteration after 10 minutes by default; a slow storm is a figure, not a failure
@Timeout(time = 60, timeUnit = TimeUnit.MINUTES)
public class TimerStormBenchmark {

  /**
   * The job executor as application-postgres.yaml and Camunda's defaults had it before this
   * benchmark (3 to 10 threads, a queue of 3, 3 jobs per acquisition, idle polls up to 60 s apart),
   * and as application-postgres.yaml now ships it (tuned for a storm).
   */
  private static final String JOB_EXECUTION = "camunda.bpm.job-execution.";
  private static final Map<String, Map<String, String>> JOB_EXECUTORS = Map.of(
      "before", Map.of(JOB_EXECUTION + "core-pool-size", "3", JOB_EXECUTION + "max-pool-size", "10",
          JOB_EXECUTION + "queue-capacity", "3", JOB_EXECUTION + "max-jobs-per-acquisition", "3",
          JOB_EXECUTION + "max-wait", "60000"),
      "shipped", Map.of());

  private static final String BASELINE_KEY = "TimerStormBaseline";
  private static final String BASELINE_TIMER = "TimerEvent_Due";
  private static final String BASELINE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="https://ioc.hue.gov.vn/bench">
        <process id="TimerStormBaseline" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="StartEvent_Started" />
          <sequenceFlow id="Flow_ToTimer" sourceRef="StartEvent_Started" targetRef="TimerEvent_Due" />
          <intermediateCatchEvent id="TimerEvent_Due">
            <timerEventDefinition><timeDate>2099-01-01T00:00:00</timeDate></timerEventDefinition>
          </intermediateCatchEvent>
          <sequenceFlow id="Flow_ToEnd" sourceRef="TimerEvent_Due" targetRef="EndEvent_Done" />
          <endEvent id="EndEvent_Done" />
        </process>
      </definitions>""";
  /** Xã Phú Thuận, Phú Vang: road damage there is the Department of Transport's (sgtvt). */
  private static final String PHU_THUAN = "19869";
  private static final int JOB_FAILED = 1;
  private static final int JOB_SUCCESSFUL = 2;

  @Param({"100000"})
  public int reports;

  @Param({"1"})
  public int nodes;

  @Param({"before", "shipped"})
  public String jobExecutor;

  /** false: the driver sends one INSERT per row, as before Intake's step 2 (docs/BENCHMARKS.md). */
  @Param({"true"})
  public boolean multiRowInserts;

  private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private final List<Double> baselineSeconds = new ArrayList<>();
  private final List<Double> stormSeconds = new ArrayList<>();
  private final List<ClusterNode> running = new ArrayList<>();
  private PostgresServer.Database database;
  private JdbcClient jdbc;
  /** The report whose rows were copied: its own SLA timer stays as it was. */
  private String templateReport;

  @Setup(Level.Trial)
  public void startMailServer() {
    smtp.start();
  }

  @Setup(Level.Iteration)
  public void copyReportsAndRunTheBaseline() throws IOException {
    database = PostgresServer.newDatabase("timer_storm");
    EngineSchemaScripts.createOn(database.dataSource());
    jdbc = JdbcClient.create(database.dataSource());
    Path evidence = Files.createTempDirectory("storm-evidence");
    for (int i = 0; i < nodes; i++) {
      running.add(ClusterNode.start("node-" + (char) ('a' + i), database, smtp.getSmtp().getPort(), evidence,
          Path.of("target", "bench"), nodeSettings()));
    }
    ClusterNode node = running.get(0);
    node.deploy(BASELINE_KEY + ".bpmn", BASELINE_BPMN, "demo");
    String baseline = node.post("/engine-rest/process-definition/key/" + BASELINE_KEY + "/start", Map.of(), "demo")
        .path("id").asText();
    String reportId = node.post("/api/reports", Map.of(
        "category", "ROAD_DAMAGE", "description", "Ổ gà trên tỉnh lộ 10A", "wardCode", PHU_THUAN, "channel", "WEB",
        "reporter", Map.of("name", "Nguyễn Văn A", "email", "citizen@example.vn")), null).path("id").asText();
    node.completeTask(reportId, TASK_VERIFY_REPORT, "operator", Map.of("verification", "VALID"));
    String report = jdbc.sql("SELECT proc_inst_id_ FROM act_ru_task WHERE task_def_key_ = ?")
        .param(TASK_HANDLE_REPORT).query(String.class).single();

    Instant copying = Instant.now();
    long rows = InstanceCopies.of(database.dataSource(), baseline, true).insert(1, reports)
        + InstanceCopies.of(database.dataSource(), report, true)
            .replace(reportId, "'PA-BENCH-' || lpad(n::text, 8, '0')")
            .insert(1, reports);
    jdbc.sql("ANALYZE").update();
    System.out.printf("%ntimer storm: %d rows copied for %d reports and %d baseline instances in %d s%n",
        rows, reports, reports, Duration.between(copying, Instant.now()).toSeconds());

    Instant fired = Instant.now();
    int due = makeDueNow(BASELINE_TIMER, baseline);
    await(Duration.ofMinutes(30), () -> pendingJobs(BASELINE_TIMER) == 0);
    baselineSeconds.add(seconds(fired));
    System.out.printf("timer storm: baseline, %d trivial timers in %.1f s (%.0f jobs/s)%n",
        due, seconds(fired), due / seconds(fired));
    templateReport = report;
  }

  @Benchmark
  public long slaTimersDueAtOnce() {
    Instant started = Instant.now();
    int due = makeDueNow(TIMER_SLA_BREACHED, templateReport);
    await(Duration.ofMinutes(60), () -> urgeTasks() >= due && pendingJobs(TIMER_SLA_BREACHED) == 0);
    stormSeconds.add(seconds(started));
    return due;
  }

  @TearDown(Level.Iteration)
  public void checkAndDropTheDatabase() {
    long urgeTasks = urgeTasks();
    long urged = jdbc.sql("SELECT COUNT(DISTINCT proc_inst_id_) FROM act_ru_task WHERE task_def_key_ = ?")
        .param(TASK_URGE_UNIT).query(Long.class).single();
    long urgedRows = jdbc.sql("SELECT COUNT(*) FROM report WHERE id LIKE 'PA-BENCH-%' AND escalation_level = 1")
        .query(Long.class).single();
    Map<String, Long> byNode = jdbc.sql("""
        SELECT hostname_, COUNT(*) AS n FROM act_hi_job_log WHERE act_id_ = ? AND job_state_ = ? GROUP BY hostname_""")
        .param(TIMER_SLA_BREACHED).param(JOB_SUCCESSFUL)
        .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    long failedAttempts = jdbc.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE act_id_ = ? AND job_state_ = ?")
        .param(TIMER_SLA_BREACHED).param(JOB_FAILED).query(Long.class).single();
    double seconds = stormSeconds.get(stormSeconds.size() - 1);
    System.out.printf("timer storm: %d SLA timers in %.1f s (%.0f jobs/s), executed by %s, failed attempts %d; "
            + "urge tasks %d for %d reports (duplicates %d, missed %d); report rows urged %d%n",
        reports, seconds, reports / seconds, byNode, failedAttempts, urgeTasks, urged, urgeTasks - urged,
        reports - urged, urgedRows);
    if (urgeTasks != urged || urged != reports || urgedRows != reports) {
      throw new IllegalStateException("the storm duplicated or missed escalations; see the line above");
    }
    running.forEach(ClusterNode::close);
    running.clear();
    dropDatabase();
  }

  @TearDown(Level.Trial)
  public void summary() {
    smtp.stop();
    double baseline = median(baselineSeconds);
    double storm = median(stormSeconds);
    System.out.printf("%ntimer storm summary (%d reports, %d node(s), job executor %s, multi-row inserts %s, %d runs):%n"
            + "  baseline, trivial timers: median %.1f s (min %.1f, max %.1f), %.0f jobs/s%n"
            + "  SLA escalations:          median %.1f s (min %.1f, max %.1f), %.0f jobs/s%n"
            + "  ratio escalations/baseline time: %.2f%n",
        reports, nodes, jobExecutor, multiRowInserts, stormSeconds.size(),
        baseline, Collections.min(baselineSeconds), Collections.max(baselineSeconds), reports / baseline,
        storm, Collections.min(stormSeconds), Collections.max(stormSeconds), reports / storm, storm / baseline);
  }

  private Map<String, String> nodeSettings() {
    Map<String, String> settings = new HashMap<>(JOB_EXECUTORS.get(jobExecutor));
    settings.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", Boolean.toString(multiRowInserts));
    return settings;
  }

  /** Every pending job of that timer but the template's falls due now, in one statement. */
  private int makeDueNow(String timerId, String templateInstance) {
    return jdbc.sql("""
        UPDATE act_ru_job SET duedate_ = ?
        WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = ?) AND process_instance_id_ <> ?""")
        .param(Timestamp.from(Instant.now().minusSeconds(1))).param(timerId).param(templateInstance).update();
  }

  private long pendingJobs(String timerId) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM act_ru_job
        WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = ?) AND duedate_ < now()""")
        .param(timerId).query(Long.class).single();
  }

  private long urgeTasks() {
    return jdbc.sql("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = ?").param(TASK_URGE_UNIT)
        .query(Long.class).single();
  }

  private void dropDatabase() {
    JdbcClient.create(PostgresServer.administration()).sql("DROP DATABASE " + database.name() + " WITH (FORCE)").update();
  }

  private static void await(Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("not done within " + timeout);
      }
      ClusterNode.pause(Duration.ofMillis(500));
    }
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
