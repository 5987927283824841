package vn.ioc.citizenreports.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scorecard as two aggregate queries over the report rows the process keeps current (the
 * same SQL on H2 and PostgreSQL): one for the city, one grouped by unit.
 */
@Component
public class ScorecardQuery {

  private static final String FIGURES = """
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
      AVG(CAST(handling_seconds AS DOUBLE PRECISION)) AS average_handling_seconds,
      PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY handling_seconds) AS p90_handling_seconds,
      SUM(CASE WHEN escalation_level >= 2 THEN 1 ELSE 0 END) AS reprimands
      """;
  private static final double SECONDS_PER_HOUR = 3600.0;

  private final JdbcClient jdbc;

  public ScorecardQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Reports received in [from, to); the in-progress split is as of {@code at}; unitId may be null. */
  public Scorecard scorecard(Instant from, Instant to, Instant at, String unitId) {
    String onlyUnit = unitId == null ? "" : " AND unit_id = :unitId";
    UnitScore city = withPeriod(jdbc.sql("SELECT CAST(NULL AS VARCHAR(40)) AS unit_id, " + FIGURES
        + " FROM report WHERE submitted_at >= :from AND submitted_at < :to" + onlyUnit), from, to, at, unitId)
        .query(ScorecardQuery::score).single();
    List<UnitScore> units = withPeriod(jdbc.sql("SELECT unit_id, " + FIGURES
        + " FROM report WHERE submitted_at >= :from AND submitted_at < :to AND unit_id IS NOT NULL" + onlyUnit
        + " GROUP BY unit_id ORDER BY unit_id"), from, to, at, unitId)
        .query(ScorecardQuery::score).list();
    return new Scorecard(from, to, at, city, units);
  }

  private static JdbcClient.StatementSpec withPeriod(JdbcClient.StatementSpec sql, Instant from, Instant to, Instant at,
      String unitId) {
    sql = sql.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("at", Timestamp.from(at));
    return unitId == null ? sql : sql.param("unitId", unitId);
  }

  private static UnitScore score(ResultSet row, int n) throws SQLException {
    long received = row.getLong("received");
    long ineligible = row.getLong("ineligible");
    long processed = row.getLong("processed");
    long eligible = received - ineligible;
    return new UnitScore(
        row.getString("unit_id"), received, processed,
        eligible == 0 ? null : Math.round(1000.0 * processed / eligible) / 10.0,
        row.getLong("on_time"), row.getLong("late_with_extension"), row.getLong("late"),
        row.getLong("in_progress_on_time"), row.getLong("in_progress_overdue"), ineligible,
        row.getLong("awaiting_verification"),
        row.getLong("satisfied"), row.getLong("unsatisfied"), row.getLong("no_rating"),
        hours(row, "average_handling_seconds"), hours(row, "p90_handling_seconds"),
        row.getLong("reprimands"));
  }

  private static Double hours(ResultSet row, String column) throws SQLException {
    double seconds = row.getDouble(column);
    return row.wasNull() ? null : Math.round(seconds / SECONDS_PER_HOUR * 10) / 10.0;
  }
}
