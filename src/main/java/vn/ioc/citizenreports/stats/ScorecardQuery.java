package vn.ioc.citizenreports.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scorecard from the report rows the process keeps current, in one aggregate query with the
 * same SQL on H2 and PostgreSQL: the counts by unit and whole hour of handling time, which Java adds
 * up by unit (and for the city: the units and the reports no unit has yet). The 90th percentile is
 * PERCENTILE_CONT's, over handling times in whole hours. One pass, not one per figure: a year is a
 * million reports nationally, and on PostgreSQL the pass reads the index report_audit
 * (db/vendor/postgresql/V10_2), which has every column named here (one unit's, report_unit_audit,
 * V10_3), and the table only for pages changed since they were last vacuumed.
 */
@Component
public class ScorecardQuery {

  private static final String COUNTS_BY_HANDLING_HOUR = """
      SELECT unit_id, handling_seconds / 3600 AS hours,
        COUNT(*) AS received,
        SUM(CASE WHEN published_at IS NOT NULL AND NOT ineligible THEN 1 ELSE 0 END) AS processed,
        SUM(CASE WHEN sla_outcome = 'ON_TIME' AND published_at IS NOT NULL THEN 1 ELSE 0 END) AS on_time,
        SUM(CASE WHEN sla_outcome = 'LATE_WITH_EXTENSION' AND published_at IS NOT NULL THEN 1 ELSE 0 END) AS late_with_extension,
        SUM(CASE WHEN sla_outcome = 'LATE' AND published_at IS NOT NULL THEN 1 ELSE 0 END) AS late,
        SUM(CASE WHEN unit_id IS NOT NULL AND published_at IS NULL AND NOT ineligible AND due_at >= :at THEN 1 ELSE 0 END) AS in_progress_on_time,
        SUM(CASE WHEN unit_id IS NOT NULL AND published_at IS NULL AND NOT ineligible AND due_at < :at THEN 1 ELSE 0 END) AS in_progress_overdue,
        SUM(CASE WHEN ineligible THEN 1 ELSE 0 END) AS ineligible,
        SUM(CASE WHEN unit_id IS NULL AND published_at IS NULL AND NOT ineligible THEN 1 ELSE 0 END) AS awaiting_verification,
        SUM(CASE WHEN rating = 'SATISFIED' THEN 1 ELSE 0 END) AS satisfied,
        SUM(CASE WHEN rating = 'UNSATISFIED' THEN 1 ELSE 0 END) AS unsatisfied,
        SUM(CASE WHEN rating = 'NONE' THEN 1 ELSE 0 END) AS no_rating,
        SUM(handling_seconds) AS handling_seconds,
        SUM(CASE WHEN escalation_level >= 2 THEN 1 ELSE 0 END) AS reprimands
      FROM report WHERE submitted_at >= :from AND submitted_at < :to%s
      GROUP BY unit_id, handling_seconds / 3600""";
  private static final double SECONDS_PER_HOUR = 3600.0;

  private final JdbcClient jdbc;

  public ScorecardQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Reports received in [from, to); the in-progress split is as of {@code at}; unitId may be null. */
  public Scorecard scorecard(Instant from, Instant to, Instant at, String unitId) {
    // the reports no unit has yet are the null unit: in the city's figures, in no unit's row
    Map<String, Counts> counts = new HashMap<>();
    Map<String, TreeMap<Long, Long>> hours = new HashMap<>();
    withPeriod(jdbc.sql(countsByHandlingHour(unitId != null)), from, to, at, unitId).query(row -> {
      Counts group = counts(row);
      counts.merge(group.unitId(), group, Counts::plus);
      if (group.handled() > 0) {
        hours.computeIfAbsent(group.unitId(), unit -> new TreeMap<>()).merge(row.getLong("hours"), group.handled(), Long::sum);
      }
    });

    Counts city = counts.values().stream().reduce(Counts.NONE, Counts::plus);
    TreeMap<Long, Long> cityHours = new TreeMap<>();
    hours.values().forEach(unitHours -> unitHours.forEach((hour, reports) -> cityHours.merge(hour, reports, Long::sum)));
    List<UnitScore> units = new ArrayList<>();
    counts.values().stream().filter(unit -> unit.unitId() != null)
        .sorted((a, b) -> a.unitId().compareTo(b.unitId()))
        .forEach(unit -> units.add(unit.score(hours.getOrDefault(unit.unitId(), new TreeMap<>()))));
    return new Scorecard(from, to, at, city.score(cityHours), units);
  }

