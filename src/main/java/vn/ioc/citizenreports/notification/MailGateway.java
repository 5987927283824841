package vn.ioc.citizenreports.notification;

/** Hands a mail to the mail server; throws when the server does not take it. */
public interface MailGateway {

  void send(MailMessage message);
}
