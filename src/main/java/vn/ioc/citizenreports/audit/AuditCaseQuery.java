package vn.ioc.citizenreports.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The overdue and extended cases, from the report rows the process keeps current: the same
 * columns the scorecard counts, so a list and its scorecard always agree. A year's list holds
 * hundreds of thousands of cases nationally, so a page's ids are chosen from an index alone and
 * only its rows are read from the table (db/vendor/postgresql: running cases by deadline from
 * report_running_by_deadline, V10_4, or a period's few from report_running_by_submission, V11_2;
 * ended ones by deadline from report_ended_by_deadline, V11_1, or one unit's from report_unit_audit,
 * V10_3), and the count stops at {@link #COUNTED_AT_MOST}.
 */
@Component
public class AuditCaseQuery {

  private static final String COLUMNS = """
      id, process_instance_id, category, ward_code, unit_id, submitted_at, assigned_at, due_at, extended,
      escalation_level, answered_at, published_at, sla_outcome, rating, closed_at""";
  private static final String PUBLISHED = "published_at IS NOT NULL";
  private static final String UNANSWERED = "published_at IS NULL AND due_at IS NOT NULL";
  /** Running cases first (those a leader can still act on), each group by deadline; the same on H2 and PostgreSQL. */
  private static final String ORDER = " ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, due_at NULLS LAST, id";
  private static final String BY_DEADLINE = " ORDER BY due_at NULLS LAST, id";

  /**
   * {@link #ORDER} as consecutive parts, each read in its order from an index of its own, so that no
   * page sorts a period's cases. Cases with a deadline are read from the period's start on: a
   * deadline never precedes its submission (V11), and without that bound an index would be read
   * from the oldest deadline ever.
   */
  enum Part {
    RUNNING_BY_DEADLINE(" AND closed_at IS NULL AND due_at >= :from"),
    RUNNING_WITHOUT_DEADLINE(" AND closed_at IS NULL AND due_at IS NULL"),
    ENDED_BY_DEADLINE(" AND closed_at IS NOT NULL AND due_at >= :from"),
    ENDED_WITHOUT_DEADLINE(" AND closed_at IS NOT NULL AND due_at IS NULL");

    private final String condition;

    Part(String condition) {
      this.condition = condition;
    }

    static List<Part> of(CaseFilter.State state) {
      if (state == null) {
        return List.of(values());
      }
      return state == CaseFilter.State.RUNNING ? List.of(RUNNING_BY_DEADLINE, RUNNING_WITHOUT_DEADLINE)
          : List.of(ENDED_BY_DEADLINE, ENDED_WITHOUT_DEADLINE);
    }
  }

  private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
      .withZone(ZoneOffset.UTC);

  /** Beyond this many cases a list says "more than"; the scorecard has the exact figures. */
  public static final int COUNTED_AT_MOST = 10_000;
  /** Up to this many running cases of a period are sorted; more are read in deadline order. */
  static final int RUNNING_SORTED_AT_MOST = 10_000;

  private final JdbcClient jdbc;

  public AuditCaseQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the cases, in {@link #ORDER}. */
  public List<AuditCase> page(CaseFilter filter, Instant at, int first, int max) {
    List<String> ids = pageIds(filter, at, first, max);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, AuditCase> rows = jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE id IN (:ids)").param("ids", ids)
        .query((row, n) -> auditCase(row, at)).list().stream()
        .collect(Collectors.toMap(AuditCase::reportId, Function.identity()));
    return ids.stream().map(rows::get).toList();
  }

  /**
   * The page's ids, running cases first: each part's ids in deadline order from its index (or a
   * period's few running cases sorted), so the first pages of a year's list read the running part
   * alone and no page sorts the ended cases.
   */
  private List<String> pageIds(CaseFilter filter, Instant at, int first, int max) {
    // a set: a report that closes between two parts' queries must not show twice
    Set<String> ids = new LinkedHashSet<>();
    int skipped = first;
    for (Part part : Part.of(filter.state())) {
      int wanted = max - ids.size();
      if (wanted <= 0) {
        break;
      }
      String sql = part == Part.RUNNING_BY_DEADLINE && fewRunning(filter, at)
          ? sortedPageIdsSql(filter, part) : pageIdsSql(filter, part);
      List<String> partIds = where(jdbc.sql(writtenIn(sql, filter, skipped, wanted)), filter, at)
          .query(String.class).list();
      ids.addAll(partIds);
      if (partIds.isEmpty() && skipped > 0) {
        // this part went on earlier pages, wholly: the next part skips only what is left
        skipped -= where(jdbc.sql(countSql(filter, part.condition)), filter, at).param("atMost", skipped)
            .query(Long.class).single().intValue();
      } else {
        skipped = 0;
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Whether the period has few running cases, as last year has. The planner takes a period to hold
   * its share of the running reports, though they are the recent ones, so for last year it would
   * read every running report in deadline order to find none; counted (from
   * report_running_by_submission, V11_2) and sorted, they take a few reads.
   */
  private boolean fewRunning(CaseFilter filter, Instant at) {
    return where(jdbc.sql(runningCountSql(filter)), filter, at).param("atMost", RUNNING_SORTED_AT_MOST + 1)
        .query(Long.class).single() <= RUNNING_SORTED_AT_MOST;
  }

  /**
   * A page's statement with its period and paging written in, not bound. After five executions of
   * a statement PostgreSQL may plan it once for any values, and that plan, blind to the period and
   * the page's size, sorts the period's running cases instead of reading the first in deadline
   * order (31 ms against 0.05 ms at a tenth of the benchmark's volume, 300,000 rows sorted at the
   * full volume). The moment stays bound, as the filter's own values (unit, category, ward) do: a
   * statement's text that changed with every request would crowd the engine's statements out of
   * the driver's cache of prepared statements, which the pool's connections share.
   */
  static String writtenIn(String sql, CaseFilter filter, int first, int max) {
    return sql.replaceAll(":from\\b", literal(filter.period().from()))
        .replaceAll(":to\\b", literal(filter.period().to()))
        .replaceAll(":max\\b", Integer.toString(max))
        .replaceAll(":first\\b", Integer.toString(first));
  }

  private static String literal(Instant instant) {
    return "TIMESTAMP WITH TIME ZONE '" + LITERAL.format(instant) + "'";
  }

  /** How many cases the filter finds, counted up to {@code atMost}. */
  public long count(CaseFilter filter, Instant at, int atMost) {
    return where(jdbc.sql(countSql(filter)), filter, at).param("atMost", atMost).query(Long.class).single();
  }

  // package-private, as writtenIn, for the test that checks their plans

  /** The ids of one part of the cases, from the filter's columns alone (an index-only scan on PostgreSQL). */
  static String pageIdsSql(CaseFilter filter, Part part) {
    return "SELECT id FROM report" + condition(filter) + part.condition + BY_DEADLINE + " LIMIT :max OFFSET :first";
  }

  /**
   * As {@link #pageIdsSql}, with the part's cases chosen first and then sorted: the subquery (kept
   * apart by its OFFSET 0) is planned without the order, so it reads the period's cases only.
   */
  static String sortedPageIdsSql(CaseFilter filter, Part part) {
    return "SELECT id FROM (SELECT id, due_at FROM report" + condition(filter) + part.condition + " OFFSET 0) part"
        + BY_DEADLINE + " LIMIT :max OFFSET :first";
  }

  static String countSql(CaseFilter filter) {
    return countSql(filter, state(filter.state()));
  }

  /** The count of {@link #fewRunning}. */
  static String runningCountSql(CaseFilter filter) {
    return countSql(filter, Part.RUNNING_BY_DEADLINE.condition);
  }

  private static String countSql(CaseFilter filter, String partCondition) {
    return "SELECT COUNT(*) FROM (SELECT id FROM report" + condition(filter) + partCondition + " LIMIT :atMost) counted";
  }

  /** Every case, one at a time, for an export. */
  void each(CaseFilter filter, Instant at, Consumer<AuditCase> consumer) {
    where(jdbc.sql("SELECT " + COLUMNS + " FROM report" + condition(filter) + state(filter.state()) + ORDER), filter, at)
        .query(row -> {
          consumer.accept(auditCase(row, at));
        });
  }

  private static String condition(CaseFilter filter) {
    StringBuilder sql = new StringBuilder(" WHERE submitted_at >= :from AND submitted_at < :to"
        + " AND unit_id IS NOT NULL AND NOT ineligible AND ");
    sql.append(switch (filter.kind()) {
      case OVERDUE -> "((" + UNANSWERED + " AND due_at < :at) OR sla_outcome IN ('LATE', 'LATE_WITH_EXTENSION')"
          + " OR escalation_level >= 1)";
      case EXTENDED -> "extended";
    });
    if (filter.unitId() != null) {
      sql.append(" AND unit_id = :unitId");
    }
    if (filter.category() != null) {
      sql.append(" AND category = :category");
    }
    if (filter.wardCode() != null) {
      sql.append(" AND ward_code = :wardCode");
    }
    if (filter.escalationLevel() != null) {
      sql.append(" AND escalation_level = :escalationLevel");
    }
    if (filter.outcome() != null) {
      sql.append(" AND ").append(switch (filter.outcome()) {
        case ON_TIME, LATE_WITH_EXTENSION, LATE -> PUBLISHED + " AND sla_outcome = :outcome";
        case IN_PROGRESS_ON_TIME -> UNANSWERED + " AND due_at >= :at";
        case IN_PROGRESS_OVERDUE -> UNANSWERED + " AND due_at < :at";
      });
    }
    return sql.toString();
  }

  private static String state(CaseFilter.State state) {
    if (state == null) {
      return "";
    }
    return state == CaseFilter.State.RUNNING ? " AND closed_at IS NULL" : " AND closed_at IS NOT NULL";
  }

  private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec sql, CaseFilter filter, Instant at) {
    sql = sql.param("from", Timestamp.from(filter.period().from())).param("to", Timestamp.from(filter.period().to()))
        .param("at", Timestamp.from(at));
    if (filter.unitId() != null) {
      sql = sql.param("unitId", filter.unitId());
    }
    if (filter.category() != null) {
      sql = sql.param("category", filter.category());
    }
    if (filter.wardCode() != null) {
      sql = sql.param("wardCode", filter.wardCode());
    }
    if (filter.escalationLevel() != null) {
      sql = sql.param("escalationLevel", filter.escalationLevel());
    }
    if (filter.outcome() != null) {
      sql = sql.param("outcome", filter.outcome().name());
    }
    return sql;
  }

  private static AuditCase auditCase(ResultSet row, Instant at) throws SQLException {
    Instant due = instant(row, "due_at");
    Instant answered = instant(row, "answered_at");
    Instant published = instant(row, "published_at");
    String outcome = published != null ? row.getString("sla_outcome")
        : due == null ? null
        : due.isBefore(at) ? CaseFilter.Outcome.IN_PROGRESS_OVERDUE.name() : CaseFilter.Outcome.IN_PROGRESS_ON_TIME.name();
    Instant answeredOrNow = published != null && answered != null ? answered : at;
    long hoursOverdue = due == null || !due.isBefore(answeredOrNow) ? 0 : Duration.between(due, answeredOrNow).toHours();
    return new AuditCase(row.getString("id"), row.getString("process_instance_id"), row.getString("category"),
        row.getString("ward_code"), row.getString("unit_id"), iso(row, "submitted_at"), iso(row, "assigned_at"),
        due == null ? null : due.toString(), row.getBoolean("extended"), row.getInt("escalation_level"),
        answered == null ? null : answered.toString(), published == null ? null : published.toString(), outcome,
        row.getString("rating"), row.getTimestamp("closed_at") == null, hoursOverdue);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String iso(ResultSet row, String column) throws SQLException {
    Instant instant = instant(row, column);
    return instant == null ? null : instant.toString();
  }
}
