package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.notification.MailGateway;
import vn.ioc.citizenreports.notification.MailMessage;

/** Task_SendMail of MailDelivery: hands the mail to the server; a failure is retried by the job. */
@Component
class SendMailDelegate implements JavaDelegate {

  private final MailGateway gateway;

  SendMailDelegate(MailGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    gateway.send(new MailMessage(
        (String) execution.getVariable(MailDeliveryProcess.MAIL_TO),
        (String) execution.getVariable(MailDeliveryProcess.MAIL_SUBJECT),
        (String) execution.getVariable(MailDeliveryProcess.MAIL_BODY)));
  }
}
