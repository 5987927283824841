package vn.ioc.citizenreports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ioc.citizenreports.database.ReportQueryPlans;

/**
 * On PostgreSQL a case list picks its page's ids and counts its cases from an index alone: a year's
 * list nationally holds hundreds of thousands of cases (docs/BENCHMARKS.md, Queues and audit). The
 * running cases, which come first, are read in deadline order from report_running_by_deadline, so a
 * first page is the first entries and nothing is sorted (a period with few of them, such as last
 * year, has them counted and sorted from report_running_by_submission); the ended ones in deadline
 * order from report_ended_by_deadline, from the period's start; one unit's from report_unit_audit,
 * which holds that unit's reports together. Counts read report_audit.
 */
class AuditCaseQueryPlanTest {

  private static final Instant AT = Instant.parse("2026-01-15T03:00:00Z");
  /**
   * Hidden where a list reads its running cases in deadline order: it does so when the period has
   * more than RUNNING_SORTED_AT_MOST of them, as a year has nationally; these few hundred the
   * planner would rather sort from this index.
   */
  private static final String FEW_RUNNING_INDEX = "report_running_by_submission";
  private static ReportQueryPlans plans;

  @BeforeAll
  static void fourYearsOfReports() {
    plans = ReportQueryPlans.withReportsOf2022To2025(20_000, "report_audit", "report_unit_audit",
        "report_running_by_deadline", "report_ended_by_deadline", "report_running_by_submission");
  }

