package vn.ioc.citizenreports.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.ioc.citizenreports.handling.Outcomes.Priority;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.sla.SlaOutcome;
import vn.ioc.citizenreports.sla.SlaPolicy;
import vn.ioc.citizenreports.sla.SlaPolicy.DayCounting;

/**
 * Typed access to the variables of {@code CitizenReportProcess}: the one place that knows their
 * names and types. Dates are stored as engine dates (Cockpit shows and filters them, timers read
 * them); dates submitted from Camunda Forms arrive as ISO-8601 strings and are parsed here.
 * A value a user submitted that does not fit is {@link InvalidInput}: Tasklist shows its message
 * and the REST API answers 400.
 */
public final class ReportVariables {

  // the report
  public static final String REPORT_ID = "reportId";
  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";
  public static final String WARD_CODE = "wardCode";
  /** The ward's district, from the reference data: an input of the routing decision. */
  public static final String DISTRICT_CODE = "districtCode";
  public static final String ADDRESS = "address";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String CHANNEL = "channel";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REPORTER_PHONE = "reporterPhone";
  public static final String REPORTER_EMAIL = "reporterEmail";
  public static final String SUBMITTED_AT = "submittedAt";
  /** Markdown: the photos and videos sent with the report, shown in the staff's forms. */
  public static final String EVIDENCE = "evidence";
  /** Markdown: reports of the same category close by and recent, for the operator who verifies. */
  public static final String DUPLICATE_HINTS = "duplicateHints";
  // verification
  public static final String VERIFICATION = "verification";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String DUPLICATE_OF = "duplicateOf";
  public static final String VERIFICATION_NOTE = "verificationNote";
  public static final String PRIORITY = "priority";
  public static final String UNIT_OVERRIDE = "unitOverride";
  public static final String VERIFIED_AT = "verifiedAt";
  // routing and SLA
  public static final String ROUTED_UNIT_ID = "routedUnitId";
  public static final String UNIT_ID = "unitId";
  public static final String DECLINED_UNIT_ID = "declinedUnitId";
  public static final String REROUTE_NOTE = "rerouteNote";
  public static final String SLA_POLICY = "slaPolicy";
  public static final String ASSIGNED_AT = "assignedAt";
  public static final String DUE_AT = "dueAt";
  /** dueAt in Vietnamese, for forms: Tasklist shows engine dates as bare ISO strings. */
  public static final String DUE_AT_TEXT = "dueAtText";
  public static final String ORIGINAL_DUE_AT = "originalDueAt";
  public static final String REMINDER_AT = "reminderAt";
  public static final String REPRIMAND_AT = "reprimandAt";
  public static final String OVERDUE = "overdue";
  public static final String EXTENDED = "extended";
  public static final String EXTENSION_COUNT = "extensionCount";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String REMINDER_SENT = "reminderSent";
  /** On an escalation's own branch: the unit that was late, whatever unit has the report now. */
  public static final String ESCALATED_UNIT_ID = "escalatedUnitId";
  /** On an escalation's own branch: the deadline that unit missed, in Vietnamese. */
  public static final String ESCALATED_DUE_AT_TEXT = "escalatedDueAtText";
  /** The unit the SLA flags (overdue, escalationLevel, slaOutcome) belong to. */
  public static final String ASSIGNED_UNIT_ID = "assignedUnitId";
  public static final String URGE_NOTE = "urgeNote";
  public static final String REPRIMAND_NOTE = "reprimandNote";
  // the unit's answer
  public static final String HANDLING = "handling";
  public static final String RESULT_TEXT = "resultText";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String PROPOSED_DUE_AT = "proposedDueAt";
  public static final String RETURN_REASON = "returnReason";
  public static final String ANSWERED_AT = "answeredAt";
  // the IOC's reviews
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_NOTE = "extensionNote";
  public static final String RESULT_DECISION = "resultDecision";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String COMPLAINT_DECISION = "complaintDecision";
  public static final String COMPLAINT_NOTE = "complaintNote";
  // result and rating
  public static final String SLA_OUTCOME = "slaOutcome";
  public static final String PUBLISHED_AT = "publishedAt";
  public static final String RATING_DUE_AT = "ratingDueAt";
  public static final String RATING = "rating";
  public static final String RATING_COMMENT = "ratingComment";
  public static final String RATED_AT = "ratedAt";
  public static final String CLOSED_AT = "closedAt";

  private final VariableScope scope;

  private ReportVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ReportVariables of(VariableScope scope) {
    return new ReportVariables(scope);
  }

