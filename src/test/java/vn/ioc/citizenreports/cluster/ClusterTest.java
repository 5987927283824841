package vn.ioc.citizenreports.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ioc.citizenreports.handling.ReportProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * Two application nodes, each a JVM with its job executor on, on one PostgreSQL database: Camunda
 * 7's clustering model. The work moves between nodes through the database alone; jobs run
 * exactly once; a node killed in the middle of its jobs loses none of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

  static final Duration LOCK_TIME = Duration.ofSeconds(10);
  private static final int REPORTS = 500;
  /** Xã Phú Thuận, Phú Vang: road damage there is the Department of Transport's (sgtvt). */
  private static final String PHU_THUAN = "19869";
  private static final int JOB_SUCCESSFUL = 2;

  private static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static JdbcClient database;
  private static ClusterNode nodeA;
  private static ClusterNode nodeB;
  private static List<String> overdueReports;

  @BeforeAll
  static void startTwoNodesOnOneDatabase() throws Exception {
    PostgresServer.Database shared = PostgresServer.newDatabase("cluster");
    EngineSchemaScripts.createOn(shared.dataSource());
    database = JdbcClient.create(shared.dataSource());
    smtp.start();
    Path evidence = Files.createTempDirectory("cluster-evidence");
    Path logs = Path.of("target", "cluster");
    // one after the other, as a rolling start does; then both run side by side
    // node A's locks expire fast, so that node B takes its jobs soon after A is killed; B keeps
    // the default, so that A never takes a job B is still running
    nodeA = ClusterNode.start("node-a", shared, smtp.getSmtp().getPort(), evidence, logs, LOCK_TIME);
    nodeB = ClusterNode.start("node-b", shared, smtp.getSmtp().getPort(), evidence, logs);
  }

  @AfterAll
  static void stopNodes() {
    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    smtp.stop();
  }

  @Test
  @Order(1)
  void reportStartedOnOneNodeIsVerifiedAndHandledFromTheOther() {
    String reportId = submit(nodeA, 0);

    nodeB.completeTask(reportId, TASK_VERIFY_REPORT, "operator", Map.of("verification", "VALID"));
    nodeB.completeTask(reportId, TASK_HANDLE_REPORT, "sgtvtstaff",
        Map.of("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    nodeA.completeTask(reportId, TASK_REVIEW_RESULT, "operator", Map.of("resultDecision", "ACCEPTED"));

    assertThat(nodeB.get("/engine-rest/task?processInstanceBusinessKey=" + reportId, "operator")).isEmpty();
    assertThat(database.sql("""
        select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_
        where p.business_key_ = ? and a.act_id_ = 'Task_AwaitRating' and a.end_time_ is null""")
        .param(reportId).query(Long.class).single()).as("published, waiting for the citizen's rating").isEqualTo(1);
  }

  @Test
  @Order(2)
  void fiveHundredSlaTimersDueAtOnceRunExactlyOnceAcrossBothNodes() throws Exception {
    overdueReports = inParallel(IntStream.range(0, REPORTS).boxed().toList(), i -> {
      ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
      String reportId = submit(node, i);
      node.completeTask(reportId, TASK_VERIFY_REPORT, "operator", Map.of("verification", "VALID"));
      return reportId;
    });

    int due = makeDueNow(TIMER_SLA_BREACHED);
    awaitNoJobsLeft(TIMER_SLA_BREACHED, Duration.ofMinutes(2));

    Map<String, Long> urgeTasksPerReport = countPerReport("""
        select p.business_key_ as report, count(*) as n from act_ru_task t
        join act_ru_execution p on p.id_ = t.proc_inst_id_
        where t.task_def_key_ = 'Task_UrgeUnit' group by p.business_key_""");
    Map<String, Long> executedBy = executionsByNode(TIMER_SLA_BREACHED);

    // the pcoffice urges each unit from either node; the urge mails go out through the job executors
    inParallel(overdueReports, reportId -> {
      (reportId.hashCode() % 2 == 0 ? nodeA : nodeB).completeTask(reportId, TASK_URGE_UNIT, "pcoffice1",
          Map.of("urgeNote", "Đề nghị trả lời ngay"));
      return reportId;
    });
    Map<String, Long> urgeMailsPerReport = awaitMails("Đôn đốc", REPORTS, Duration.ofMinutes(2));

    long duplicates = duplicates(urgeTasksPerReport) + duplicates(urgeMailsPerReport);
    long lost = missing(urgeTasksPerReport) + missing(urgeMailsPerReport);
    System.out.printf("cluster: SLA timers due %d, executed %d (node-a %d, node-b %d), urge tasks %d, urge mails %d, "
            + "duplicates %d, lost %d%n", due, executedBy.values().stream().mapToLong(Long::longValue).sum(),
        executedBy.getOrDefault("node-a", 0L), executedBy.getOrDefault("node-b", 0L),
        total(urgeTasksPerReport), total(urgeMailsPerReport), duplicates, lost);

    assertThat(due).isEqualTo(REPORTS);
    assertThat(executedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(REPORTS);
    assertThat(urgeTasksPerReport).hasSize(REPORTS).allSatisfy((report, n) -> assertThat(n).isEqualTo(1));
    assertThat(urgeMailsPerReport).hasSize(REPORTS).allSatisfy((report, n) -> assertThat(n).isEqualTo(1));
    assertThat(duplicates).isZero();
    assertThat(lost).isZero();
  }

  @Test
  @Order(3)
  void jobsOfAKilledNodeAreFinishedByTheOtherOnceTheirLocksExpire() {
    assertThat(overdueReports).as("runs after the timer test, on its reports").hasSize(REPORTS);
    String lockOwnerA = nodeA.lockOwner();
    assertThat(lockOwnerA).isNotBlank();
    int due = makeDueNow(TIMER_SLA_REMINDER);

    // kill node A while it holds jobs: executed ones are committed, locked ones must not be lost
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      long lockedByA = database.sql("select count(*) from act_ru_job where lock_owner_ = ?").param(lockOwnerA).query(Long.class).single();
      if (lockedByA > 0 && executionsByNode(TIMER_SLA_REMINDER).getOrDefault("node-a", 0L) > 0) {
        break;
      }
      ClusterNode.pause(Duration.ofMillis(10));
    }
    nodeA.kill();
    Instant killedAt = Instant.now();
    Map<String, Instant> heldByA = database.sql("select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ?")
        .param(lockOwnerA).query((row, n) -> Map.entry(row.getString(1), row.getTimestamp(2).toInstant())).list()
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    System.out.printf("cluster: node-a killed holding %d locked jobs%n", heldByA.size());
    assertThat(heldByA).as("node A was killed while it held jobs").isNotEmpty();

    awaitNoJobsLeft(TIMER_SLA_REMINDER, LOCK_TIME.plus(Duration.ofMinutes(2)));
    awaitNoJobsIn(List.copyOf(heldByA.keySet()), LOCK_TIME.plus(Duration.ofMinutes(2)));
    Duration recovered = Duration.between(killedAt, Instant.now());

    Map<String, Long> executedBy = executionsByNode(TIMER_SLA_REMINDER);
    Map<String, Long> remindersPerReport = countPerReport("""
        select p.business_key_ as report, count(*) as n from act_hi_actinst a
        join act_hi_procinst p on p.id_ = a.proc_inst_id_
        where a.act_id_ = 'Gateway_ReminderSent' group by p.business_key_""");
    // when node B ran each job node A held, and whether that was after A's lock ran out
    Map<String, Instant> finishedByB = database.sql("""
        select job_id_, timestamp_ from act_hi_job_log
        where job_state_ = :successful and hostname_ = 'node-b' and job_id_ in (:ids)""")
        .param("successful", JOB_SUCCESSFUL).param("ids", heldByA.keySet())
        .query((row, n) -> Map.entry(row.getString(1), row.getTimestamp(2).toInstant())).list()
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    long takenBeforeLockExpired = finishedByB.entrySet().stream()
        .filter(done -> done.getValue().isBefore(heldByA.get(done.getKey()))).count();
    Map<String, Long> reminderMailsPerReport = awaitMails("Sắp đến hạn", REPORTS, Duration.ofMinutes(2));
    System.out.printf("cluster: reminder timers due %d, executed %d (node-a %d before the kill, node-b %d), "
            + "held by node-a %d and finished by node-b %d after their locks expired (%d s after the kill), "
            + "duplicates %d, lost %d; reminder mails %d (duplicates %d, lost %d)%n",
        due, total(executedBy), executedBy.getOrDefault("node-a", 0L), executedBy.getOrDefault("node-b", 0L),
        heldByA.size(), finishedByB.size() - takenBeforeLockExpired, recovered.toSeconds(),
        duplicates(remindersPerReport), missing(remindersPerReport),
        total(reminderMailsPerReport), duplicates(reminderMailsPerReport), missing(reminderMailsPerReport));

    assertThat(finishedByB.keySet()).as("node B ran every job node A held").isEqualTo(heldByA.keySet());
    assertThat(takenBeforeLockExpired).as("node B waited for node A's locks to expire").isZero();
    assertThat(total(executedBy)).isEqualTo(due);
    assertThat(remindersPerReport).hasSize(REPORTS).allSatisfy((report, n) -> assertThat(n).isEqualTo(1));
    // SMTP has no transactions: a mail node A sent just before it died is sent again by node B
    assertThat(missing(reminderMailsPerReport)).isZero();
    assertThat(nodeB.health().path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
  }

  // ------------------------------------------------------------------ steps

  private static String submit(ClusterNode node, int i) {
    return node.post("/api/reports", Map.of(
        "category", "ROAD_DAMAGE", "description", "Ổ gà số " + i + " trên tỉnh lộ 10A", "wardCode", PHU_THUAN,
        "latitude", 16.40 + (i % 50) * 0.003, "longitude", 107.55 + (i / 50) * 0.003, "channel", "WEB",
        "reporter", Map.of("name", "Nguyễn Văn A", "email", "citizen" + i + "@example.vn")), null).path("id").asText();
  }

  /** Moves every pending timer of that boundary event to now, in one statement: all due at once. */
  private static int makeDueNow(String timerId) {
    return database.sql("""
        update act_ru_job set duedate_ = ? where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""")
        .param(Timestamp.from(Instant.now().minusSeconds(1))).param(timerId).update();
  }

  private static void awaitNoJobsLeft(String timerId, Duration timeout) {
    await(timeout, "no " + timerId + " job left", () -> database.sql("""
        select count(*) from act_ru_job where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""")
        .param(timerId).query(Long.class).single() == 0);
  }

  private static void awaitNoJobsIn(List<String> jobIds, Duration timeout) {
    if (!jobIds.isEmpty()) {
      await(timeout, "the killed node's jobs done", () -> database.sql("select count(*) from act_ru_job where id_ in (:ids)")
          .param("ids", jobIds).query(Long.class).single() == 0);
    }
  }

  /** Successful executions of that timer's jobs, by the node that ran them (the job log's hostname). */
  private static Map<String, Long> executionsByNode(String timerId) {
    return countPerReport("""
        select hostname_ as report, count(*) as n from act_hi_job_log
        where act_id_ = '%s' and job_state_ = %d group by hostname_""".formatted(timerId, JOB_SUCCESSFUL));
  }

  private static Map<String, Long> countPerReport(String sql) {
    return database.sql(sql).query((row, n) -> Map.entry(row.getString("report"), row.getLong("n"))).list().stream()
        .filter(entry -> overdueReports == null || overdueReports.contains(entry.getKey()) || !entry.getKey().startsWith("PA-"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Urge (or other) mails received so far, per report id in the subject, once there are enough. */
  private static Map<String, Long> awaitMails(String subjectWord, int expected, Duration timeout) {
    Pattern subject = Pattern.compile("^\\[Phản ánh (PA-[0-9-]+)] " + subjectWord);
    Function<MimeMessage, String> reportOf = message -> {
      try {
        Matcher matcher = subject.matcher(message.getSubject());
        return matcher.find() ? matcher.group(1) : null;
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    };
    await(timeout, expected + " mails '" + subjectWord + "'", () ->
        Arrays.stream(smtp.getReceivedMessages()).map(reportOf).filter(id -> id != null).count() >= expected);
    // every mail job done, none failed and waiting for a retry: no duplicate can come later
    await(timeout, "no mail job left", () -> database.sql("select count(*) from act_ru_job where process_def_key_ = 'MailDelivery'")
        .query(Long.class).single() == 0);
    return Arrays.stream(smtp.getReceivedMessages()).map(reportOf).filter(id -> id != null)
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
  }

  private static long duplicates(Map<String, Long> perReport) {
    return perReport.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
  }

  private static long missing(Map<String, Long> perReport) {
    Set<String> seen = perReport.keySet();
    return overdueReports.stream().filter(id -> !seen.contains(id)).count();
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static <T> List<String> inParallel(List<T> items, Function<T, String> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (T item : items) {
        results.add(pool.submit(() -> work.apply(item)));
      }
      List<String> done = new ArrayList<>();
      for (Future<String> result : results) {
        done.add(result.get());
      }
      return Collections.unmodifiableList(done);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      ClusterNode.pause(Duration.ofMillis(200));
    }
  }
}
