package vn.ioc.citizenreports.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ioc.citizenreports.handling.ReportProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;

/**
 * The application killed (SIGKILL) while citizens submit reports and the IOC verifies them, then
 * started again on the same database: no acknowledged report lost, nothing half-stored, no task
 * or mail duplicated, every timer still pending.
 */
class CrashRecoveryTest {

  private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 100;
  private static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static ClusterNode restarted;

  @AfterAll
  static void stop() {
    if (restarted != null) {
      restarted.close();
    }
    smtp.stop();
  }

  @Test
  void killedInTheMiddleOfWorkAndRestartedNothingIsLostOrDuplicated() throws Exception {
    PostgresServer.Database shared = PostgresServer.newDatabase("crash");
    EngineSchemaScripts.createOn(shared.dataSource());
    JdbcClient database = JdbcClient.create(shared.dataSource());
    smtp.start();
    Path evidence = Files.createTempDirectory("crash-evidence");
    ClusterNode node = ClusterNode.start("crash-before", shared, smtp.getSmtp().getPort(), evidence, Path.of("target", "cluster"));

    // citizens submit and the IOC verifies, four at a time, until the node dies under them
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> verified = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int client = 0; client < 4; client++) {
      clients.submit(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          int i = sent.incrementAndGet();
          String reportId = node.post("/api/reports", Map.of(
              "category", "ROAD_DAMAGE", "description", "Ổ gà số " + i, "wardCode", "19869", "channel", "WEB",
              "reporter", Map.of("name", "Nguyễn Văn A", "email", "citizen" + i + "@example.vn")), null).path("id").asText();
          acknowledged.add(reportId);
          node.completeTask(reportId, TASK_VERIFY_REPORT, "operator", Map.of("verification", "VALID"));
          verified.add(reportId);
        }
        return null;
      });
    }
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL) {
      ClusterNode.pause(java.time.Duration.ofMillis(20));
    }
    node.kill();
    clients.shutdownNow();
    clients.awaitTermination(30, TimeUnit.SECONDS);

    restarted = ClusterNode.start("crash-after", shared, smtp.getSmtp().getPort(), evidence, Path.of("target", "cluster"));

    Set<String> stored = Set.copyOf(database.sql("select id from report").query(String.class).list());
    Map<String, Long> processesPerReport = perReport(database, """
        select business_key_, count(*) from act_ru_execution
        where parent_id_ is null and proc_def_key_ = 'CitizenReportProcess' group by business_key_""");
    Map<String, Long> openStepsPerReport = perReport(database, """
        select e.business_key_, count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
        where t.task_def_key_ in ('Task_VerifyReport', 'Task_HandleReport') group by e.business_key_""");
    Map<String, Long> timersPerReport = perReport(database, """
        select e.business_key_, count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
        join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.act_id_ in ('BoundaryEvent_SlaReminder', 'BoundaryEvent_SlaBreached', 'BoundaryEvent_ReprimandDue')
        group by e.business_key_""");
    Map<String, Long> receiptMailsPerReport = perReport(database, """
        select p.business_key_, count(*) from act_hi_procinst p join act_hi_varinst v on v.proc_inst_id_ = p.id_
        where p.proc_def_key_ = 'MailDelivery' and v.name_ = 'notification' and v.text_ = 'REPORT_RECEIVED'
        group by p.business_key_""");
    Set<String> atTheirUnit = Set.copyOf(database.sql("""
        select e.business_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
        where t.task_def_key_ = 'Task_HandleReport'""").query(String.class).list());

    long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
    long halfStored = stored.stream().filter(id -> processesPerReport.getOrDefault(id, 0L) != 1).count()
        + processesPerReport.keySet().stream().filter(id -> !stored.contains(id)).count();
    long duplicatedTasks = openStepsPerReport.values().stream().filter(n -> n > 1).count();
    long duplicatedMails = receiptMailsPerReport.values().stream().filter(n -> n > 1).count();
    long missingTimers = atTheirUnit.stream().filter(id -> timersPerReport.getOrDefault(id, 0L) != 3).count();
    System.out.printf("crash: acknowledged %d (of %d sent), stored %d, verified %d, at their unit %d; lost %d, "
            + "half-stored %d, duplicated tasks %d, duplicated receipt mails %d, handle tasks without their 3 timers %d%n",
        acknowledged.size(), sent.get(), stored.size(), verified.size(), atTheirUnit.size(), lost, halfStored,
        duplicatedTasks, duplicatedMails, missingTimers);

    assertThat(lost).isZero();
    assertThat(halfStored).isZero();
    assertThat(stored).allSatisfy(id -> assertThat(openStepsPerReport.get(id)).as(id).isEqualTo(1));
    assertThat(atTheirUnit).containsAll(verified);
    assertThat(stored).allSatisfy(id -> assertThat(receiptMailsPerReport.get(id)).as("receipt of %s", id).isEqualTo(1));
    assertThat(missingTimers).isZero();
    assertThat(restarted.health().path("status").asText()).isEqualTo("UP");
  }

  private static Map<String, Long> perReport(JdbcClient database, String sql) {
    List<Map.Entry<String, Long>> rows = database.sql(sql)
        .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list();
    return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