  /** The variables a new process starts with, from the stored report (ward null when it gave coordinates only). */
  public static Map<String, Object> forNewReport(Report report, Ward ward) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REPORT_ID, report.id());
    variables.put(CATEGORY, report.category());
    variables.put(DESCRIPTION, report.description());
    variables.put(WARD_CODE, report.wardCode());
    variables.put(DISTRICT_CODE, ward == null ? null : ward.districtCode());
    variables.put(ADDRESS, report.address());
    variables.put(LATITUDE, report.latitude());
    variables.put(LONGITUDE, report.longitude());
    variables.put(CHANNEL, report.channel().name());
    variables.put(REPORTER_NAME, report.reporter().name());
    variables.put(REPORTER_PHONE, report.reporter().phone());
    variables.put(REPORTER_EMAIL, report.reporter().email());
    variables.put(SUBMITTED_AT, Date.from(report.submittedAt()));
    variables.put(PRIORITY, Priority.NORMAL.name());
    return variables;
  }

  // ---- plain values

  public Optional<String> reportId() {
    return text(REPORT_ID);
  }

  public String category() {
    return required(CATEGORY);
  }

  public String wardCode() {
    return required(WARD_CODE);
  }

  public String unitId() {
    return required(UNIT_ID);
  }

  public Optional<String> text(String name) {
    Object value = scope.getVariable(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
  }

  /** A text the user had to give. */
  public String required(String name) {
    return text(name).orElseThrow(() -> new InvalidInput(name, "is required"));
  }

  public Object get(String name) {
    return scope.getVariable(name);
  }

  /** A text a user submitted, or null; anything but text is refused. */
  public String submittedText(String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidInput(name, "must be text, not " + value);
  }

  /** A number a user submitted, or null; text that is no number is refused. */
  public Double submittedNumber(String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Number) {
      return value == null ? null : ((Number) value).doubleValue();
    }
    try {
      return Double.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, "must be a number, not '" + value + "'");
    }
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }

  // ---- outcomes

  /** An outcome the user had to choose, one of the enum's constants. */
  public <E extends Enum<E>> E outcome(String name, Class<E> values) {
    String value = required(name);
    try {
      return Enum.valueOf(values, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(name, "must be one of " + Arrays.toString(values.getEnumConstants())
          + ", not '" + value + "'");
    }
  }

  public <E extends Enum<E>> Optional<E> optionalOutcome(String name, Class<E> values) {
    return text(name).map(value -> outcome(name, values));
  }

  public void setOutcome(String name, Enum<?> value) {
    scope.setVariable(name, value == null ? null : value.name());
  }

  /** Empties an outcome so that the next form starts blank instead of showing the last answer. */
  public void clear(String name) {
    if (scope.hasVariable(name)) {
      scope.setVariable(name, null);
    }
  }

  // ---- dates

  /** Dates only the process sets; a task (through the REST API) must not replace them. */
  private static final List<String> KEPT_BY_PROCESS = List.of(
      SUBMITTED_AT, ASSIGNED_AT, DUE_AT, ORIGINAL_DUE_AT, REMINDER_AT, REPRIMAND_AT, ANSWERED_AT, PUBLISHED_AT, RATING_DUE_AT);

  /** Refuses a task completion that replaced a date the process keeps. */
  public void checkKeptByProcess() {
    for (String name : KEPT_BY_PROCESS) {
      if (scope.getVariable(name) != null) {
        instant(name);
      }
    }
  }

  /** A date the process keeps; a task that replaced it with something else is refused. */
  public Instant instant(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new InvalidInput(name, "is kept by the process and must not be set by a task (was " + value + ")");
  }

  public Optional<Instant> optionalInstant(String name) {
    return scope.getVariable(name) == null ? Optional.empty() : Optional.of(instant(name));
  }

  public void setInstant(String name, Instant value) {
    scope.setVariable(name, value == null ? null : Date.from(value));
  }

  /** The unit's current deadline, and its text for people. */
  public void setDueAt(Instant dueAt) {
    setInstant(DUE_AT, dueAt);
    scope.setVariable(DUE_AT_TEXT, SlaClock.vietnamese(dueAt));
  }

  /**
   * A date a user submitted: {@code 2026-12-01} from a date field (the end of that day in Vietnam),
   * an ISO date-time with or without offset (Vietnam time), or an engine date.
   */
  public Instant submittedDate(String name, SlaClock clock) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = required(name);
    try {
      if (text.length() == 10) {
        return clock.endOf(LocalDate.parse(text));
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException noOffset) {
        return LocalDateTime.parse(text).atZone(SlaClock.VIETNAM).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name, "is not a date (YYYY-MM-DD): '" + text + "'");
    }
  }

  // ---- SLA state

  public SlaPolicy slaPolicy() {
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) scope.getVariable(SLA_POLICY);
    if (policy == null) {
      throw new IllegalStateException("No SLA policy: decision SlaPolicy did not run or matched no rule");
    }
    return new SlaPolicy(
        number(policy, "responseDays"),
        // reports started before the policy said how days count were counted in calendar days
        policy.get("countedIn") == null ? DayCounting.CALENDAR_DAYS : DayCounting.valueOf((String) policy.get("countedIn")),
        number(policy, "reminderHoursBefore"),
        number(policy, "reprimandDaysAfter"),
        number(policy, "ratingWindowDays"),
        number(policy, "maxExtensions"),
        number(policy, "maxExtensionDays"));
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public int count(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  public void setSlaOutcome(SlaOutcome outcome) {
    scope.setVariable(SLA_OUTCOME, outcome == null ? null : outcome.name());
  }

  private static int number(Map<String, Object> policy, String key) {
    if (policy.get(key) instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalStateException("SLA policy has no number '" + key + "': " + policy);
  }
}
