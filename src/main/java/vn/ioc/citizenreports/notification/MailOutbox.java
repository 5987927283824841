package vn.ioc.citizenreports.notification;

/**
 * Takes a mail to be sent later, in the caller's transaction: if the work that caused the mail is
 * rolled back, so is the mail. Sending happens in a step of its own, with retries.
 */
public interface MailOutbox {

  /** @param reference what the mail is about: a report id, or a digest's id */
  void enqueue(String reference, Notification notification, MailMessage message);
}
