package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Rating;

/**
 * On the flow taken when message ReportRated arrived: a rating must be a citizen's verdict.
 * Ratings arrive by message correlation, where the REST API answers 400 for a
 * BadUserRequestException (not for InvalidInput).
 */
@Component
class RatingListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    Rating rating;
    try {
      rating = variables.outcome(RATING, Rating.class);
    } catch (InvalidInput e) {
      throw new BadUserRequestException(e.getMessage(), e);
    }
    if (rating == Rating.NONE) {
      throw new BadUserRequestException("'rating' must be SATISFIED or UNSATISFIED");
    }
    variables.setInstant(RATED_AT, EngineClock.now());
  }
}
