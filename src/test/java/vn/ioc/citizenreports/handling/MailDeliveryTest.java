package vn.ioc.citizenreports.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ioc.citizenreports.notification.MailMessage;
import vn.ioc.citizenreports.notification.Notification;

/** A mail is sent by its own job: retried while the server is down, an incident when it stays down. */
@Deployment(resources = "processes/MailDelivery.bpmn")
class MailDeliveryTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

  private ProcessTestBeans beans;
  private ManagementService management;

  @BeforeEach
  void wireBeans() {
    init(engine.getProcessEngine());
    beans = new ProcessTestBeans(engine.getProcessEngine());
    management = engine.getManagementService();
  }

  @AfterEach
  void resetBeans() {
    beans.reset();
  }

  @Test
  void mailIsSentByItsOwnJob() {
    ProcessInstance delivery = enqueue();
    assertThat(delivery).isWaitingAt(MailDeliveryProcess.TASK_SEND_MAIL);
    assertThat(beans.mailServer.sent).as("nothing sent inside the caller's transaction").isEmpty();

    execute(job(delivery));

    assertThat(delivery).isEnded();
    assertThat(beans.mailServer.sent).containsExactly(new MailMessage("sgtvt@hue.gov.vn", "Phản ánh mới", "Nội dung"));
  }

  @Test
  void mailServerDownIsRetriedThenAnIncidentThenSentExactlyOnceWhenBack() {
    ProcessInstance delivery = enqueue();
    beans.mailServer.down = true;

    int attempts = 0;
    while (job(delivery).getRetries() > 0) {
      Job job = job(delivery);
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        attempts++;
      }
    }
    assertThat(attempts).as("retries of R8/PT15M").isEqualTo(8);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId()).count()).isEqualTo(1);
    assertThat(beans.mailServer.sent).isEmpty();

    // the operator's "Retry" in Cockpit, once the server is back
    beans.mailServer.down = false;
    management.setJobRetries(job(delivery).getId(), 1);
    execute(job(delivery));

    assertThat(delivery).isEnded();
    assertThat(beans.mailServer.sent).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
  }

  private ProcessInstance enqueue() {
    new ProcessMailOutbox(engine.getRuntimeService()).enqueue("PA-2026-000001", Notification.UNIT_ASSIGNED,
        new MailMessage("sgtvt@hue.gov.vn", "Phản ánh mới", "Nội dung"));
    return processInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY).processInstanceBusinessKey("PA-2026-000001").singleResult();
  }

  private Job job(ProcessInstance delivery) {
    return management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
  }
}
