package vn.ioc.citizenreports.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static vn.ioc.citizenreports.handling.ReportProcess.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.operations.OperationsReader;
import vn.ioc.citizenreports.operations.OperationsSnapshot;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * One scenario per path through {@code CitizenReportProcess}. Time is moved with ClockUtil and
 * timers are fired as the jobs they are, once they are due. The scenarios run on each database we
 * support: see the subclasses.
 */
@Deployment(resources = {
    "processes/CitizenReportProcess.bpmn", "processes/MailDelivery.bpmn",
    "dmn/ReportRouting.dmn", "dmn/SlaPolicy.dmn"})
abstract class CitizenReportScenarios {

  /** The engine the scenarios run on, with the process test coverage of the subclass. */
  static ProcessEngineCoverageExtension coverageOn(String engineConfiguration) {
    return ProcessEngineCoverageExtension.builder(engineConfiguration)
        .assertClassCoverageAtLeast(0.9)
        .excludeProcessDefinitionKeys(MailDeliveryProcess.KEY)
        .build();
  }

  abstract ProcessEngine processEngine();

  private static final String CITIZEN_MAIL = "nguyenvana@example.vn";
  /** Xã Phú Thuận, Phú Vang: road damage there is the Department of Transport's (sgtvt). */
  private static final String PHU_THUAN = "19869";

  private ProcessTestBeans beans;

  @BeforeEach
  void wireBeans() {
    init(processEngine());
    beans = new ProcessTestBeans(processEngine());
    // Monday 2 March 2026, 09:00 in Huế
    at("2026-03-02T09:00");
  }

  @AfterEach
  void resetBeans() {
    beans.reset();
  }

  // ---------------------------------------------------------------- the happy path

