package vn.ioc.citizenreports.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.ioc.citizenreports.stats.UnitScore;

/**
 * Units ranked by the share of their due reports answered on time, then by their citizens'
 * satisfaction. Only units that received at least a minimum of reports are ranked: a unit with
 * two reports, both on time, is not the city's best.
 */
final class UnitRanking {

  private UnitRanking() {
  }

  /**
   * @param onTimePercent on time out of the reports due so far (answered, or unanswered past their deadline)
   * @param satisfiedPercent satisfied out of the rated reports; null when none was rated
   */
  record RankedUnit(int rank, String unitId, long received, Double onTimePercent, Double satisfiedPercent) {
  }

  static List<RankedUnit> of(List<UnitScore> units, int minimumReceived) {
    List<UnitScore> ranked = units.stream()
        .filter(unit -> unit.received() >= minimumReceived && due(unit) > 0)
        .sorted(Comparator.comparingDouble(UnitRanking::onTimeShare).reversed()
            .thenComparing(Comparator.comparingDouble((UnitScore unit) -> satisfiedShare(unit, -1)).reversed())
            .thenComparing(Comparator.comparingLong(UnitScore::received).reversed())
            .thenComparing(UnitScore::unitId))
        .toList();
    List<RankedUnit> ranking = new ArrayList<>();
    for (UnitScore unit : ranked) {
      double satisfied = satisfiedShare(unit, -1);
      ranking.add(new RankedUnit(ranking.size() + 1, unit.unitId(), unit.received(), percent(onTimeShare(unit)),
          satisfied < 0 ? null : percent(satisfied)));
    }
    return ranking;
  }

  private static long due(UnitScore unit) {
    return unit.processed() + unit.inProgressOverdue();
  }

  private static double onTimeShare(UnitScore unit) {
    return (double) unit.onTime() / due(unit);
  }

  private static double satisfiedShare(UnitScore unit, double none) {
    long rated = unit.satisfied() + unit.unsatisfied();
    return rated == 0 ? none : (double) unit.satisfied() / rated;
  }

  private static double percent(double share) {
    return Math.round(share * 1000) / 10.0;
  }
}
