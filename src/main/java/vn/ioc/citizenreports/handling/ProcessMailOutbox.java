package vn.ioc.citizenreports.handling;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.notification.MailMessage;
import vn.ioc.citizenreports.notification.MailOutbox;
import vn.ioc.citizenreports.notification.Notification;

/**
 * The outbox is a {@code MailDelivery} process per mail: started in the caller's transaction, it
 * sends from an asynchronous step that the job executor retries, and a mail that keeps failing
 * is an incident in Cockpit, where an operator retries it once the server is back. The report's
 * own process never waits for the mail server.
 */
@Component
class ProcessMailOutbox implements MailOutbox {

  private final RuntimeService runtimeService;

  ProcessMailOutbox(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void enqueue(String reference, Notification notification, MailMessage message) {
    runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, reference, Map.of(
        MailDeliveryProcess.NOTIFICATION, notification.name(),
        MailDeliveryProcess.MAIL_TO, message.to(),
        MailDeliveryProcess.MAIL_SUBJECT, message.subject(),
        MailDeliveryProcess.MAIL_BODY, message.body()));
  }
}
