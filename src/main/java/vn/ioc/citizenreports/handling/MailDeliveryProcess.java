package vn.ioc.citizenreports.handling;

/** Names in {@code processes/MailDelivery.bpmn}: one instance per mail, business key = the report (or digest) id. */
public final class MailDeliveryProcess {

  public static final String KEY = "MailDelivery";
  public static final String TASK_SEND_MAIL = "Task_SendMail";

  public static final String MAIL_TO = "mailTo";
  public static final String MAIL_SUBJECT = "mailSubject";
  public static final String MAIL_BODY = "mailBody";
  public static final String NOTIFICATION = "notification";

  private MailDeliveryProcess() {}
}
