package vn.ioc.citizenreports.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no mail server is configured: every mail is written to the log, none is lost. */
public class LoggingMailGateway implements MailGateway {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingMailGateway.class);

  @Override
  public void send(MailMessage message) {
    LOG.info("Mail (no SMTP server configured) to={} subject={}\n{}", message.to(), message.subject(), message.body());
  }
}