  @Test
  void validReportIsRoutedAnsweredOnTimePublishedAndRatedSatisfied() {
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    assertThat(report).isWaitingAt(TASK_VERIFY_REPORT);
    assertThat(task(TASK_VERIFY_REPORT, report)).hasCandidateGroup(GROUP_IOC);
    assertThat(mail(report, "REPORT_RECEIVED")).containsEntry("mailTo", CITIZEN_MAIL);
    String trackingLink = "https://phananh.hue.gov.vn/r/" + report.getBusinessKey() + "?token=" + beans.tokens.tokenFor(report.getBusinessKey());
    assertThat((String) mail(report, "REPORT_RECEIVED").get("mailBody")).contains(trackingLink);

    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID"));

    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("routedUnitId", "sgtvt")
        .containsEntry("unitId", "sgtvt")
        .containsEntry("dueAtText", "23:59 ngày 09/03/2026")
        .containsEntry("overdue", false)
        .containsEntry("escalationLevel", 0);
    Task handle = task(TASK_HANDLE_REPORT, report);
    assertThat(handle).hasCandidateGroup("sgtvt").hasDueDate(vietnam("2026-03-09T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_REMINDER)).isEqualTo(vietnam("2026-03-08T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-09T23:59:59"));
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-12T23:59:59"));
    assertThat(mail(report, "UNIT_ASSIGNED")).containsEntry("mailTo", "sgtvt@thuathienhue.gov.vn");
    assertThat((String) mail(report, "UNIT_ASSIGNED").get("mailSubject")).contains(report.getBusinessKey(), "23:59 ngày 09/03/2026");

    at("2026-03-04T15:30");
    complete(handle, withVariables("handling", "RESOLVED", "resultText", "Đã vá ổ gà ngày 04/03."));
    assertThat(report).isWaitingAt(TASK_REVIEW_RESULT);
    assertThat(task(TASK_REVIEW_RESULT, report)).hasCandidateGroup(GROUP_IOC);

    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).isWaitingAt(TASK_AWAIT_RATING).variables()
        .containsEntry("slaOutcome", "ON_TIME")
        .containsEntry("answeredAt", vietnam("2026-03-04T15:30"));
    assertThat((String) mail(report, "RESULT_PUBLISHED").get("mailBody"))
        .as("the result, and the link to rate it").contains("Đã vá ổ gà ngày 04/03.", trackingLink);

    rate(report, "SATISFIED", "Cảm ơn!");
    assertThat(report).isEnded().hasPassed("Gateway_ReportClosing", "EndEvent_ReportClosed").hasNotPassed(TASK_REVIEW_COMPLAINT);
    assertThat(historicVariable(report, "rating")).isEqualTo("SATISFIED");
    assertThat(historicVariable(report, "closedAt")).isNotNull();
  }

  @Test
  void operatorTypingInAHotlineReportThroughTheStartFormGetsAReportIdAndAStoredReport() {
    ProcessInstance report = runtimeService().startProcessInstanceByKey(KEY, withVariables(
        "channel", "HOTLINE", "category", "WASTE", "wardCode", PHU_THUAN,
        "description", "Rác tồn đọng ở chợ Đông Ba", "address", "Chợ Đông Ba", "reporterPhone", "0905000111"));

    assertThat(report.getBusinessKey()).matches("PA-2026-\\d{6}");
    assertThat(report).isWaitingAt(TASK_VERIFY_REPORT).variables().containsEntry("reportId", report.getBusinessKey());
    assertThat(beans.reports.find(report.getBusinessKey())).hasValueSatisfying(stored ->
        assertThat(stored.description()).isEqualTo("Rác tồn đọng ở chợ Đông Ba"));
    assertThat(mails(report)).as("no e-mail address, no receipt").isEmpty();
  }

  @Test
  void startFormWithAnUnknownCategoryIsRefusedAndNothingIsStored() {
    long before = beans.reports.count();

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, withVariables(
        "channel", "HOTLINE", "category", "NO_SUCH_THING", "wardCode", PHU_THUAN, "description", "x")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("category");
    assertThat(beans.reports.count()).isEqualTo(before);
  }

  @Test
  void unitAssignedBeforeTetHasFiveWorkingDaysCountedAroundTheHolidays() {
    // Thursday 12 February 2026; Tết holidays Monday 16 to Friday 20 February
    at("2026-02-12T10:00");
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    assertThat(task(TASK_HANDLE_REPORT, report)).hasDueDate(vietnam("2026-02-26T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-02-26T23:59:59"));
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-03T23:59:59"));
  }

  @Test
  void waterOutageHasThreeCalendarDaysHolidaysOrNot() {
    at("2026-02-12T10:00");
    ProcessInstance report = assigned("WATER_SUPPLY", PHU_THUAN);

    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("huewaco").hasDueDate(vietnam("2026-02-15T23:59:59"));
  }

  // ---------------------------------------------------------------- verification

  @Test
  void operatorSeesRecentReportsOfTheSameKindCloseByAsPossibleDuplicates() {
    at("2026-01-30T09:00");                                                      // 31 days before
    String tooOld = submitAt("WASTE", 16.46370, 107.59090).getBusinessKey();
    at("2026-03-01T09:00");
    String close = submitAt("WASTE", 16.46400, 107.59090).getBusinessKey();      // 33 m north
    String otherKind = submitAt("TREES", 16.46370, 107.59090).getBusinessKey();
    String farther = submitAt("WASTE", 16.46800, 107.59090).getBusinessKey();    // 478 m north
    at("2026-03-02T09:00");

    ProcessInstance report = submitAt("WASTE", 16.46370, 107.59090);

    String hints = (String) runtimeService().getVariable(report.getId(), "duplicateHints");
    assertThat(hints).contains(close + " (33 m, gửi 09:00 ngày 01/03/2026)").doesNotContain(tooOld, otherKind, farther);
  }

  @Test
  void reportWithCoordinatesOnlyGetsItsWardFromTheOperator() {
    ProcessInstance report = submitAt("WASTE", 16.46370, 107.59090);
    assertThat(report).variables().containsEntry("wardCode", null).containsEntry("districtCode", null);

    assertThatThrownBy(() -> complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'wardCode': is required");
    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID", "wardCode", "19754"));

    assertThat(report).variables().containsEntry("districtCode", "474");
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("hepco");
  }

  private ProcessInstance submitAt(String category, double latitude, double longitude) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Rác", null, null, latitude, longitude, "APP",
        Reporter.ANONYMOUS));
    return processInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(receipt.id()).singleResult();
  }

  @Test
  void invalidReportEndsAfterTellingTheCitizenWhy() {
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "INVALID", "rejectionReason", "SPAM"));

    assertThat(report).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_ReportRejected");
    assertThat(mail(report, "REPORT_REJECTED")).containsEntry("mailTo", CITIZEN_MAIL);
    assertThat((String) mail(report, "REPORT_REJECTED").get("mailBody")).contains("Tin rác, quảng cáo");
  }

  @Test
  void invalidWithoutAReasonIsRefused() {
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    assertThatThrownBy(() -> complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "INVALID")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("rejectionReason");
    assertThatThrownBy(() -> complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "MAYBE")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("VALID, INVALID, DUPLICATE");
    assertThat(report).isWaitingAt(TASK_VERIFY_REPORT);
  }

  @Test
  void duplicateReportEndsAndPointsTheCitizenToTheOriginal() {
    ProcessInstance original = submit("ROAD_DAMAGE", PHU_THUAN);
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "DUPLICATE", "duplicateOf", original.getBusinessKey()));

    assertThat(report).isEnded().hasPassed("EndEvent_ReportRejected");
    assertThat((String) mail(report, "REPORT_REJECTED").get("mailBody")).contains(original.getBusinessKey());
    assertThat(original).isWaitingAt(TASK_VERIFY_REPORT);
  }

  @Test
  void duplicateOfAReportThatDoesNotExistIsRefused() {
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    assertThatThrownBy(() -> complete(task(TASK_VERIFY_REPORT, report),
        withVariables("verification", "DUPLICATE", "duplicateOf", "PA-2026-999999")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("no report PA-2026-999999");
    assertThat(report).isWaitingAt(TASK_VERIFY_REPORT);
  }

  @Test
  void operatorMayCorrectTheCategoryAndChooseTheUnitHerself() {
    ProcessInstance report = submit("ROAD_DAMAGE", PHU_THUAN);

    complete(task(TASK_VERIFY_REPORT, report), withVariables(
        "verification", "VALID", "category", "TREES", "priority", "URGENT", "unitOverride", "ubndxphuthuan"));

    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("routedUnitId", "ubndphuvang")
        .containsEntry("unitId", "ubndxphuthuan");
    // urgent: one day
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("ubndxphuthuan").hasDueDate(vietnam("2026-03-03T23:59:59"));
  }

  // ---------------------------------------------------------------- the unit's answer

  @Test
  void unitThatIsNotResponsibleHandsBackAndTheNewUnitGetsItsOwnFullTime() {
    ProcessInstance report = assigned("POLLUTION", PHU_THUAN);
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("stnmt");

    at("2026-03-05T10:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "NOT_RESPONSIBLE", "returnReason", "Tiếng ồn công trình: thuộc Sở Xây dựng"));
    assertThat(report).isWaitingAt(TASK_REROUTE_REPORT);
    assertThat(task(TASK_REROUTE_REPORT, report)).hasCandidateGroup(GROUP_IOC);
    assertThatThrownBy(() -> complete(task(TASK_REROUTE_REPORT, report), withVariables("unitId", "stnmt")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("choose another unit");

    complete(task(TASK_REROUTE_REPORT, report), withVariables("unitId", "sxd"));

    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables().containsEntry("declinedUnitId", "stnmt");
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("sxd").hasDueDate(vietnam("2026-03-12T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-12T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_REMINDER)).isEqualTo(vietnam("2026-03-11T23:59:59"));
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-17T23:59:59"));
    assertThat(mails(report, "UNIT_ASSIGNED")).extracting(m -> m.get("mailTo"))
        .containsExactly("stnmt@thuathienhue.gov.vn", "sxd@thuathienhue.gov.vn");
  }

  @Test
  void approvedExtensionMovesTheDeadlineAndEverySlaTimerFollows() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    at("2026-03-06T08:00");
    askForExtension(report, "Chờ nhựa đường", "2026-03-16");
    assertThat(report).isWaitingAt(TASK_REVIEW_EXTENSION);
    assertThat(task(TASK_REVIEW_EXTENSION, report)).hasCandidateGroup(GROUP_IOC);

    decideExtension(report, "APPROVED");

    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("dueAt", vietnam("2026-03-16T23:59:59"))
        .containsEntry("dueAtText", "23:59 ngày 16/03/2026")
        .containsEntry("originalDueAt", vietnam("2026-03-09T23:59:59"))
        .containsEntry("extended", true)
        .containsEntry("extensionCount", 1);
    assertThat(task(TASK_HANDLE_REPORT, report)).hasDueDate(vietnam("2026-03-16T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-16T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_REMINDER)).isEqualTo(vietnam("2026-03-15T23:59:59"));
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-19T23:59:59"));

    // answered after the original deadline but within the extension
    at("2026-03-12T10:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã thảm lại mặt đường"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).variables().containsEntry("slaOutcome", "LATE_WITH_EXTENSION");
  }

  @Test
  void rejectedExtensionKeepsTheDeadline() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    askForExtension(report, "Thiếu nhân lực", "2026-03-13");

    complete(task(TASK_REVIEW_EXTENSION, report), withVariables("extensionDecision", "REJECTED", "extensionNote", "Không đủ lý do"));

    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("dueAt", vietnam("2026-03-09T23:59:59"))
        .containsEntry("extended", false)
        .containsEntry("extensionCount", 0)
        .containsEntry("handling", null);
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-09T23:59:59"));
  }

  @Test
  void extensionBeyondWhatThePolicyAllowsIsRefused() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    // the default policy allows 14 days per extension
    assertThatThrownBy(() -> complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", "Chờ dự án", "proposedDueAt", "2026-04-30")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("14 ngày");
    assertThatThrownBy(() -> complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", "Chờ dự án", "proposedDueAt", "ngày mai")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("proposedDueAt");
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT);
  }

  @Test
  void returnedResultGoesBackToTheUnitWithTheIocNote() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));

    assertThatThrownBy(() -> complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "RETURNED")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("reviewNote");
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "RETURNED", "reviewNote", "Cần ảnh sau khi xử lý"));

    assertThat(report).hasPassed("Gateway_BackToUnit").isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("reviewNote", "Cần ảnh sau khi xử lý")
        .containsEntry("handling", null);
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("sgtvt").hasDueDate(vietnam("2026-03-09T23:59:59"));
  }

  // ---------------------------------------------------------------- SLA escalation

  @Test
  void reminderGoesToTheUnitOncePerDeadline() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    at("2026-03-09T00:00");
    fire(report, TIMER_SLA_REMINDER);
    assertThat(report).hasPassed("Task_RemindUnit", "EndEvent_UnitReminded").variables().containsEntry("reminderSent", true);
    assertThat(mail(report, "UNIT_REMINDED")).containsEntry("mailTo", "sgtvt@thuathienhue.gov.vn");

    // the unit asks for more time, the IOC says no: the task and its timers are created anew
    askForExtension(report, "Mưa lớn", "2026-03-12");
    decideExtension(report, "REJECTED");
    fire(report, TIMER_SLA_REMINDER);

    assertThat(report).hasPassed("EndEvent_ReminderSkipped");
    assertThat(mails(report, "UNIT_REMINDED")).hasSize(1);
  }

  @Test
  void breachedDeadlineMakesTheReportOverdueAndThePeoplesCommitteeOfficeUrgesTheUnit() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);

    assertThat(report).variables().containsEntry("overdue", true).containsEntry("escalationLevel", 1);
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT, TASK_URGE_UNIT);
    assertThat(task(TASK_URGE_UNIT, report)).hasCandidateGroup(GROUP_PC_OFFICE);

    complete(task(TASK_URGE_UNIT, report), withVariables("urgeNote", "Đề nghị trả lời trước 12/03"));
    assertThat(mail(report, "UNIT_URGED")).containsEntry("mailTo", "sgtvt@thuathienhue.gov.vn");
    assertThat((String) mail(report, "UNIT_URGED").get("mailBody")).contains("Đề nghị trả lời trước 12/03");

    // the unit can still answer; it is late
    at("2026-03-11T09:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).variables().containsEntry("slaOutcome", "LATE");
  }

  @Test
  void unitAlreadyUrgedIsNotUrgedAgainWhenItGetsTheReportBack() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);
    askForExtension(report, "Chờ vật tư", "2026-03-13");
    decideExtension(report, "REJECTED");

    fire(report, TIMER_SLA_BREACHED);

    assertThat(report).hasPassed("EndEvent_UrgeSkipped");
    assertThat(taskQuery().processInstanceId(report.getId()).taskDefinitionKey(TASK_URGE_UNIT).count()).isEqualTo(1);
  }

  @Test
  void unitStillSilentDaysAfterTheDeadlineIsReprimandedByTheLeaders() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);

    at("2026-03-13T00:00");
    fire(report, TIMER_REPRIMAND_DUE);

    assertThat(report).variables().containsEntry("escalationLevel", 2).containsEntry("overdue", true);
    assertThat(task(TASK_REPRIMAND_UNIT, report)).hasCandidateGroup(GROUP_LEADERS);
    assertThat(mail(report, "UNIT_REPRIMAND_DUE")).containsEntry("mailTo", ProcessTestBeans.LEADERS_MAILBOX);
    complete(task(TASK_REPRIMAND_UNIT, report), withVariables("reprimandNote", "Phê bình trong giao ban tuần"));
    assertThat(report).hasPassed("EndEvent_UnitReprimanded");
    assertThat(mail(report, "UNIT_REPRIMANDED")).containsEntry("mailTo", "sgtvt@thuathienhue.gov.vn");
    assertThat((String) mail(report, "UNIT_REPRIMANDED").get("mailBody")).contains("Phê bình trong giao ban tuần");

    // answered, returned by the IOC: back at the unit, whose reprimand is not repeated
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "RETURNED", "reviewNote", "Chưa đạt"));
    fire(report, TIMER_REPRIMAND_DUE);
    assertThat(report).hasPassed("EndEvent_ReprimandSkipped");
    assertThat(mails(report, "UNIT_REPRIMAND_DUE")).hasSize(1);
  }

  @Test
  void aReprimandNeverComesBeforeTheUrge() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-04T10:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    // the IOC returns the answer after the deadline and after the reprimand date
    at("2026-03-14T10:00");
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "RETURNED", "reviewNote", "Chưa đạt"));

    // urged at once; the reprimand moved to 3 working days from now (Mon 16, Tue 17, Wed 18)
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-18T23:59:59"));
    fire(report, TIMER_SLA_BREACHED);
    assertThat(report).variables().containsEntry("escalationLevel", 1);
    assertThat(task(TASK_URGE_UNIT, report)).hasCandidateGroup(GROUP_PC_OFFICE);
    assertThat(taskQuery().processInstanceId(report.getId()).taskDefinitionKey(TASK_REPRIMAND_UNIT).count()).isZero();

    at("2026-03-19T00:00");
    fire(report, TIMER_REPRIMAND_DUE);
    assertThat(report).variables().containsEntry("escalationLevel", 2);
    assertThat(task(TASK_REPRIMAND_UNIT, report)).hasCandidateGroup(GROUP_LEADERS);
  }

  @Test
  void approvedExtensionBringsAReminderBeforeTheNewDeadline() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-09T00:00");
    fire(report, TIMER_SLA_REMINDER);
    askForExtension(report, "Chờ vật tư", "2026-03-16");
    decideExtension(report, "APPROVED");

    at("2026-03-15T23:59:59");
    fire(report, TIMER_SLA_REMINDER);

    assertThat(mails(report, "UNIT_REMINDED")).hasSize(2);
    assertThat((String) mails(report, "UNIT_REMINDED").get(1).get("mailSubject")).contains("23:59 ngày 16/03/2026");
  }

  @Test
  void extensionDateThatPassedWhileWaitingForTheIocCannotBeApproved() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-08T10:00");
    askForExtension(report, "Chờ vật tư", "2026-03-11");

    at("2026-03-12T10:00");
    assertThatThrownBy(() -> complete(task(TASK_REVIEW_EXTENSION, report), withVariables("extensionDecision", "APPROVED")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("has passed");
    decideExtension(report, "REJECTED");
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables().containsEntry("dueAt", vietnam("2026-03-09T23:59:59"));
  }

  @Test
  void newUnitAfterARerouteStartsWithACleanRecordAndIsUrgedOnItsOwnDeadline() {
    ProcessInstance report = assigned("POLLUTION", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);
    assertThat(task(TASK_URGE_UNIT, report)).hasCandidateGroup(GROUP_PC_OFFICE);
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "NOT_RESPONSIBLE", "returnReason", "Thuộc Sở Xây dựng"));
    complete(task(TASK_REROUTE_REPORT, report), withVariables("unitId", "sxd"));

    assertThat(report).variables().containsEntry("overdue", false).containsEntry("escalationLevel", 0)
        .containsEntry("dueAt", vietnam("2026-03-17T23:59:59"));
    // the open urge still concerns the late unit
    assertThat(taskService().getVariable(task(TASK_URGE_UNIT, report).getId(), "escalatedDueAtText"))
        .isEqualTo("23:59 ngày 09/03/2026");
    complete(task(TASK_URGE_UNIT, report), withVariables("urgeNote", "Đề nghị trả lời"));
    assertThat(mail(report, "UNIT_URGED")).containsEntry("mailTo", "stnmt@thuathienhue.gov.vn");
    assertThat((String) mail(report, "UNIT_URGED").get("mailSubject")).as("the deadline stnmt missed")
        .contains("quá hạn từ 23:59 ngày 09/03/2026");

    at("2026-03-18T00:00");
    fire(report, TIMER_SLA_BREACHED);
    assertThat(report).variables().containsEntry("overdue", true).containsEntry("escalationLevel", 1);
    Task secondUrge = taskQuery().processInstanceId(report.getId()).taskDefinitionKey(TASK_URGE_UNIT).singleResult();
    assertThat(taskService().getVariable(secondUrge.getId(), "escalatedUnitId")).isEqualTo("sxd");
  }

  @Test
  void reopenedReportKeepsItsUnitsLateRecord() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);
    at("2026-03-11T09:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    rate(report, "UNSATISFIED", "Chưa ổn");
    complete(task(TASK_REVIEW_COMPLAINT, report), withVariables("complaintDecision", "REOPEN"));

    // the second round is answered at once; the report stays late, urged, overdue
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý lại"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));

    assertThat(report).variables().containsEntry("slaOutcome", "LATE").containsEntry("overdue", true)
        .containsEntry("escalationLevel", 1);
  }

  @Test
  void closingTheReportEndsAnUrgeStillOpen() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(report, TIMER_SLA_BREACHED);
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã xử lý"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));

    rate(report, "SATISFIED", "");

    assertThat(report).isEnded();
    assertThat(taskQuery().processInstanceId(report.getId()).count()).isZero();
  }

  @Test
  void aTaskMayNotSetWhatTheProcessKeeps() {
    ProcessInstance report = assigned("ROAD_DAMAGE", PHU_THUAN);

    assertThatThrownBy(() -> complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", "x", "proposedDueAt", "2026-03-12", "dueAt", "2026-04-30T00:00:00")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'dueAt'");
    assertThatThrownBy(() -> complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED",
        "resultText", "Đã xử lý", "originalDueAt", "2026-04-30")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'originalDueAt'");
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables().containsEntry("dueAt", vietnam("2026-03-09T23:59:59"));
  }

  @Test
  void processStartedWithAReportIdOfItsOwnChoosingIsRefused() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "PA-2026-424242", withVariables(
        "reportId", "PA-2026-424242", "category", "WASTE", "wardCode", PHU_THUAN, "description", "x", "channel", "WEB")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'reportId'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, withVariables(
        "category", 5, "wardCode", PHU_THUAN, "description", "x", "channel", "WEB")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'category': must be text");
  }

  // ---------------------------------------------------------------- the citizen's rating

  @Test
  void unsatisfiedCitizenGetsTheReportReopenedWithAFreshSlaThenTheIocCloses() {
    ProcessInstance report = published("ROAD_DAMAGE", PHU_THUAN);

    at("2026-03-05T08:00");
    rate(report, "UNSATISFIED", "Ổ gà vẫn còn");
    assertThat(report).isWaitingAt(TASK_REVIEW_COMPLAINT);
    assertThat(task(TASK_REVIEW_COMPLAINT, report)).hasCandidateGroup(GROUP_IOC);

    complete(task(TASK_REVIEW_COMPLAINT, report), withVariables("complaintDecision", "REOPEN", "complaintNote", "Kiểm tra lại"));
    assertThat(report).isWaitingAt(TASK_HANDLE_REPORT).variables()
        .containsEntry("dueAt", vietnam("2026-03-12T23:59:59"))
        .as("the unit's first round stays on its record").containsEntry("slaOutcome", "ON_TIME");
    assertThat(task(TASK_HANDLE_REPORT, report)).hasCandidateGroup("sgtvt").hasDueDate(vietnam("2026-03-12T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_REMINDER)).isEqualTo(vietnam("2026-03-11T23:59:59"));
    assertThat(dueDateOf(report, TIMER_SLA_BREACHED)).isEqualTo(vietnam("2026-03-12T23:59:59"));
    assertThat(dueDateOf(report, TIMER_REPRIMAND_DUE)).isEqualTo(vietnam("2026-03-17T23:59:59"));

    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã vá lại"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).variables().containsEntry("rating", null).containsEntry("slaOutcome", "ON_TIME");
    rate(report, "UNSATISFIED", "Vẫn chưa ổn");
    complete(task(TASK_REVIEW_COMPLAINT, report), withVariables("complaintDecision", "CLOSE", "complaintNote", "Đã xử lý đúng quy định"));

    assertThat(report).isEnded().hasPassed("Gateway_ReportClosing", "EndEvent_ReportClosed");
    assertThat(historicVariable(report, "rating")).isEqualTo("UNSATISFIED");
  }

  @Test
  void reportWithoutARatingClosesWhenTheRatingWindowEnds() {
    ProcessInstance report = published("ROAD_DAMAGE", PHU_THUAN);
    assertThat(dueDateOf(report, TIMER_RATING_WINDOW_CLOSED)).isEqualTo(vietnam("2026-03-11T10:00"));

    at("2026-03-11T10:01");
    fire(report, TIMER_RATING_WINDOW_CLOSED);

    assertThat(report).isEnded().hasPassed(TIMER_RATING_WINDOW_CLOSED, "EndEvent_ReportClosed").hasNotPassed("Gateway_CitizenSatisfied");
    assertThat(historicVariable(report, "rating")).isEqualTo("NONE");
  }

  @Test
  void ratingThatIsNotAVerdictIsRefused() {
    ProcessInstance report = published("ROAD_DAMAGE", PHU_THUAN);

    assertThatThrownBy(() -> rate(report, "NONE", ""))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("SATISFIED or UNSATISFIED");
    assertThat(report).isWaitingAt(TASK_AWAIT_RATING);
  }

  // ---------------------------------------------------------------- what operators watch

  @Test
  void operatorsFiguresCountReportsByStepAndTheOverdueUrgedAndReprimandedOnes() {
    OperationsReader figures = new OperationsReader(repositoryService(), runtimeService(), taskService(),
        managementService(), beans.clock);
    ProcessInstance late = assigned("ROAD_DAMAGE", PHU_THUAN);
    at("2026-03-10T00:00");
    fire(late, TIMER_SLA_BREACHED);
    ProcessInstance onTime = assigned("ROAD_DAMAGE", PHU_THUAN);
    submit("ROAD_DAMAGE", PHU_THUAN);

    OperationsSnapshot urged = figures.read();
    assertThat(urged.openReportsByStep())
        .containsEntry(TASK_VERIFY_REPORT, 1L).containsEntry(TASK_HANDLE_REPORT, 2L)
        .containsEntry(TASK_URGE_UNIT, 1L).containsEntry(TASK_REPRIMAND_UNIT, 0L);
    assertThat(urged.overdueReports()).isEqualTo(1);
    assertThat(urged.urgedReports()).isEqualTo(1);
    assertThat(urged.reprimandedReports()).isZero();

    at("2026-03-13T00:00");
    assertThat(figures.read().dueJobs()).as("the reprimand timer joins the mails in the backlog")
        .isEqualTo(urged.dueJobs() + 1);
    fire(late, TIMER_REPRIMAND_DUE);
    OperationsSnapshot reprimanded = figures.read();
    assertThat(reprimanded.urgedReports()).isZero();
    assertThat(reprimanded.reprimandedReports()).isEqualTo(1);
    assertThat(reprimanded.openReportsByStep()).containsEntry(TASK_REPRIMAND_UNIT, 1L);
    assertThat(reprimanded.overdueReports()).as("the second unit's week is not over").isEqualTo(1);
    assertThat(onTime).isWaitingAt(TASK_HANDLE_REPORT);
  }

  @Test
  void historyOfAClosedReportIsCleanedUpAfterItsFiveYears() {
    ProcessInstance report = published("ROAD_DAMAGE", PHU_THUAN);
    rate(report, "SATISFIED", "");
    assertThat(report).isEnded();

    at("2031-03-01T09:00");
    runHistoryCleanup();
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(report.getId()).count())
        .as("kept for its time to live, 1825 days").isEqualTo(1);

    at("2031-03-05T09:00");
    runHistoryCleanup();
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(report.getId()).count()).isZero();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(report.getId()).count()).isZero();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(report.getId()).count()).isZero();
  }

  // ---------------------------------------------------------------- steps of a scenario

  private ProcessInstance submit(String category, String ward) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Ổ gà lớn giữa đường", ward, "12 Lê Lợi",
        16.4637, 107.5909, "APP", new Reporter("Nguyễn Văn A", "0905123456", CITIZEN_MAIL)));
    return processInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(receipt.id()).singleResult();
  }

  /** Verified as valid and waiting for its unit, assigned Monday 2 March 09:00. */
  private ProcessInstance assigned(String category, String ward) {
    ProcessInstance report = submit(category, ward);
    complete(task(TASK_VERIFY_REPORT, report), withVariables("verification", "VALID"));
    return report;
  }

  /** Answered on Wednesday 4 March 10:00 and published, waiting for the citizen's rating. */
  private ProcessInstance published(String category, String ward) {
    ProcessInstance report = assigned(category, ward);
    at("2026-03-04T10:00");
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "RESOLVED", "resultText", "Đã vá ổ gà"));
    complete(task(TASK_REVIEW_RESULT, report), withVariables("resultDecision", "ACCEPTED"));
    assertThat(report).isWaitingAt(TASK_AWAIT_RATING);
    return report;
  }

  private void askForExtension(ProcessInstance report, String reason, String proposedDueAt) {
    complete(task(TASK_HANDLE_REPORT, report), withVariables("handling", "EXTENSION_REQUESTED",
        "extensionReason", reason, "proposedDueAt", proposedDueAt));
  }

  private void decideExtension(ProcessInstance report, String decision) {
    complete(task(TASK_REVIEW_EXTENSION, report), withVariables("extensionDecision", decision));
  }

  private void rate(ProcessInstance report, String rating, String comment) {
    runtimeService().createMessageCorrelation(MESSAGE_REPORT_RATED)
        .processInstanceBusinessKey(report.getBusinessKey())
        .setVariable("rating", rating)
        .setVariable("ratingComment", comment)
        .correlate();
  }

  /** Fires a timer the Camunda way: it must be due at the current (moved) time, then its job runs. */
  private void fire(ProcessInstance report, String timerId) {
    Job timer = jobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult();
    assertThat(timer).as("timer %s", timerId).isNotNull();
    assertThat(jobQuery().jobId(timer.getId()).executable().count()).as("timer %s is due", timerId).isEqualTo(1);
    execute(timer);
  }

  /** One run of the engine's history cleanup, now rather than in its nightly window. */
  private void runHistoryCleanup() {
    Job cleanup = historyService().cleanUpHistoryAsync(true);
    execute(cleanup);
    managementService().deleteJob(cleanup.getId());
  }

  private Date dueDateOf(ProcessInstance report, String timerId) {
    return jobQuery().processInstanceId(report.getId()).activityId(timerId).singleResult().getDuedate();
  }

  /** The mails a report's process put in the outbox, oldest first, as MailDelivery variables. */
  private List<Map<String, Object>> mails(ProcessInstance report) {
    return historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(report.getBusinessKey())
        .orderByProcessInstanceStartTime().asc().list().stream()
        .map(mail -> historyService().createHistoricVariableInstanceQuery().processInstanceId(mail.getId()).list().stream()
            .collect(java.util.stream.Collectors.toMap(v -> v.getName(), v -> v.getValue())))
        .toList();
  }

  private List<Map<String, Object>> mails(ProcessInstance report, String notification) {
    return mails(report).stream().filter(mail -> notification.equals(mail.get("notification"))).toList();
  }

  private Map<String, Object> mail(ProcessInstance report, String notification) {
    List<Map<String, Object>> mails = mails(report, notification);
    assertThat(mails).as("one %s mail", notification).hasSize(1);
    return mails.get(0);
  }

  private Object historicVariable(ProcessInstance report, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(report.getId())
        .variableName(name).singleResult().getValue();
  }

  private static void at(String vietnamLocalTime) {
    ClockUtil.setCurrentTime(vietnam(vietnamLocalTime));
  }

  private static Date vietnam(String localTime) {
    Instant instant = LocalDateTime.parse(localTime).atZone(SlaClock.VIETNAM).toInstant();
    return Date.from(instant);
  }
}
