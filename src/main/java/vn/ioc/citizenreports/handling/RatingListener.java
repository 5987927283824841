package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Rating;

/** On the flow taken when message ReportRated arrived: a rating must be a citizen's verdict. */
@Component
class RatingListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    if (variables.outcome(RATING, Rating.class) == Rating.NONE) {
      throw new org.camunda.bpm.engine.BadUserRequestException("'rating' must be SATISFIED or UNSATISFIED");
    }
    variables.setInstant(RATED_AT, EngineClock.now());
  }
}
