package vn.ioc.citizenreports.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ioc.citizenreports.handling.MailDeliveryProcess;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;

/**
 * Mail through a real SMTP server (GreenMail) with the application's own mail configuration.
 * The job executor is off here: the test runs the mail jobs itself, as the executor would.
 */
@SpringBootTest(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=2000",
    "spring.mail.properties.mail.smtp.timeout=2000"})
@ActiveProfiles({"test", "demo"})
class MailOverSmtpTest {

  private static final int SMTP_PORT = freePort();
  private static final String CITIZEN = "nguyenvana@example.vn";

  @Autowired ReportIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  private GreenMail smtp;

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeEach
  void startSmtpServer() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtpServer() {
    smtp.stop();
  }

  @Test
  void citizenAndUnitGetVietnameseMailsWithTheReportIdAndTheDeadline() throws Exception {
    String reportId = submit();
    completeVerification(reportId);

    runMailJobs(reportId);

    MimeMessage receipt = receivedBy(CITIZEN);
    assertThat(receipt.getFrom()[0].toString()).isEqualTo("ioc@hue.gov.vn");
    assertThat(receipt.getSubject()).isEqualTo("[Phản ánh " + reportId + "] Đã tiếp nhận phản ánh của bạn");
    assertThat((String) receipt.getContent()).contains("Mã phản ánh: " + reportId, "Ổ gà lớn giữa đường", "/r/" + reportId + "?token=");

    MimeMessage assigned = receivedBy("sgtvt@thuathienhue.gov.vn");
    String dueAtText = (String) runtimeService.getVariable(processOf(reportId), "dueAtText");
    assertThat(assigned.getSubject()).contains(reportId, "Sở Giao thông vận tải", dueAtText);
    assertThat((String) assigned.getContent()).contains("Hạn trả lời: " + dueAtText, "Kính gửi Sở Giao thông vận tải");
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void serverDownMeansRetriesThenAnIncidentAndOnceBackTheMailArrivesExactlyOnce() throws Exception {
    smtp.stop();
    String reportId = submit();
    Job job = mailJob(reportId);

    int failures = 0;
    while (job != null && job.getRetries() > 0) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException smtpDown) {
        failures++;
      }
      job = mailJob(reportId);
    }
    assertThat(failures).isEqualTo(8);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult().getIncidentMessage())
        .contains("Mail server connection failed");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey(ReportProcess.TASK_VERIFY_REPORT).count())
        .as("the report went on without its mail").isEqualTo(1);

    // the server is back; an operator presses "Retry" on the incident in Cockpit
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(mailJob(reportId)).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
  }

  private String submit() {
    Receipt receipt = intake.submit(new ReportSubmission("ROAD_DAMAGE", "Ổ gà lớn giữa đường", "19869", "Tỉnh lộ 10",
        null, null, "APP", new Reporter("Nguyễn Văn A", null, CITIZEN)));
    return receipt.id();
  }

  private void completeVerification(String reportId) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reportId).singleResult().getId();
    taskService.complete(taskId, Map.of("verification", "VALID"));
  }

  private void runMailJobs(String reportId) {
    managementService.createJobQuery().processDefinitionKey(MailDeliveryProcess.KEY).list().stream()
        .filter(job -> reportId.equals(runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .singleResult().getBusinessKey()))
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private Job mailJob(String reportId) {
    List<String> deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(reportId).list().stream().map(p -> p.getId()).toList();
    return deliveries.isEmpty() ? null
        : managementService.createJobQuery().processInstanceId(deliveries.get(0)).singleResult();
  }

  private String processOf(String reportId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(reportId).singleResult().getId();
  }

  private MimeMessage receivedBy(String address) throws Exception {
    List<MimeMessage> messages = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).toList();
    assertThat(messages).as("mails to %s", address).hasSize(1);
    return messages.get(0);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
