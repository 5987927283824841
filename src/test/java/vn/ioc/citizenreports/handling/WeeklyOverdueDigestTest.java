package vn.ioc.citizenreports.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.sla.SlaClock;

/** Monday's digest for a handful of units: who is overdue, who is due soon, who is left out. */
@Deployment(resources = {
    "processes/WeeklyOverdueDigest.bpmn", "processes/CitizenReportProcess.bpmn", "processes/MailDelivery.bpmn",
    "dmn/ReportRouting.dmn", "dmn/SlaPolicy.dmn"})
class WeeklyOverdueDigestTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-test.cfg.xml").build();

  private static final String PHU_THUAN = "19869";
  private ProcessTestBeans beans;

  @BeforeEach
  void wireBeans() {
    init(engine.getProcessEngine());
    beans = new ProcessTestBeans(engine.getProcessEngine());
  }

  @AfterEach
  void resetBeans() {
    beans.reset();
  }

  @Test
  void eachUnitGetsItsOverdueAndSoonDueReportsAndTheLeadersATable() {
    at("2026-03-02T09:00");                                             // Monday
    String roadDueMonday = assigned("ROAD_DAMAGE");                    // sgtvt, due Mon 9 March
    String waterDueThursday = assigned("WATER_SUPPLY");                // huewaco, 3 days: due Thu 5 March
    String wasteDueMonday = assigned("WASTE");                         // mtphuvang, due Mon 9 March
    String pollutionAnswered = assigned("POLLUTION");                  // stnmt, answered: not in the digest
    complete(task(ReportProcess.TASK_HANDLE_REPORT, process(pollutionAnswered)),
        withVariables("handling", "RESOLVED", "resultText", "Đã kiểm tra"));
    at("2026-03-04T09:00");
    String roadDueWednesday = assigned("ROAD_DAMAGE");                 // sgtvt, due Wed 11 March
    at("2026-03-06T09:00");
    String roadDueFriday = assigned("ROAD_DAMAGE");                    // sgtvt, due Fri 13 March: too far

    at("2026-03-09T07:00");                                            // the next Monday, 07:00
    Job timer = managementService().createJobQuery().timers().processDefinitionKey("WeeklyOverdueDigest").singleResult();
    assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(7);
    execute(timer);

    Map<String, Map<String, Object>> mails = digestMails("DIGEST-2026-03-09");
    assertThat(mails).containsOnlyKeys("sgtvt@thuathienhue.gov.vn", "phananh@huewaco.com.vn",
        "phananh@mtphuvang.com.vn", "lanhdao@hue.gov.vn");

    Map<String, Object> transport = mails.get("sgtvt@thuathienhue.gov.vn");
    assertThat((String) transport.get("mailSubject")).isEqualTo(
        "[Tổng hợp tuần 09/03/2026] Sở Giao thông vận tải: 0 phản ánh quá hạn, 2 sắp đến hạn");
    assertThat((String) transport.get("mailBody"))
        .contains("Quá hạn (0):\n- không có")
        .contains("- " + roadDueMonday + " (Hư hỏng mặt đường, Xã Phú Thuận): hạn 23:59 ngày 09/03/2026")
        .contains("- " + roadDueWednesday + " (Hư hỏng mặt đường, Xã Phú Thuận): hạn 23:59 ngày 11/03/2026")
        .doesNotContain(roadDueFriday);
    assertThat((String) mails.get("phananh@huewaco.com.vn").get("mailBody"))
        .contains("Quá hạn (1):\n- " + waterDueThursday + " (Cấp nước sinh hoạt, Xã Phú Thuận): hạn 23:59 ngày 05/03/2026");
    assertThat((String) mails.get("phananh@mtphuvang.com.vn").get("mailBody")).contains(wasteDueMonday);

    Map<String, Object> leaders = mails.get("lanhdao@hue.gov.vn");
    assertThat((String) leaders.get("mailSubject")).isEqualTo(
        "[Tổng hợp tuần 09/03/2026] 1 phản ánh quá hạn, 3 sắp đến hạn tại 3 đơn vị");
    assertThat((String) leaders.get("mailBody")).contains("""
        Quá hạn | Sắp đến hạn | Đơn vị
        1 | 0 | Công ty CP Cấp nước Thừa Thiên Huế
        0 | 1 | Công ty CP Môi trường đô thị Phú Vang
        0 | 2 | Sở Giao thông vận tải
        1 | 3 | Tổng cộng""");
    assertThat(pollutionAnswered).isNotNull();
  }

  private String assigned(String category) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Phản ánh", PHU_THUAN, null, null, null, "APP",
        Reporter.ANONYMOUS));
    complete(task(ReportProcess.TASK_VERIFY_REPORT, process(receipt.id())), withVariables("verification", "VALID"));
    return receipt.id();
  }

  private ProcessInstance process(String reportId) {
    return processInstanceQuery().processDefinitionKey(ReportProcess.KEY).processInstanceBusinessKey(reportId).singleResult();
  }

  /** The digest's mails by recipient, as MailDelivery variables. */
  private Map<String, Map<String, Object>> digestMails(String digestId) {
    List<Map<String, Object>> mails = processInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(digestId).list().stream()
        .map(mail -> runtimeService().getVariables(mail.getId()))
        .toList();
    return mails.stream().collect(Collectors.toMap(mail -> (String) mail.get("mailTo"), mail -> mail));
  }

  private static void at(String vietnamLocalTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(vietnamLocalTime).atZone(SlaClock.VIETNAM).toInstant()));
  }
}
