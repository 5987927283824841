package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.sla.SlaOutcome;

/**
 * Task_PublishResult: the IOC accepted the unit's answer, so its SLA outcome is fixed now (a
 * reopened report keeps the worse of its rounds), and the citizen's rating window opens (a
 * reopened report is rated afresh).
 */
@Component
class PublishResultDelegate implements JavaDelegate {

  private final SlaClock slaClock;

  PublishResultDelegate(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    SlaOutcome thisRound = slaClock.judge(
        variables.instant(ANSWERED_AT),
        variables.instant(ORIGINAL_DUE_AT),
        variables.instant(DUE_AT),
        variables.flag(EXTENDED));
    // after a reopen the unit's record is its worse round
    variables.setSlaOutcome(SlaClock.worse(variables.optionalOutcome(SLA_OUTCOME, SlaOutcome.class).orElse(null), thisRound));
    Instant now = EngineClock.now();
    variables.setInstant(PUBLISHED_AT, now);
    variables.setInstant(RATING_DUE_AT, slaClock.ratingDueAt(now, variables.slaPolicy()));
    variables.clear(RATING);
    variables.clear(RATING_COMMENT);
  }
}
