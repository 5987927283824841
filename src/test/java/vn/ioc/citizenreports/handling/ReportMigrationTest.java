package vn.ioc.citizenreports.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static vn.ioc.citizenreports.handling.ReportProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import vn.ioc.citizenreports.migration.MigrationRefused;
import vn.ioc.citizenreports.migration.MigrationRequest;
import vn.ioc.citizenreports.migration.MigrationResult;
import vn.ioc.citizenreports.migration.ProcessMigration;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * Running reports move from version N of {@code CitizenReportProcess} to N+1 with
 * {@link ProcessMigration}: one report waiting in each user task (and for the citizen's rating),
 * with its SLA timers pending. After the migration every report is on N+1 with the same tasks,
 * assignees, due dates, variables and timer due dates, its timers fire on the new version, and
 * every report ends there. A version that has no place for a waiting report is refused.
 */
@Deployment(resources = {
    "processes/CitizenReportProcess.bpmn", "processes/MailDelivery.bpmn",
    "dmn/ReportRouting.dmn", "dmn/SlaPolicy.dmn"})
class ReportMigrationTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-test.cfg.xml").build();

  /** Xã Phú Thuận, Phú Vang: road damage there is the Department of Transport's (sgtvt). */
  private static final String PHU_THUAN = "19869";

  private ProcessTestBeans beans;
  private ProcessMigration migration;
  private String nextVersionDeployment;

  @BeforeEach
  void wireBeans() {
    init(engine.getProcessEngine());
    beans = new ProcessTestBeans(engine.getProcessEngine());
    migration = new ProcessMigration(repositoryService(), runtimeService(), managementService());
    at("2026-03-02T09:00");
  }

  @AfterEach
  void removeNextVersion() {
    if (nextVersionDeployment != null) {
      repositoryService().deleteDeployment(nextVersionDeployment, true);
    }
    beans.reset();
  }

  @Test
  void reportsWaitingInEveryTaskMoveToTheNextVersionWithTheirTasksVariablesAndTimersThenEndThere() {
    // Given reports escalated to the People's Committee office and to the leaders ...
    ProcessInstance urged = assigned("ROAD_DAMAGE");
    ProcessInstance reprimanded = assigned("ROAD_DAMAGE");
    at("2026-03-10T00:00");
    fire(urged, TIMER_SLA_BREACHED);
    fire(reprimanded, TIMER_SLA_BREACHED);
    at("2026-03-13T00:00");
    fire(reprimanded, TIMER_REPRIMAND_DUE);
    // ... and reports waiting at every other step, assigned on Friday 13 March
    at("2026-03-13T09:00");
    ProcessInstance toVerify = submit("ROAD_DAMAGE");
    ProcessInstance atUnit = assigned("ROAD_DAMAGE");
    taskService().claim(task(TASK_HANDLE_REPORT, atUnit).getId(), "sgtvtstaff");
    ProcessInstance extension = assigned("ROAD_DAMAGE");
    complete(task(TASK_HANDLE_REPORT, extension), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", "Chờ nhựa đường", "proposedDueAt", "2026-03-25"));
    taskService().claim(task(TASK_REVIEW_EXTENSION, extension).getId(), "operator");
    ProcessInstance reroute = assigned("POLLUTION");
    complete(task(TASK_HANDLE_REPORT, reroute), withVariables("handling", "NOT_RESPONSIBLE", "returnReason", "Thuộc Sở Xây dựng"));
    ProcessInstance toReview = answered("ROAD_DAMAGE");
    ProcessInstance awaitingRating = published("ROAD_DAMAGE");
    ProcessInstance complaint = published("ROAD_DAMAGE");
    rate(complaint, "UNSATISFIED", "Chưa sửa xong");
    List<ProcessInstance> reports = List.of(urged, reprimanded, toVerify, atUnit, extension, reroute, toReview,
        awaitingRating, complaint);
    assertThat(reprimanded).isWaitingAt(TASK_HANDLE_REPORT, TASK_URGE_UNIT, TASK_REPRIMAND_UNIT);
    assertThat(complaint).isWaitingAt(TASK_REVIEW_COMPLAINT);
    Map<String, Snapshot> before = snapshots(reports);
    ProcessDefinition current = definitionOf(toVerify);

    // When the designers deploy N+1 (a task renamed) and migrate, after a dry run
    ProcessDefinition next = deployNextVersion(processXml().replace("name=\"Duyệt kết quả xử lý\"", "name=\"Duyệt kết quả\""));
    MigrationRequest request = new MigrationRequest(KEY, current.getVersion(), next.getVersion(), null, true);
    MigrationResult dryRun = migration.migrate(request);

    assertThat(dryRun.execution()).isEqualTo(MigrationResult.Execution.DRY_RUN);
    assertThat(dryRun.instances()).isEqualTo(9);
    assertThat(dryRun.instancesByActivity()).containsEntry(TASK_HANDLE_REPORT, 3L).containsEntry(TASK_URGE_UNIT, 2L)
        .containsEntry(TASK_REPRIMAND_UNIT, 1L).containsEntry(TASK_VERIFY_REPORT, 1L).containsEntry(TASK_REVIEW_EXTENSION, 1L)
        .containsEntry(TASK_REROUTE_REPORT, 1L).containsEntry(TASK_REVIEW_RESULT, 1L).containsEntry(TASK_AWAIT_RATING, 1L)
        .containsEntry(TASK_REVIEW_COMPLAINT, 1L);
    assertThat(dryRun.instructions()).contains(TIMER_SLA_BREACHED + " -> " + TIMER_SLA_BREACHED);
    assertThat(reports).allSatisfy(report -> assertThat(definitionOf(report).getId()).isEqualTo(current.getId()));

    MigrationResult done = migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(), null, false));

    // Then every report is on N+1 with what it had
    assertThat(done.execution()).isEqualTo(MigrationResult.Execution.SYNC);
    assertThat(done.instances()).isEqualTo(9);
    assertThat(reports).allSatisfy(report -> assertThat(definitionOf(report).getId()).isEqualTo(next.getId()));
    assertThat(snapshots(reports)).isEqualTo(before);
    assertThat(task(TASK_HANDLE_REPORT, atUnit).getAssignee()).isEqualTo("sgtvtstaff");
    assertThat(dueDateOf(atUnit, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-20T23:59:59"));
    assertThat(dueDateOf(reprimanded, TIMER_REPRIMAND_DUE)).as("fired: no timer left").isNull();
    assertThat(dueDateOf(urged, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-12T23:59:59"));

    // and its timers fire on N+1 at the moment they were set for
    at("2026-03-19T23:59:58");
    assertThat(jobQuery().processInstanceId(atUnit.getId()).activityId(TIMER_SLA_REMINDER).executable().count())
        .as("the reminder is not due before its time").isZero();
    at("2026-03-19T23:59:59");
    fire(atUnit, TIMER_SLA_REMINDER);
    assertThat(atUnit).hasPassed("Task_RemindUnit");
    fire(urged, TIMER_REPRIMAND_DUE);
    assertThat(task(TASK_REPRIMAND_UNIT, urged)).hasCandidateGroup(GROUP_LEADERS);
    assertThat(taskQuery().processDefinitionId(next.getId()).taskDefinitionKey(TASK_REPRIMAND_UNIT).count()).isEqualTo(2);

    // and every report ends on N+1, new tasks taking N+1's names
    complete(task(TASK_HANDLE_REPORT, atUnit), withVariables("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    assertThat(task(TASK_REVIEW_RESULT, atUnit).getName()).isEqualTo("Duyệt kết quả");
    reports.forEach(this::walkToTheEnd);
    assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionId(next.getId()).finished().count())
        .isEqualTo(reports.size());
  }

  @Test
  void manyReportsMoveInABatchThatTheJobExecutorRuns() {
    ProcessInstance atUnit = assigned("ROAD_DAMAGE");
    ProcessInstance toReview = answered("ROAD_DAMAGE");
    Map<String, Snapshot> before = snapshots(List.of(atUnit, toReview));
    ProcessDefinition current = definitionOf(atUnit);
    ProcessDefinition next = deployNextVersion(processXml());
    ProcessMigration batchAboveOne = new ProcessMigration(repositoryService(), runtimeService(), managementService(), 1);

    MigrationResult started = batchAboveOne.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(), null, false));

    assertThat(started.execution()).isEqualTo(MigrationResult.Execution.BATCH);
    assertThat(definitionOf(atUnit).getId()).as("not yet: the job executor does it").isEqualTo(current.getId());
    // what the job executor would do: the seed job creates the migration jobs, which it then runs
    Batch batch = managementService().createBatchQuery().batchId(started.batchId()).singleResult();
    execute(jobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult());
    jobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list().forEach(job -> execute(job));
    assertThat(List.of(definitionOf(atUnit).getId(), definitionOf(toReview).getId())).containsOnly(next.getId());
    assertThat(snapshots(List.of(atUnit, toReview))).isEqualTo(before);
    managementService().deleteBatch(batch.getId(), true);
  }

  @Test
  void versionWithoutAPlaceForAWaitingReportIsRefusedUntilTheDesignerMapsTheRenamedTask() {
    ProcessInstance toVerify = submit("ROAD_DAMAGE");
    ProcessInstance atUnit = assigned("ROAD_DAMAGE");
    ProcessDefinition current = definitionOf(toVerify);
    ProcessDefinition next = deployNextVersion(processXml().replace("\"Task_VerifyReport\"", "\"Task_CheckReport\""));

    for (boolean dryRun : new boolean[] {true, false}) {
      assertThatThrownBy(() -> migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(), null, dryRun)))
          .isInstanceOf(MigrationRefused.class)
          .satisfies(refused -> assertThat(((MigrationRefused) refused).problems())
              .containsExactly("1 instance(s) wait at Task_VerifyReport, which version " + next.getVersion()
                  + " does not have: keep the activity's id, or name it in renamedActivities"));
    }
    assertThat(definitionOf(toVerify).getId()).isEqualTo(current.getId());
    assertThat(definitionOf(atUnit).getId()).as("all or nothing").isEqualTo(current.getId());

    MigrationResult done = migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(),
        Map.of(TASK_VERIFY_REPORT, "Task_CheckReport"), false));

    assertThat(done.instructions()).contains("Task_VerifyReport -> Task_CheckReport");
    assertThat(toVerify).isWaitingAt("Task_CheckReport");
    assertThat(definitionOf(atUnit).getId()).isEqualTo(next.getId());
    assertThatThrownBy(() -> migration.migrate(new MigrationRequest(KEY, current.getVersion(), 99, null, true)))
        .isInstanceOf(MigrationRefused.class).hasMessage("No version 99 of process CitizenReportProcess is deployed");
  }

  @Test
  void aRenamedSlaTimerIsRefusedUntilTheDesignerMapsIt() {
    ProcessInstance atUnit = assigned("ROAD_DAMAGE");
    ProcessDefinition current = definitionOf(atUnit);
    Date dueBefore = jobQuery().processInstanceId(atUnit.getId()).activityId(TIMER_SLA_BREACHED).singleResult().getDuedate();
    ProcessDefinition next = deployNextVersion(processXml().replace("\"" + TIMER_SLA_BREACHED + "\"", "\"BoundaryEvent_DeadlinePassed\""));

    assertThatThrownBy(() -> migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(), null, false)))
        .isInstanceOf(MigrationRefused.class)
        .satisfies(refused -> assertThat(((MigrationRefused) refused).problems()).containsExactly("1 pending timer(s) or message(s) of "
            + TIMER_SLA_BREACHED + ", which version " + next.getVersion()
            + " does not have: keep the event's id, or name it in renamedActivities"));
    assertThat(definitionOf(atUnit).getId()).isEqualTo(current.getId());

    migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(),
        Map.of(TIMER_SLA_BREACHED, "BoundaryEvent_DeadlinePassed"), false));
    assertThat(jobQuery().processInstanceId(atUnit.getId()).activityId("BoundaryEvent_DeadlinePassed").singleResult()
        .getDuedate()).as("the same moment").isEqualTo(dueBefore);
  }

  @Test
  void mappingThatTheEngineCannotExecuteIsRefusedWithTheActivityNamed() {
    ProcessInstance atUnit = assigned("ROAD_DAMAGE");
    ProcessDefinition current = definitionOf(atUnit);
    ProcessDefinition next = deployNextVersion(processXml());

    // a boundary timer cannot become a user task
    assertThatThrownBy(() -> migration.migrate(new MigrationRequest(KEY, current.getVersion(), next.getVersion(),
        Map.of(TIMER_SLA_BREACHED, TASK_URGE_UNIT), true)))
        .isInstanceOf(MigrationRefused.class)
        .satisfies(refused -> assertThat(((MigrationRefused) refused).problems())
            .anySatisfy(problem -> assertThat(problem).startsWith(TIMER_SLA_BREACHED + " -> " + TASK_URGE_UNIT + ": ")));
    assertThat(definitionOf(atUnit).getId()).isEqualTo(current.getId());
  }

  // ---------------------------------------------------------------- what must survive the migration

  /** What a report must keep: its tasks (id, step, assignee, due date), its timers' due dates, its variables. */
  private record Snapshot(Map<String, String> tasks, Map<String, String> timers, Map<String, Object> variables) {}

  private Map<String, Snapshot> snapshots(List<ProcessInstance> reports) {
    Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    for (ProcessInstance report : reports) {
      Map<String, String> tasks = taskQuery().processInstanceId(report.getId()).list().stream().collect(Collectors.toMap(
          Task::getId, t -> t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + t.getDueDate()));
      Map<String, String> timers = jobQuery().processInstanceId(report.getId()).timers().list().stream().collect(Collectors.toMap(
          Job::getId, job -> activityOf(job) + " " + job.getDuedate()));
      snapshots.put(report.getBusinessKey(), new Snapshot(tasks, timers, runtimeService().getVariables(report.getId())));
    }
    assertThat(snapshots.values()).allSatisfy(snapshot -> assertThat(snapshot.tasks().size() + snapshot.timers().size()).isPositive());
    return snapshots;
  }

  private String activityOf(Job job) {
    return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
  }

  private ProcessDefinition deployNextVersion(String xml) {
    nextVersionDeployment = repositoryService().createDeployment().name("next version")
        .addString("CitizenReportProcess.bpmn", xml).deploy().getId();
    return repositoryService().createProcessDefinitionQuery().deploymentId(nextVersionDeployment).singleResult();
  }

  private static String processXml() {
    try {
      return new ClassPathResource("processes/CitizenReportProcess.bpmn").getContentAsString(StandardCharsets.UTF_8)
          .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.1\"");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ProcessDefinition definitionOf(ProcessInstance report) {
    String definitionId = runtimeService().createProcessInstanceQuery().processInstanceId(report.getId()).singleResult()
        .getProcessDefinitionId();
    return repositoryService().getProcessDefinition(definitionId);
  }

  // ---------------------------------------------------------------- steps

  private ProcessInstance submit(String category) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Ổ gà lớn giữa đường", PHU_THUAN, "12 Lê Lợi",
        16.4637, 107.5909, "APP", new Reporter("Nguyễn Văn A", "0905123456", "nguyenvana@example.vn")));
    return processInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(receipt.id()).singleResult();
  }

  private ProcessInstance assigned(String category) {
    ProcessInstance report = submit(category);
    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID"));
    return report;
  }

  private ProcessInstance answered(String category) {
    ProcessInstance report = assigned(category);
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    return report;
  }

  private ProcessInstance published(String category) {
    ProcessInstance report = answered(category);
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).isWaitingAt(TASK_AWAIT_RATING);
    return report;
  }

  private void rate(ProcessInstance report, String rating, String comment) {
    runtimeService().createMessageCorrelation(MESSAGE_REPORT_RATED).processInstanceBusinessKey(report.getBusinessKey())
        .setVariable("rating", rating).setVariable("ratingComment", comment).correlate();
  }

  /** Each open step answered the shortest way to the report's close. */
  private void walkToTheEnd(ProcessInstance report) {
    Map<String, Map<String, Object>> answers = Map.of(
        TASK_VERIFY_REPORT, withVariables("verification", "VALID"),
        TASK_HANDLE_REPORT, withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"),
        TASK_REVIEW_EXTENSION, withVariables("extensionDecision", "REJECTED", "extensionNote", "Không đủ lý do"),
        TASK_REROUTE_REPORT, withVariables("unitId", "sxd"),
        TASK_REVIEW_RESULT, withVariables("resultDecision", "ACCEPTED"),
        TASK_REVIEW_COMPLAINT, withVariables("complaintDecision", "CLOSE"),
        TASK_URGE_UNIT, withVariables("urgeNote", "Đề nghị trả lời"),
        TASK_REPRIMAND_UNIT, withVariables("reprimandNote", "Phê bình"));
    for (int step = 0; step < 20 && !isEnded(report); step++) {
      List<Task> open = taskQuery().processInstanceId(report.getId()).list();
      if (open.isEmpty()) {
        assertThat(report).isWaitingAt(TASK_AWAIT_RATING);
        rate(report, "SATISFIED", "");
      } else {
        complete(open.get(0), answers.get(open.get(0).getTaskDefinitionKey()));
      }
    }
    assertThat(report).isEnded();
  }

  private boolean isEnded(ProcessInstance report) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(report.getId()).count() == 0;
  }

  /** Fires a timer the Camunda way: it must be due at the current (moved) time, then its job runs. */
  private void fire(ProcessInstance report, String timerId) {
    Job timer = jobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult();
    assertThat(timer).as("timer %s", timerId).isNotNull();
    assertThat(jobQuery().jobId(timer.getId()).executable().count()).as("timer %s is due", timerId).isEqualTo(1);
    execute(timer);
  }

  private Date dueDateOf(ProcessInstance report, String timerId) {
    Job timer = jobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult();
    return timer == null ? null : timer.getDuedate();
  }

  private static void at(String vietnamLocalTime) {
    ClockUtil.setCurrentTime(vietnam(vietnamLocalTime));
  }

  private static Date vietnam(String localTime) {
    return Date.from(LocalDateTime.parse(localTime).atZone(SlaClock.VIETNAM).toInstant());
  }
}