  /** The one query, for one unit or all; package-private for the test that checks its plan. */
  static String countsByHandlingHour(boolean oneUnit) {
    return COUNTS_BY_HANDLING_HOUR.formatted(oneUnit ? " AND unit_id = :unitId" : "");
  }

  private static JdbcClient.StatementSpec withPeriod(JdbcClient.StatementSpec sql, Instant from, Instant to, Instant at,
      String unitId) {
    sql = sql.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("at", Timestamp.from(at));
    return unitId == null ? sql : sql.param("unitId", unitId);
  }

  /** One group of reports: one unit's with the same handling time in whole hours (none yet: handled is 0). */
  private static Counts counts(ResultSet row) throws SQLException {
    long received = row.getLong("received");
    long handled = row.getObject("hours") == null ? 0 : received;
    return new Counts(row.getString("unit_id"), received, row.getLong("processed"), row.getLong("on_time"),
        row.getLong("late_with_extension"), row.getLong("late"), row.getLong("in_progress_on_time"),
        row.getLong("in_progress_overdue"), row.getLong("ineligible"), row.getLong("awaiting_verification"),
        row.getLong("satisfied"), row.getLong("unsatisfied"), row.getLong("no_rating"), row.getLong("handling_seconds"),
        handled, row.getLong("reprimands"));
  }

  /** One group's sums; the city's is the sum of all groups. */
  private record Counts(String unitId, long received, long processed, long onTime, long lateWithExtension, long late,
      long inProgressOnTime, long inProgressOverdue, long ineligible, long awaitingVerification, long satisfied,
      long unsatisfied, long noRating, long handlingSeconds, long handled, long reprimands) {

    static final Counts NONE = new Counts(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sums of both, under this group's unit. */
    Counts plus(Counts other) {
      return new Counts(unitId, received + other.received, processed + other.processed, onTime + other.onTime,
          lateWithExtension + other.lateWithExtension, late + other.late, inProgressOnTime + other.inProgressOnTime,
          inProgressOverdue + other.inProgressOverdue, ineligible + other.ineligible,
          awaitingVerification + other.awaitingVerification, satisfied + other.satisfied, unsatisfied + other.unsatisfied,
          noRating + other.noRating, handlingSeconds + other.handlingSeconds, handled + other.handled,
          reprimands + other.reprimands);
    }

    UnitScore score(TreeMap<Long, Long> handlingHours) {
      long eligible = received - ineligible;
      return new UnitScore(unitId, received, processed, eligible == 0 ? null : tenth(100.0 * processed / eligible),
          onTime, lateWithExtension, late, inProgressOnTime, inProgressOverdue, ineligible, awaitingVerification,
          satisfied, unsatisfied, noRating, handled == 0 ? null : tenth(handlingSeconds / SECONDS_PER_HOUR / handled),
          percentile(handlingHours, 0.9), reprimands);
    }
  }

  /** PERCENTILE_CONT over values given as value → how many times it occurs. */
  static Double percentile(TreeMap<Long, Long> counts, double fraction) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    double position = fraction * (total - 1);
    long below = (long) Math.floor(position);
    Long lower = valueAt(counts, below);
    Long upper = valueAt(counts, (long) Math.ceil(position));
    return tenth(lower + (position - below) * (Objects.requireNonNull(upper) - lower));
  }

  private static Long valueAt(TreeMap<Long, Long> counts, long index) {
    long seen = 0;
    for (Map.Entry<Long, Long> value : counts.entrySet()) {
      seen += value.getValue();
      if (index < seen) {
        return value.getKey();
      }
    }
    return counts.lastKey();
  }

  private static double tenth(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
