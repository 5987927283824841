package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.RejectionReason;
import vn.ioc.citizenreports.report.ReportProgress;

/** Reads a report's progress from the engine's history; hands ratings to the waiting process. */
@Component
class ProcessReportProgress implements ReportProgress {

  private static final String[] SHOWN = {VERIFICATION, VERIFIED_AT, REJECTION_REASON, DUPLICATE_OF, UNIT_ID, ASSIGNED_AT,
      DUE_AT, EXTENDED, ANSWERED_AT, RESULT_TEXT, PUBLISHED_AT, RATING_DUE_AT, RATING, RATED_AT, CLOSED_AT};

  private final HistoryService historyService;
  private final RuntimeService runtimeService;

  ProcessReportProgress(HistoryService historyService, RuntimeService runtimeService) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
  }

  @Override
  public Optional<Progress> of(String reportId) {
    HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ReportProcess.KEY).processInstanceBusinessKey(reportId).singleResult();
    if (process == null) {
      return Optional.empty();
    }
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(process.getId()).variableNameIn(SHOWN).list()) {
      v.put(variable.getName(), variable.getValue());
    }
    String verification = (String) v.get(VERIFICATION);
    return Optional.of(new Progress(
        state(process, v),
        instant(v, VERIFIED_AT),
        "INVALID".equals(verification) ? RejectionReason.valueOf((String) v.get(REJECTION_REASON)).text() : null,
        "DUPLICATE".equals(verification) ? (String) v.get(DUPLICATE_OF) : null,
        (String) v.get(UNIT_ID),
        instant(v, ASSIGNED_AT),
        instant(v, DUE_AT),
        Boolean.TRUE.equals(v.get(EXTENDED)),
        instant(v, ANSWERED_AT),
        (String) v.get(RESULT_TEXT),
        instant(v, PUBLISHED_AT),
        instant(v, RATING_DUE_AT),
        (String) v.get(RATING),
        instant(v, RATED_AT),
        instant(v, CLOSED_AT)));
  }

  @Override
  public boolean rate(String reportId, String rating, String comment) {
    if (!awaitingRating(reportId)) {
      return false;
    }
    try {
      runtimeService.createMessageCorrelation(ReportProcess.MESSAGE_REPORT_RATED)
          .processInstanceBusinessKey(reportId)
          .setVariable(RATING, rating)
          .setVariable(RATING_COMMENT, comment)
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException rated) {
      // someone rated first, or the window closed meanwhile
      return false;
    }
  }

  private String state(HistoricProcessInstance process, Map<String, Object> v) {
    if (process.getEndTime() != null) {
      return "EndEvent_ReportRejected".equals(process.getEndActivityId()) ? "REJECTED" : "CLOSED";
    }
    if (awaitingRating(process.getBusinessKey())) {
      return "AWAITING_RATING";
    }
    return v.get(VERIFIED_AT) == null ? "RECEIVED" : "IN_PROGRESS";
  }

  private boolean awaitingRating(String reportId) {
    return runtimeService.createExecutionQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(reportId).activityId(ReportProcess.TASK_AWAIT_RATING).count() > 0;
  }

  private static Instant instant(Map<String, Object> v, String name) {
    return v.get(name) instanceof Date date ? date.toInstant() : null;
  }
}
