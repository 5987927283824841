package vn.ioc.citizenreports.stats;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended reports as rows of {@code report}, written by one {@code INSERT … SELECT generate_series}
 * on PostgreSQL, with outcomes and ratings close to Huế's published figures, across 226 units.
 * Only the report rows: no engine history. They are written in the order they were submitted, as
 * the application writes them: written in any other order, the table's indexes on the submission
 * time grow a quarter larger and lie scattered on disk, which no real table does (a year's
 * overdue list took 330 ms instead of 190 ms; docs/BENCHMARKS.md, Queues and audit).
 */
public final class EndedReports {

  private EndedReports() {
  }

  /**
   * {@code reports} reports submitted over {@code days} days from {@code firstDay} (Vietnam time),
   * ids {@code idPrefix} and nine digits.
   */
  public static void insert(JdbcClient jdbc, String idPrefix, int reports, String firstDay, int days) {
    // 51% on time, 44% late with an extension, 5% late; 78% satisfied, 14% unsatisfied, 8% no rating;
    // handling times of 1 to 14 days; 1 in 40 reprimanded
    jdbc.sql("""
        INSERT INTO report (id, category, description, ward_code, channel, submitted_at, unit_id, assigned_at, due_at,
                            extended, escalation_level, ineligible, answered_at, published_at, sla_outcome,
                            handling_seconds, rating, closed_at)
        SELECT :prefix || lpad(n::text, 9, '0'), 'ROAD_DAMAGE', 'Ổ gà', '19869', 'APP',
               submitted, 'unit' || (n % 226), submitted, submitted + interval '7 days',
               n % 100 BETWEEN 51 AND 94, CASE WHEN n % 40 = 0 THEN 2 ELSE 0 END, false,
               submitted + handling, submitted + handling,
               CASE WHEN n % 100 < 51 THEN 'ON_TIME' WHEN n % 100 < 95 THEN 'LATE_WITH_EXTENSION' ELSE 'LATE' END,
               extract(epoch FROM handling)::bigint,
               CASE WHEN n % 50 < 39 THEN 'SATISFIED' WHEN n % 50 < 46 THEN 'UNSATISFIED' ELSE 'NONE' END,
               submitted + handling + interval '7 days'
        FROM generate_series(1, :reports) AS n,
             LATERAL (SELECT (CAST(:firstDay AS date) + (n % :days)) AT TIME ZONE 'Asia/Ho_Chi_Minh'
                               + (n % 86400) * interval '1 second' AS submitted,
                             (1 + n % 14) * interval '1 day' AS handling) AS t
        ORDER BY submitted, n""")
        .param("prefix", idPrefix).param("reports", reports).param("firstDay", firstDay).param("days", days)
        .update();
  }
}
