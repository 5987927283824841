package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.RejectionReason;
import vn.ioc.citizenreports.notification.Notification;
import vn.ioc.citizenreports.notification.NotificationService;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.report.TrackingTokens;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * The send tasks: the local variable {@code notification} names which mail. It only puts the mail
 * in the outbox; sending is MailDelivery's job, so a mail server that is down stops nothing here.
 */
@Component
class NotifyDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final ReferenceData reference;
  private final TrackingTokens tokens;

  NotifyDelegate(NotificationService notifications, ReferenceData reference, TrackingTokens tokens) {
    this.notifications = notifications;
    this.reference = reference;
    this.tokens = tokens;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notification notification = Notification.valueOf((String) execution.getVariableLocal("notification"));
    ReportVariables variables = ReportVariables.of(execution);
    Map<String, Object> facts = facts(variables);
    // escalation mails concern the unit that was late and the deadline it missed, on their own branch
    variables.text(ESCALATED_UNIT_ID).ifPresent(unit -> facts.put("unitId", unit));
    variables.text(ESCALATED_DUE_AT_TEXT).ifPresent(missed -> facts.put("dueAtText", missed));
    notifications.send(notification, variables.reportId().orElseThrow(), facts);
  }

  private Map<String, Object> facts(ReportVariables variables) {
    Map<String, Object> facts = new HashMap<>();
    String reportId = variables.reportId().orElseThrow();
    facts.put("reportId", reportId);
    facts.put("trackingToken", tokens.tokenFor(reportId));
    facts.put("unitId", variables.text(UNIT_ID).orElse(null));
    facts.put("reporterName", variables.text(REPORTER_NAME).orElse("bạn"));
    facts.put("reporterEmail", variables.text(REPORTER_EMAIL).orElse(null));
    facts.put("categoryName", reference.category(variables.category()).map(Category::nameVi).orElse(variables.category()));
    String wardCode = variables.text(WARD_CODE).orElse(null);
    facts.put("wardName", reference.ward(wardCode).map(Ward::name).orElse(wardCode == null ? "" : wardCode));
    facts.put("address", variables.text(ADDRESS).orElse(""));
    facts.put("description", variables.text(DESCRIPTION).orElse(""));
    facts.put("dueAtText", variables.optionalInstant(DUE_AT).map(SlaClock::vietnamese).orElse(null));
    facts.put("ratingDueAtText", variables.optionalInstant(RATING_DUE_AT).map(SlaClock::vietnamese).orElse(null));
    facts.put("rejectionReasonText", variables.optionalOutcome(REJECTION_REASON, RejectionReason.class)
        .map(RejectionReason::text).orElse("Nội dung đã được phản ánh trước đó"));
    facts.put("duplicateOf", variables.text(DUPLICATE_OF).orElse(null));
    facts.put("verificationNote", variables.text(VERIFICATION_NOTE).orElse(null));
    facts.put("urgeNote", variables.text(URGE_NOTE).orElse(null));
    facts.put("reprimandNote", variables.text(REPRIMAND_NOTE).orElse(null));
    facts.put("resultText", variables.text(RESULT_TEXT).orElse(null));
    return facts;
  }
}
