package vn.ioc.citizenreports.notification;

/**
 * Takes a mail to be sent later, in the caller's transaction: if the work that caused the mail is
 * rolled back, so is the mail. Sending happens in a step of its own, with retries.
 */
public interface MailOutbox {

  void enqueue(String reportId, Notification notification, MailMessage message);
}
