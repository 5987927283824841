package vn.ioc.citizenreports.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static vn.ioc.citizenreports.handling.ReportProcess.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.audit.AuditCase;
import vn.ioc.citizenreports.audit.AuditCaseQuery;
import vn.ioc.citizenreports.audit.CaseFilter;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.stats.Scorecard;
import vn.ioc.citizenreports.stats.ScorecardQuery;
import vn.ioc.citizenreports.stats.UnitScore;

/**
 * The scorecard for a known set of reports, each walked through the real process: on time, on
 * time to the second, late with an extension, late and reprimanded, overdue, ineligible, in
 * progress and awaiting verification, with each kind of rating. Every number is checked. Runs on
 * each database we support: see the subclasses.
 */
@Deployment(resources = {
    "processes/CitizenReportProcess.bpmn", "processes/MailDelivery.bpmn",
    "dmn/ReportRouting.dmn", "dmn/SlaPolicy.dmn"})
abstract class ScorecardScenarios {

  /** Xã Phú Thuận, Phú Vang: road damage there goes to the Department of Transport (sgtvt). */
  private static final String PHU_THUAN = "19869";
  /** Phường Phú Hội, Huế: waste there goes to HEPCO. */
  private static final String PHU_HOI = "19754";

  abstract ProcessEngine processEngine();

  private ProcessTestBeans beans;

  @BeforeEach
  void wireBeans() {
    init(processEngine());
    beans = new ProcessTestBeans(processEngine());
  }

  @AfterEach
  void resetBeans() {
    beans.reset();
  }

