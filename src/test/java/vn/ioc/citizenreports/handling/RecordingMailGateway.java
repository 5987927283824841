package vn.ioc.citizenreports.handling;

import java.util.ArrayList;
import java.util.List;
import vn.ioc.citizenreports.notification.MailGateway;
import vn.ioc.citizenreports.notification.MailMessage;

/** A mail server for process tests: keeps what it was given, or refuses while it is "down". */
class RecordingMailGateway implements MailGateway {

  final List<MailMessage> sent = new ArrayList<>();
  boolean down;

  @Override
  public void send(MailMessage message) {
    if (down) {
      throw new IllegalStateException("SMTP server not reachable");
    }
    sent.add(message);
  }
}
