package vn.ioc.citizenreports.handling;

/** Names in {@code processes/CitizenReportProcess.bpmn} that code and tests rely on. */
public final class ReportProcess {

  public static final String KEY = "CitizenReportProcess";
  public static final String MESSAGE_REPORT_RATED = "ReportRated";

  public static final String TASK_VERIFY_REPORT = "Task_VerifyReport";
  public static final String TASK_HANDLE_REPORT = "Task_HandleReport";
  public static final String TASK_REVIEW_EXTENSION = "Task_ReviewExtension";
  public static final String TASK_REROUTE_REPORT = "Task_RerouteReport";
  public static final String TASK_REVIEW_RESULT = "Task_ReviewResult";
  public static final String TASK_REVIEW_COMPLAINT = "Task_ReviewComplaint";
  public static final String TASK_URGE_UNIT = "Task_UrgeUnit";
  public static final String TASK_REPRIMAND_UNIT = "Task_ReprimandUnit";
  public static final String TASK_AWAIT_RATING = "Task_AwaitRating";

  public static final String TIMER_SLA_REMINDER = "BoundaryEvent_SlaReminder";
  public static final String TIMER_SLA_BREACHED = "BoundaryEvent_SlaBreached";
  public static final String TIMER_REPRIMAND_DUE = "BoundaryEvent_ReprimandDue";
  public static final String TIMER_RATING_WINDOW_CLOSED = "BoundaryEvent_RatingWindowClosed";

  /** Candidate groups besides the units, whose ids are the unit ids. */
  public static final String GROUP_IOC = "ioc";
  public static final String GROUP_PC_OFFICE = "pcoffice";
  public static final String GROUP_LEADERS = "leaders";
  public static final String GROUP_DESIGNERS = "designers";

  private ReportProcess() {}
}