  @AfterAll
  static void close() {
    plans.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"OVERDUE", "EXTENDED"})
  void theRunningCasesComeInDeadlineOrderFromTheirIndexUnsorted(String kind) {
    CaseFilter filter = CaseFilter.of(kind, "2025-01-01", "2025-12-31", null, null, null, null, null, null);

    String plan = plans.planWithout(FEW_RUNNING_INDEX, AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.RUNNING_BY_DEADLINE),
        params(filter, Map.of("max", 50, "first", 100)));

    assertThat(plan).contains("Index Only Scan using report_running_by_deadline on report")
        .contains("Index Cond: (due_at >= ").doesNotContain("Sort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OVERDUE", "EXTENDED"})
  void aPeriodsFewRunningCasesAreCountedAndSortedFromTheirOwnIndex(String kind) {
    // 2024, seen in January 2026: every running report is of 2025's last days
    CaseFilter filter = CaseFilter.of(kind, "2024-01-01", "2024-12-31", null, null, null, null, null, null);

    String count = plans.plan(AuditCaseQuery.runningCountSql(filter), params(filter, Map.of("atMost", 10_001)));
    String page = plans.plan(AuditCaseQuery.writtenIn(AuditCaseQuery.sortedPageIdsSql(filter,
        AuditCaseQuery.Part.RUNNING_BY_DEADLINE), filter, 0, 50), params(filter, Map.of()));

    assertThat(count).contains("Index Only Scan using report_running_by_submission on report")
        .contains("Index Cond: ((submitted_at >= ");
    assertThat(page).contains("Index Only Scan using report_running_by_submission on report")
        .contains("Index Cond: ((submitted_at >= ").contains("Sort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OVERDUE", "EXTENDED"})
  void theEndedCasesComeInDeadlineOrderFromThePeriodsStartUnsorted(String kind) {
    CaseFilter filter = CaseFilter.of(kind, "2024-01-01", "2024-12-31", null, null, null, null, null, null);

    String plan = plans.plan(AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.ENDED_BY_DEADLINE),
        params(filter, Map.of("max", 50, "first", 100)));

    assertThat(plan).contains("Index Only Scan using report_ended_by_deadline on report")
        .contains("Index Cond: (due_at >= ").doesNotContain("Sort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RUNNING_WITHOUT_DEADLINE:report_running_by_deadline",
      "ENDED_WITHOUT_DEADLINE:report_ended_by_deadline"})
  void casesWithoutADeadlineFromTheSameIndexes(String partAndIndex) {
    CaseFilter filter = CaseFilter.of("OVERDUE", "2025-01-01", "2025-12-31", null, null, null, null, null, null);
    AuditCaseQuery.Part part = AuditCaseQuery.Part.valueOf(partAndIndex.split(":")[0]);

    String plan = plans.plan(AuditCaseQuery.pageIdsSql(filter, part), params(filter, Map.of("max", 50, "first", 0)));

    assertThat(plan).contains("Index Only Scan using " + partAndIndex.split(":")[1] + " on report")
        .contains("Index Cond: (due_at IS NULL)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OVERDUE", "EXTENDED"})
  void theCountReadsTheIndexAlone(String kind) {
    CaseFilter filter = CaseFilter.of(kind, "2025-01-01", "2025-12-31", null, null, null, null, null, null);

    String plan = plans.plan(AuditCaseQuery.countSql(filter), params(filter, Map.of("atMost", 10_001)));

    assertThat(plan).contains("Index Only Scan using report_audit on report").doesNotContain("report_pkey");
  }

  @Test
  void aPageAsItRunsWithItsPeriodAndPagingWrittenIn() {
    CaseFilter filter = CaseFilter.of("OVERDUE", "2024-01-01", "2024-12-31", null, null, null, null, null, null);
    String sql = AuditCaseQuery.writtenIn(AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.ENDED_BY_DEADLINE),
        filter, 100, 50);

    assertThat(sql).doesNotContain(":from", ":to", ":max", ":first").contains(":at", "LIMIT 50 OFFSET 100");
    assertThat(plans.plan(sql, params(filter, Map.of()))).contains("Index Only Scan using report_ended_by_deadline on report")
        .contains("Index Cond: (due_at >= '2023-12-31 17:00:00+00'::timestamp with time zone)").doesNotContain("Sort");
  }

  @Test
  void aWardsAndACategorysCasesFromTheIndexAloneToo() {
    CaseFilter filter = CaseFilter.of("OVERDUE", "2025-01-01", "2025-12-31", null, "ROAD_DAMAGE", "19869", null, null, null);

    String count = plans.plan(AuditCaseQuery.countSql(filter), params(filter, Map.of("atMost", 10_001)));
    String running = plans.planWithout(FEW_RUNNING_INDEX, AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.RUNNING_BY_DEADLINE),
        params(filter, Map.of("max", 50, "first", 0)));
    String ended = plans.plan(AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.ENDED_BY_DEADLINE),
        params(filter, Map.of("max", 50, "first", 0)));

    assertThat(count).contains("Index Only Scan using report_audit on report").doesNotContain("report_pkey");
    assertThat(running).contains("Index Only Scan using report_running_by_deadline on report");
    assertThat(ended).contains("Index Only Scan using report_ended_by_deadline on report");
  }

  @Test
  void aUnitsOverdueCasesFromItsOwnIndexByOutcomeStateAndEscalationToo() {
    CaseFilter filter = CaseFilter.of("OVERDUE", "2025-01-01", "2025-12-31", "unit7", null, null, "2", "LATE", "ENDED");

    String count = plans.plan(AuditCaseQuery.countSql(filter), params(filter, Map.of("atMost", 10_001)));
    String page = plans.plan(AuditCaseQuery.pageIdsSql(filter, AuditCaseQuery.Part.ENDED_BY_DEADLINE),
        params(filter, Map.of("max", 50, "first", 0)));

    assertThat(count).contains("Index Only Scan using report_unit_audit on report").doesNotContain("report_pkey");
    assertThat(page).contains("Index Only Scan using report_unit_audit on report");
  }

  private static Map<String, Object> params(CaseFilter filter, Map<String, Object> paging) {
    Map<String, Object> params = new HashMap<>(paging);
    params.put("from", filter.period().from());
    params.put("to", filter.period().to());
    params.put("at", AT);
    putIfSet(params, "unitId", filter.unitId());
    putIfSet(params, "category", filter.category());
    putIfSet(params, "wardCode", filter.wardCode());
    putIfSet(params, "escalationLevel", filter.escalationLevel());
    putIfSet(params, "outcome", filter.outcome() == null ? null : filter.outcome().name());
    return params;
  }

  private static void putIfSet(Map<String, Object> params, String name, Object value) {
    if (value != null) {
      params.put(name, value);
    }
  }
}
