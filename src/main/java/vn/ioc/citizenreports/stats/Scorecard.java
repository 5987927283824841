package vn.ioc.citizenreports.stats;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import vn.ioc.citizenreports.handling.ReportProcess;

/**
 * The city's figures and one row per unit, for reports received in [from, to), as of {@code at};
 * for one unit only its row, and no city.
 */
public record Scorecard(Instant from, Instant to, Instant at, UnitScore city, List<UnitScore> units) {

  /** Who may read scorecards and the SLA audit: leaders, the IOC and administrators. */
  public static final List<String> READERS = List.of(ReportProcess.GROUP_LEADERS, ReportProcess.GROUP_IOC, Groups.CAMUNDA_ADMIN);
}
