package vn.ioc.citizenreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.handling.ReportVariables;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * A citizen's report through the real Tasklist and Cockpit in headless Chromium, with the demo
 * users: the IOC verifies it with its photo, the routed unit answers it or asks for more time,
 * the People's Committee office urges a late unit, a leader finds the overdue case in Cockpit,
 * and after each step the citizen's own page says where the report stands. The browser does the
 * work; the test only submits reports, moves the engine's clock and fires the due timer, which no
 * person does. Screenshots of every step: target/e2e-screenshots. Run with mvn -Pe2e verify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // timers fire when the test says so, not when the job executor happens to look
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"test", "demo"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenReportJourneyE2E {

  /** Roads in Huế city go to the city's road works company, whose demo staff is ctgthuestaff. */
  private static final String ROAD_DAMAGE_IN_PHU_HOI = """
      {"category": "ROAD_DAMAGE", "description": "Ổ gà lớn trước số 12 Lê Lợi", "wardCode": "19754",
       "address": "12 Lê Lợi", "channel": "APP", "reporter": {"name": "Nguyễn Văn A"}}""";
  private static final String ROAD_UNIT = "ctgthue";
  private static final String ROAD_STAFF = "ctgthuestaff";
  private static final Path EVIDENCE = temporaryDirectory();
  private static final DateTimeFormatter CITIZEN_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(SlaClock.VIETNAM);

  @DynamicPropertySource
  static void evidenceOutsideTheWorkTree(DynamicPropertyRegistry registry) {
    registry.add("citizen-reports.evidence.directory", EVIDENCE::toString);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired UnitRegistry units;
  @Autowired SlaClock slaClock;

  @BeforeAll
  static void chromiumIsInstalled() {
    Browser.requireChromium();
    Browser.clearScreenshots();
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void operatorVerifiesWithThePhotoTheUnitAnswersAndTheCitizenRatesTheResult() {
    // Given a report with a photo, and another unit's report beside it
    Receipt report = submit(ROAD_DAMAGE_IN_PHU_HOI, photo());
    Receipt waterReport = submit("""
        {"category": "WATER_SUPPLY", "description": "Mất nước cả ngày", "wardCode": "19754", "channel": "APP"}""", null);
    complete(task(waterReport, ReportProcess.TASK_VERIFY_REPORT), Map.of("verification", "VALID"));
    Task otherUnitsTask = task(waterReport, ReportProcess.TASK_HANDLE_REPORT);
    assertThat(candidateGroups(otherUnitsTask)).doesNotContain(ROAD_UNIT);
    String roadUnitName = units.find(ROAD_UNIT).map(Unit::name).orElseThrow();

    try (Browser citizenBrowser = open()) {
      CitizenPage citizen = new CitizenPage(citizenBrowser);
      assertThat(citizen.open(report, "received").state()).isEqualTo("Đã tiếp nhận, đang xác minh");

      // When the IOC operator verifies it in Tasklist, looking at its photo
      String verifyTask = task(report, ReportProcess.TASK_VERIFY_REPORT).getId();
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, "operator");
        tasklist.myUnitQueueShowing(verifyTask);
        assertThat(tasklist.card(verifyTask)).contains("Xác minh phản ánh", report.id());
        tasklist.openTask(verifyTask);
        assertThat(tasklist.field("reportId")).isEqualTo(report.id());
        assertThat(tasklist.evidencePhoto(1).getDomAttribute("src")).startsWith("/api/reports/" + report.id() + "/evidence/1?key=");
        tasklist.claim();
        tasklist.choose("verification", "Hợp lệ, chuyển xử lý");
        assertThat(tasklist.field("category")).isEqualTo("Hư hỏng mặt đường");
        tasklist.showField("description");
        browser.screenshot("operator-verifies-report-with-photo");
        tasklist.complete(verifyTask);
      }

      // Then the road works company has it, and the citizen sees who handles it
      Task handleTask = task(report, ReportProcess.TASK_HANDLE_REPORT);
      assertThat(candidateGroups(handleTask)).containsExactly(ROAD_UNIT);
      CitizenPage.Shown assigned = citizen.open(report, "assigned-to-unit");
      assertThat(assigned.state()).isEqualTo("Đang xử lý");
      assertThat(assigned.text()).contains("Đã xác minh", "Đã giao " + roadUnitName + " xử lý");

      // When the unit's staff finds it in its queue, claims it and answers it
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, ROAD_STAFF);
        List<String> queue = tasklist.myUnitQueueShowing(handleTask.getId());
        assertThat(queue).as("the unit's queue holds its own tasks only")
            .doesNotContain(otherUnitsTask.getId())
            .allSatisfy(taskId -> assertThat(candidateGroups(taskService.createTaskQuery().taskId(taskId).singleResult()))
                .contains(ROAD_UNIT));
        // its card says which report it is, though the unit may not read the report's process
        assertThat(tasklist.card(handleTask.getId())).contains("Xử lý phản ánh", report.id());
        tasklist.openTask(handleTask.getId());
        assertThat(tasklist.field("reportId")).isEqualTo(report.id());
        browser.screenshot("unit-queue");
        tasklist.evidencePhoto(1);
        tasklist.claim();
        tasklist.choose("handling", "Đã xử lý, có kết quả");
        tasklist.write("resultText", "Đã vá ổ gà trước số 12 Lê Lợi.");
        browser.screenshot("unit-answers-report");
        tasklist.complete(handleTask.getId());
      }
      assertThat(task(report, ReportProcess.TASK_REVIEW_RESULT)).isNotNull();
      CitizenPage.Shown answered = citizen.open(report, "unit-answered");
      assertThat(answered.state()).isEqualTo("Đang xử lý");
      assertThat(answered.text()).contains("Đơn vị đã trả lời").doesNotContain("Đã vá ổ gà");

      // When the IOC accepts the answer, the citizen reads it and rates it
      String reviewTask = task(report, ReportProcess.TASK_REVIEW_RESULT).getId();
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, "operator");
        tasklist.myUnitQueueShowing(reviewTask);
        tasklist.openTask(reviewTask);
        assertThat(tasklist.field("resultText")).isEqualTo("Đã vá ổ gà trước số 12 Lê Lợi.");
        tasklist.claim();
        tasklist.choose("resultDecision", "Đạt, công khai cho người dân");
        browser.screenshot("operator-accepts-result");
        tasklist.complete(reviewTask);
      }
      CitizenPage.Shown published = citizen.open(report, "result-published");
      assertThat(published.state()).isEqualTo("Đã có kết quả, mời bạn đánh giá");
      assertThat(published.text()).contains("Đã vá ổ gà trước số 12 Lê Lợi.", "Trung tâm đã công khai kết quả");

      citizenBrowser.click(By.cssSelector("button.yes"));
      citizenBrowser.visible(By.cssSelector(".message"));
      CitizenPage.Shown rated = citizen.open(report, "rated-and-closed");
      assertThat(rated.state()).isEqualTo("Đã đóng");
      assertThat(rated.text()).contains("Người dân hài lòng");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(report.id()).count()).as("the report's process ended").isZero();
  }

  @Test
  @Order(2)
  void extensionApprovedInTasklistThenTheLateUnitIsUrgedAndLeadersFindTheCaseInCockpit() {
    // Given a verified report at the road works company
    Receipt report = submit(ROAD_DAMAGE_IN_PHU_HOI, null);
    complete(task(report, ReportProcess.TASK_VERIFY_REPORT), Map.of("verification", "VALID"));
    ProcessInstance instance = instanceOf(report);
    Instant firstDueAt = dueAt(instance);
    LocalDate proposed = LocalDate.ofInstant(firstDueAt, SlaClock.VIETNAM).plusDays(7);

    try (Browser citizenBrowser = open()) {
      CitizenPage citizen = new CitizenPage(citizenBrowser);
      assertThat(citizen.open(report, "deadline").text()).contains(citizenDue(firstDueAt));

      // When the unit asks for a week more in Tasklist
      String handleTask = task(report, ReportProcess.TASK_HANDLE_REPORT).getId();
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, ROAD_STAFF);
        tasklist.myUnitQueueShowing(handleTask);
        tasklist.openTask(handleTask);
        tasklist.claim();
        // notes from earlier steps show only when someone wrote one: this report has none
        for (String note : List.of("reviewNote", "extensionNote", "rerouteNote", "complaintNote", "ratingComment")) {
          assertThat(tasklist.shows(note)).as(note).isFalse();
        }
        tasklist.choose("handling", "Đề nghị gia hạn");
        tasklist.write("extensionReason", "Chờ nhựa đường từ nhà cung cấp");
        tasklist.enterDate("proposedDueAt", proposed);
        browser.screenshot("unit-asks-for-extension");
        tasklist.complete(handleTask);
      }
      assertThat(runtimeService.getVariable(instance.getId(), ReportVariables.PROPOSED_DUE_AT)).isEqualTo(proposed.toString());

      // and the IOC operator approves it in Tasklist
      String reviewTask = task(report, ReportProcess.TASK_REVIEW_EXTENSION).getId();
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, "operator");
        tasklist.myUnitQueueShowing(reviewTask);
        tasklist.openTask(reviewTask);
        assertThat(tasklist.field("proposedDueAt")).isEqualTo(proposed.toString());
        assertThat(tasklist.field("extensionReason")).isEqualTo("Chờ nhựa đường từ nhà cung cấp");
        tasklist.claim();
        tasklist.choose("extensionDecision", "Đồng ý gia hạn");
        tasklist.write("extensionNote", "Đồng ý, hoàn thành trước hạn mới.");
        browser.screenshot("operator-approves-extension");
        tasklist.complete(reviewTask);
      }

      // Then the unit has it back with the new deadline, which the citizen sees too
      Instant extendedDueAt = slaClock.endOf(proposed);
      assertThat(dueAt(instance)).isEqualTo(extendedDueAt);
      assertThat(candidateGroups(task(report, ReportProcess.TASK_HANDLE_REPORT))).containsExactly(ROAD_UNIT);
      CitizenPage.Shown extended = citizen.open(report, "deadline-extended");
      assertThat(extended.state()).isEqualTo("Đang xử lý");
      assertThat(extended.text()).contains(citizenDue(extendedDueAt)).doesNotContain(citizenDue(firstDueAt));

      // When the new deadline passes without an answer (the test moves time and fires the timer)
      Job breached = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId(ReportProcess.TIMER_SLA_BREACHED).singleResult();
      assertThat(breached.getDuedate().toInstant()).as("the timer follows the extended deadline").isEqualTo(extendedDueAt);
      ClockUtil.setCurrentTime(Date.from(extendedDueAt.plusSeconds(60)));
      managementService.executeJob(breached.getId());

      // Then the People's Committee office finds the urge task in Tasklist
      Task urgeTask = task(report, ReportProcess.TASK_URGE_UNIT);
      assertThat(candidateGroups(urgeTask)).containsExactly(ReportProcess.GROUP_PC_OFFICE);
      assertThat(runtimeService.getVariable(instance.getId(), ReportVariables.OVERDUE)).isEqualTo(true);
      try (Browser browser = open()) {
        Tasklist tasklist = Tasklist.logIn(browser, "pcoffice1");
        tasklist.myUnitQueueShowing(urgeTask.getId());
        assertThat(tasklist.card(urgeTask.getId())).contains("Đôn đốc đơn vị", report.id());
        tasklist.openTask(urgeTask.getId());
        assertThat(tasklist.field("reportId")).isEqualTo(report.id());
        assertThat(tasklist.field("escalatedUnitId")).isEqualTo(units.find(ROAD_UNIT).map(Unit::name).orElseThrow());
        tasklist.showField("description");
        browser.screenshot("pcoffice-urge-task");
      }
      // the citizen is not told of the escalation: the report is still being handled, by the same date
      CitizenPage.Shown overdue = citizen.open(report, "overdue");
      assertThat(overdue.state()).isEqualTo("Đang xử lý");
      assertThat(overdue.text()).contains(citizenDue(extendedDueAt));

      // When a leader filters the process's running instances by overdue = true in Cockpit
      List<String> overdueReports = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
          .variableValueEquals(ReportVariables.OVERDUE, true).list().stream().map(ProcessInstance::getBusinessKey).toList();
      try (Browser browser = open()) {
        Cockpit cockpit = Cockpit.logIn(browser, "leader1");
        cockpit.openProcess(ReportProcess.KEY);
        cockpit.filterByVariable(ReportVariables.OVERDUE, "true");
        // Then the case is listed, with every other overdue report and nothing else
        assertThat(cockpit.instancesOnceListed(overdueReports)).contains(report.id()).containsExactlyInAnyOrderElementsOf(overdueReports);
        browser.screenshot("leader-cockpit-overdue");

        // And in the SLA audit the unit's scorecard counts it as overdue, as the stats API does
        SlaAuditPage audit = SlaAuditPage.openFromCockpit(browser);
        JsonNode stats = http.withBasicAuth("leader1", "demo").getForObject("/api/stats?from=" + audit.field("from")
            + "&to=" + audit.field("to") + "&unitId=" + ROAD_UNIT, JsonNode.class);
        Map<String, Long> roadUnit = audit.scorecardRow(ROAD_UNIT);
        assertThat(roadUnit.get("inProgressOverdue")).isPositive()
            .isEqualTo(stats.path("units").get(0).path("inProgressOverdue").asLong());
        assertThat(roadUnit.get("received")).isEqualTo(stats.path("units").get(0).path("received").asLong());
        browser.screenshot("leader-sla-audit-scorecard");
        // and the case is in its overdue list, urged, still in progress
        audit.showTab("overdue");
        audit.filterByUnit(ROAD_UNIT);
        Map<String, String> overdueCase = audit.caseRow(report.id());
        assertThat(overdueCase.get("unit")).isEqualTo(units.find(ROAD_UNIT).map(Unit::name).orElseThrow());
        assertThat(overdueCase.get("escalationLevel")).isEqualTo("Urged");
        assertThat(overdueCase.get("outcome")).isEqualTo("In progress overdue");
        browser.screenshot("leader-sla-audit-overdue-case");
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private Browser open() {
    return Browser.open("http://localhost:" + port);
  }

  private Receipt submit(String reportJson, byte[] photo) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("report", new HttpEntity<>(reportJson, json));
    if (photo != null) {
      parts.add("evidence", new ByteArrayResource(photo) {
        @Override
        public String getFilename() {
          return "o-ga.png";
        }
      });
    }
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Receipt> created = http.postForEntity("/api/reports", new HttpEntity<>(parts, multipart), Receipt.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  /** A small picture of a pothole: grey road, dark hole. */
  private static byte[] photo() {
    BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D road = image.createGraphics();
    road.setColor(new Color(0x8A8D91));
    road.fillRect(0, 0, 160, 100);
    road.setColor(new Color(0x3B2F2F));
    road.fillOval(45, 30, 70, 40);
    road.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private Task task(Receipt report, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(report.id()).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), variables);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).toList();
  }

  private ProcessInstance instanceOf(Receipt report) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).processInstanceBusinessKey(report.id())
        .singleResult();
  }

  private Instant dueAt(ProcessInstance instance) {
    return ((Date) runtimeService.getVariable(instance.getId(), ReportVariables.DUE_AT)).toInstant();
  }

  /** A deadline as the citizen's page prints it, in Vietnam's time. */
  private static String citizenDue(Instant dueAt) {
    return CITIZEN_TIME.format(dueAt);
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("e2e-evidence");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
