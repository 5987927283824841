package vn.ioc.citizenreports.notification;

import java.util.Locale;

/** The mails the service sends; each has a template {@code mail/<name>.mustache}. */
public enum Notification {
  /** To the citizen: the report arrived, with its id and tracking link. */
  REPORT_RECEIVED(Recipient.CITIZEN),
  /** To the citizen: the report was not accepted, and why. */
  REPORT_REJECTED(Recipient.CITIZEN),
  /** To the unit: a report to handle, and its deadline. */
  UNIT_ASSIGNED(Recipient.UNIT),
  /** To the unit: the deadline is near. */
  UNIT_REMINDED(Recipient.UNIT),
  /** To the unit: the People's Committee office urges an answer. */
  UNIT_URGED(Recipient.UNIT),
  /** To the leaders: a unit is to be reprimanded. */
  UNIT_REPRIMAND_DUE(Recipient.LEADERS),
  /** To the unit: the leaders' reprimand. */
  UNIT_REPRIMANDED(Recipient.UNIT),
  /** To the citizen: the result, with a link to rate it. */
  RESULT_PUBLISHED(Recipient.CITIZEN),
  /** To a unit, each Monday: its overdue and soon-due reports. */
  UNIT_WEEKLY_DIGEST(Recipient.UNIT),
  /** To the leaders, each Monday: overdue and soon-due reports per unit. */
  LEADERS_WEEKLY_DIGEST(Recipient.LEADERS);

  public enum Recipient { CITIZEN, UNIT, LEADERS }

  private final Recipient recipient;

  Notification(Recipient recipient) {
    this.recipient = recipient;
  }

  public Recipient recipient() {
    return recipient;
  }

  String template() {
    return "mail/" + name().toLowerCase(Locale.ROOT) + ".mustache";
  }
}
