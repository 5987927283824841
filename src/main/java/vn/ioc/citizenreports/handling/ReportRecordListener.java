package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Rating;
import vn.ioc.citizenreports.handling.Outcomes.Verification;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.report.SlaRecord;

/**
 * Copies where a report stands into its row, for the scorecards, at the start and end of each
 * task of the report process (ReportRecordPlugin puts it there). The escalation branches run
 * beside the main path: they write only the escalation level, so that they never put back an
 * older view of the report's main path.
 */
@Component
public class ReportRecordListener implements ExecutionListener {

  /** The escalation branches' steps that raise the level; their other steps change nothing recorded. */
  static final Set<String> RAISES_ESCALATION = Set.of("Task_MarkOverdue", "Task_MarkReprimanded");
  static final Set<String> ESCALATION_BRANCH = Set.of("Task_RemindUnit", "Task_UrgeUnit", "Task_NotifyUnitUrged",
      "Task_NotifyLeadersReprimand", "Task_ReprimandUnit", "Task_NotifyUnitReprimanded");
  private static final Set<String> RATINGS = Set.of(Rating.SATISFIED.name(), Rating.UNSATISFIED.name(), Rating.NONE.name());

  private final ReportRepository reports;

  public ReportRecordListener(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    ReportVariables variables = ReportVariables.of(execution);
    String reportId = execution.getProcessBusinessKey();
    if (RAISES_ESCALATION.contains(activity)) {
      reports.recordEscalation(reportId, variables.text(ASSIGNED_UNIT_ID).orElse(null), variables.count(ESCALATION_LEVEL));
      return;
    }
    if (ESCALATION_BRANCH.contains(activity)) {
      return;
    }
    Instant assignedAt = date(execution, ASSIGNED_AT);
    Instant publishedAt = date(execution, PUBLISHED_AT);
    // after a reopen the earlier publication is history: the report is in progress again
    boolean published = publishedAt != null && (assignedAt == null || publishedAt.isAfter(assignedAt));
    String verification = variables.text(VERIFICATION).orElse("");
    String rating = variables.text(RATING).filter(RATINGS::contains).orElse(null);
    reports.record(new SlaRecord(
        reportId,
        execution.getProcessInstanceId(),
        variables.text(ASSIGNED_UNIT_ID).orElse(null),
        assignedAt,
        date(execution, DUE_AT),
        variables.flag(EXTENDED),
        variables.count(ESCALATION_LEVEL),
        verification.equals(Verification.INVALID.name()) || verification.equals(Verification.DUPLICATE.name()),
        published ? date(execution, ANSWERED_AT) : null,
        published ? publishedAt : null,
        published ? variables.text(SLA_OUTCOME).orElse(null) : null,
        published ? rating : null,
        date(execution, CLOSED_AT)));
  }

  /** A date the process keeps, or null: a record is no place to refuse a value. */
  private static Instant date(DelegateExecution execution, String name) {
    return execution.getVariable(name) instanceof Date date ? date.toInstant() : null;
  }
}