  @Test
  void everyFigureOfTheCityAndOfEachUnit() {
    at("2026-03-02T09:00");
    ProcessInstance onTime = assigned("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance onTheSecond = assigned("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance extended = assigned("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance lateAndReprimanded = assigned("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance overdue = assigned("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance ineligible = submitted("ROAD_DAMAGE", PHU_THUAN);
    complete(task(TASK_VERIFY_REPORT, ineligible), withVariables("verification", "INVALID", "rejectionReason", "SPAM"));

    at("2026-03-04T10:00"); // 49 h after assignment
    answerAndAccept(onTime);
    rate(onTime, "SATISFIED");

    at("2026-03-05T10:00");
    complete(task(TASK_HANDLE_REPORT, extended), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", "Chờ vật tư", "proposedDueAt", "2026-03-13"));
    complete(task(TASK_REVIEW_EXTENSION, extended), withVariables("extensionDecision", "APPROVED"));

    at("2026-03-09T23:59:59"); // the deadline itself: still on time
    answerAndAccept(onTheSecond);
    rate(onTheSecond, "UNSATISFIED");

    at("2026-03-10T00:00");
    fire(lateAndReprimanded, TIMER_SLA_BREACHED);
    fire(overdue, TIMER_SLA_BREACHED);

    at("2026-03-12T10:00"); // 241 h, within the extension
    answerAndAccept(extended);

    at("2026-03-13T00:00");
    fire(lateAndReprimanded, TIMER_REPRIMAND_DUE);
    at("2026-03-13T10:00"); // 265 h, late
    answerAndAccept(lateAndReprimanded);
    at("2026-03-12T09:00");
    ProcessInstance inProgress = assigned("WASTE", PHU_HOI);
    at("2026-03-13T09:00");
    submitted("WASTE", PHU_HOI);

    at("2026-03-21T10:00"); // the rating window of the late answer closes without a verdict
    fire(lateAndReprimanded, TIMER_RATING_WINDOW_CLOSED);
    assertThat(lateAndReprimanded).isEnded();
    assertThat(overdue).isWaitingAt(TASK_HANDLE_REPORT, TASK_URGE_UNIT);

    Scorecard march = scorecards().scorecard(vietnam("2026-03-01T00:00"), vietnam("2026-04-01T00:00"),
        vietnam("2026-03-14T12:00"), null);

    assertThat(march.city()).isEqualTo(new UnitScore(null,
        8, 4, 57.1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 184.5, 257.8, 1));
    assertThat(march.units()).containsExactly(
        new UnitScore("hepco", 1, 0, 0.0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, null, null, 0),
        new UnitScore("sgtvt", 5, 4, 80.0, 2, 1, 1, 0, 1, 0, 0, 1, 1, 1, 184.5, 257.8, 1));
    // on 20 March the HEPCO report is overdue too
    assertThat(scorecards().scorecard(vietnam("2026-03-01T00:00"), vietnam("2026-04-01T00:00"),
        vietnam("2026-03-20T12:00"), "hepco").units()).singleElement()
        .satisfies(hepco -> assertThat(hepco.inProgressOverdue()).isEqualTo(1));
    assertThat(inProgress).isWaitingAt(TASK_HANDLE_REPORT);

    // the leaders' audit lists over the same rows: running cases first, each group by deadline
    AuditCaseQuery cases = new AuditCaseQuery(jdbc());
    Instant midMarch = vietnam("2026-03-14T12:00");
    assertThat(cases.page(marchCases("OVERDUE", null), midMarch, 0, 50)).extracting(AuditCase::reportId).containsExactly(
        overdue.getBusinessKey(), extended.getBusinessKey(), lateAndReprimanded.getBusinessKey());
    // one case a page, across the border between the running and the ended ones: none missed, none twice
    assertThat(IntStream.range(0, 4).boxed()
        .flatMap(first -> cases.page(marchCases("OVERDUE", null), midMarch, first, 1).stream()).map(AuditCase::reportId))
        .containsExactly(overdue.getBusinessKey(), extended.getBusinessKey(), lateAndReprimanded.getBusinessKey());
    assertThat(cases.page(marchCases("OVERDUE", null), midMarch, Integer.MAX_VALUE - 10, 500)).as("far past the end").isEmpty();
    assertThat(cases.count(marchCases("OVERDUE", null), midMarch, 50)).isEqualTo(3);
    assertThat(cases.count(marchCases("OVERDUE", null), midMarch, 2)).as("counting stops at its limit").isEqualTo(2);
    assertThat(cases.page(marchCases("OVERDUE", "2"), midMarch, 0, 50)).extracting(AuditCase::reportId)
        .containsExactly(lateAndReprimanded.getBusinessKey());
    assertThat(cases.page(marchCases("EXTENDED", null), midMarch, 0, 50)).singleElement()
        .satisfies(auditCase -> assertThat(auditCase.reportId()).isEqualTo(extended.getBusinessKey()))
        .satisfies(auditCase -> assertThat(auditCase.outcome()).isEqualTo("LATE_WITH_EXTENSION"))
        .satisfies(auditCase -> assertThat(auditCase.processInstanceId()).isEqualTo(extended.getId()));
    // a period that holds none of them
    assertThat(scorecards().scorecard(vietnam("2026-02-01T00:00"), vietnam("2026-03-01T00:00"),
        vietnam("2026-03-14T12:00"), null).city().received()).isZero();
  }

  @Test
  void aReopenedReportIsInProgressAgainUntilItsNewAnswerIsPublished() {
    at("2026-03-02T09:00");
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-04T10:00");
    answerAndAccept(report);
    rate(report, "UNSATISFIED");
    assertThat(march("2026-03-04T12:00").city()).satisfies(city -> {
      assertThat(city.processed()).isEqualTo(1);
      assertThat(city.unsatisfied()).isEqualTo(1);
    });

    at("2026-03-05T09:00");
    complete(task(TASK_REVIEW_COMPLAINT, report), withVariables("complaintDecision", "REOPEN", "complaintNote", "Làm lại"));
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT);
    UnitScore reopened = march("2026-03-05T12:00").city();
    assertThat(reopened.processed()).isZero();
    assertThat(reopened.onTime()).isZero();
    assertThat(reopened.unsatisfied()).as("the verdict was on the first answer").isZero();
    assertThat(reopened.inProgressOnTime()).isEqualTo(1);

    at("2026-03-06T10:00");
    answerAndAccept(report);
    UnitScore republished = march("2026-03-06T12:00").city();
    assertThat(republished.processed()).isEqualTo(1);
    assertThat(republished.onTime()).isEqualTo(1);
    assertThat(republished.inProgressOnTime()).isZero();
  }

  @Test
  void anAnswerTheIocReturnedIsNotProcessed() {
    at("2026-03-02T09:00");
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-04T10:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "RETURNED", "reviewNote", "Chưa đạt"));

    UnitScore returned = march("2026-03-04T12:00").city();
    assertThat(returned.processed()).isZero();
    assertThat(returned.inProgressOnTime()).isEqualTo(1);
    assertThat(returned.averageHandlingHours()).as("no accepted answer yet").isNull();
  }

  private Scorecard march(String atVietnamTime) {
    return scorecards().scorecard(vietnam("2026-03-01T00:00"), vietnam("2026-04-01T00:00"), vietnam(atVietnamTime), null);
  }

  // ---------------------------------------------------------------- steps

  private ScorecardQuery scorecards() {
    return new ScorecardQuery(jdbc());
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(((ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration()).getDataSource());
  }

  private static CaseFilter marchCases(String kind, String escalationLevel) {
    return CaseFilter.of(kind, "2026-03-01", "2026-03-31", null, null, null, escalationLevel, null, null);
  }

  private ProcessInstance submitted(String category, String ward) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Phản ánh", ward, "12 Lê Lợi",
        null, null, "APP", new Reporter("Nguyễn Văn A", null, null)));
    return processInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(receipt.id()).singleResult();
  }

  private ProcessInstance assigned(String category, String ward) {
    ProcessInstance report = submitted(category, ward);
    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID"));
    return report;
  }

  private void answerAndAccept(ProcessInstance report) {
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
  }

  private void rate(ProcessInstance report, String rating) {
    runtimeService().createMessageCorrelation(MESSAGE_REPORT_RATED).processInstanceBusinessKey(report.getBusinessKey())
        .setVariable("rating", rating).setVariable("ratingComment", "").correlate();
  }

  private void fire(ProcessInstance report, String timerId) {
    Job timer = jobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult();
    assertThat(jobQuery().jobId(timer.getId()).executable().count()).as("timer %s is due", timerId).isEqualTo(1);
    execute(timer);
  }

  private static void at(String vietnamLocalTime) {
    ClockUtil.setCurrentTime(Date.from(vietnam(vietnamLocalTime)));
  }

  private static Instant vietnam(String localTime) {
    return LocalDateTime.parse(localTime).atZone(SlaClock.VIETNAM).toInstant();
  }
}
