package vn.ioc.citizenreports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.database.ReportQueryPlans;

/**
 * On PostgreSQL the scorecard is one pass over the index report_audit, never over the table: a
 * year is a million reports nationally (docs/BENCHMARKS.md, Queues and audit). One unit's is a
 * pass over that unit's part of report_unit_audit.
 */
class ScorecardQueryPlanTest {

  private static final Map<String, Object> YEAR_2025 = Map.of("from", Instant.parse("2024-12-31T17:00:00Z"),
      "to", Instant.parse("2025-12-31T17:00:00Z"), "at", Instant.parse("2026-01-15T03:00:00Z"));
  private static ReportQueryPlans plans;

  @BeforeAll
  static void fourYearsOfReports() {
    plans = ReportQueryPlans.withReportsOf2022To2025(20_000, "report_audit", "report_unit_audit");
  }

  @AfterAll
  static void close() {
    plans.close();
  }

  @Test
  void theCityAndEveryUnitFromTheIndexAlone() {
    assertThat(plans.plan(ScorecardQuery.countsByHandlingHour(false), YEAR_2025))
        .contains("Index Only Scan using report_audit on report").doesNotContain("report_pkey");
  }

  @Test
  void oneUnitFromItsOwnIndexAlone() {
    Map<String, Object> params = new HashMap<>(YEAR_2025);
    params.put("unitId", "unit7");

    assertThat(plans.plan(ScorecardQuery.countsByHandlingHour(true), params))
        .contains("Index Only Scan using report_unit_audit on report").doesNotContain("report_pkey");
  }
}
