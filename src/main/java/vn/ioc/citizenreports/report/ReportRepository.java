package vn.ioc.citizenreports.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReportRepository {

  private static final Logger LOG = LoggerFactory.getLogger(ReportRepository.class);

  private final JdbcClient jdbc;

  public ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Report report) {
    Reporter reporter = report.reporter();
    jdbc.sql("""
            INSERT INTO report (id, category, description, ward_code, address, latitude,
                                longitude, channel, reporter_name, reporter_phone, reporter_email, submitted_at)
            VALUES (:id, :category, :description, :wardCode, :address, :latitude,
                    :longitude, :channel, :name, :phone, :email, :submittedAt)""")
        .param("id", report.id())
        .param("category", report.category())
        .param("description", report.description())
        .param("wardCode", report.wardCode())
        .param("address", report.address())
        .param("latitude", report.latitude())
        .param("longitude", report.longitude())
        .param("channel", report.channel().name())
        .param("name", reporter.name())
        .param("phone", reporter.phone())
        .param("email", reporter.email())
        .param("submittedAt", Timestamp.from(report.submittedAt()))
        .update();
  }

  /**
   * Keeps the report's SLA columns current; the process calls this around each of its steps. The
   * escalation level only rises for the same unit (the escalation branches raise it themselves).
   */
  public void record(SlaRecord record) {
    int updated = jdbc.sql("""
            UPDATE report SET process_instance_id = :processInstanceId, unit_id = :unitId, assigned_at = :assignedAt, due_at = :dueAt, extended = :extended,
                              escalation_level = CASE WHEN unit_id = :unitId
                                                      THEN GREATEST(escalation_level, :escalationLevel)
                                                      ELSE :escalationLevel END,
                              ineligible = :ineligible, answered_at = :answeredAt,
                              published_at = :publishedAt, sla_outcome = :slaOutcome, handling_seconds = :handlingSeconds,
                              rating = :rating, closed_at = :closedAt
            WHERE id = :id""")
        .param("id", record.reportId())
        .param("processInstanceId", record.processInstanceId(), Types.VARCHAR)
        .param("unitId", record.unitId(), Types.VARCHAR)
        .param("assignedAt", timestamp(record.assignedAt()), Types.TIMESTAMP)
        .param("dueAt", timestamp(record.dueAt()), Types.TIMESTAMP)
        .param("extended", record.extended())
        .param("escalationLevel", record.escalationLevel())
        .param("ineligible", record.ineligible())
        .param("answeredAt", timestamp(record.answeredAt()), Types.TIMESTAMP)
        .param("publishedAt", timestamp(record.publishedAt()), Types.TIMESTAMP)
        .param("slaOutcome", record.slaOutcome(), Types.VARCHAR)
        .param("handlingSeconds", record.answeredAt() == null || record.assignedAt() == null ? null
            : Duration.between(record.assignedAt(), record.answeredAt()).toSeconds(), Types.BIGINT)
        .param("rating", record.rating(), Types.VARCHAR)
        .param("closedAt", timestamp(record.closedAt()), Types.TIMESTAMP)
        .update();
    if (updated != 1) {
      LOG.warn("No report row {} to record its SLA standing in", record.reportId());
    }
  }

  /** The unit was urged (1) or is due a reprimand (2); a level already higher stays. */
  public void recordEscalation(String reportId, String unitId, int level) {
    jdbc.sql("""
            UPDATE report SET escalation_level = GREATEST(escalation_level, :level)
            WHERE id = :id AND unit_id = :unitId""")
        .param("id", reportId).param("unitId", unitId, Types.VARCHAR).param("level", level)
        .update();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** Records which report answered a submission made with this key; fails if the key is taken. */
  public void insertIdempotencyKey(String key, String requestHash, String reportId, Instant at) {
    jdbc.sql("""
            INSERT INTO idempotent_submission (idempotency_key, request_hash, report_id, created_at)
            VALUES (:key, :hash, :reportId, :at)""")
        .param("key", key).param("hash", requestHash).param("reportId", reportId).param("at", Timestamp.from(at))
        .update();
  }

  public record IdempotentSubmission(String requestHash, String reportId) {}

  public Optional<IdempotentSubmission> findIdempotencyKey(String key) {
    return jdbc.sql("SELECT request_hash, report_id FROM idempotent_submission WHERE idempotency_key = :key")
        .param("key", key)
        .query((rs, row) -> new IdempotentSubmission(rs.getString("request_hash"), rs.getString("report_id")))
        .optional();
  }

  public void insertEvidence(Evidence evidence) {
    jdbc.sql("""
            INSERT INTO evidence (report_id, seq, file_name, content_type, size_bytes, sha256)
            VALUES (:reportId, :seq, :fileName, :contentType, :size, :sha256)""")
        .param("reportId", evidence.reportId()).param("seq", evidence.seq()).param("fileName", evidence.fileName())
        .param("contentType", evidence.contentType()).param("size", evidence.size()).param("sha256", evidence.sha256())
        .update();
  }

  public List<Evidence> evidenceOf(String reportId) {
    return jdbc.sql("SELECT * FROM evidence WHERE report_id = :id ORDER BY seq").param("id", reportId)
        .query((rs, row) -> new Evidence(rs.getString("report_id"), rs.getInt("seq"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")))
        .list();
  }

  /**
   * Reports of a category sent since a moment whose coordinates lie in a box (for duplicate
   * hints): the box keeps the search to a few rows however many reports the category holds.
   */
  public List<Report> withLocation(String category, Instant since, double south, double north, double west, double east) {
    return jdbc.sql("""
            SELECT * FROM report
            WHERE category = :category AND latitude BETWEEN :south AND :north AND longitude BETWEEN :west AND :east
              AND submitted_at >= :since""")
        .param("category", category).param("since", Timestamp.from(since))
        .param("south", south).param("north", north).param("west", west).param("east", east)
        .query(ReportRepository::map).list();
  }

  /** The IOC verified the report as valid: it may be published. */
  public void markVerified(String id, Instant at) {
    jdbc.sql("UPDATE report SET verified_at = :at WHERE id = :id AND verified_at IS NULL")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  public boolean isVerified(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM report WHERE id = :id AND verified_at IS NOT NULL").param("id", id)
        .query(Long.class).single() > 0;
  }

  /** Verified reports sent in [from, to), newest first, of some categories (all when empty), at most limit. */
  public List<Report> verifiedSentBetween(Instant from, Instant to, Collection<String> categories, int limit) {
    String byCategory = categories.isEmpty() ? "" : " AND category IN (:categories)";
    var query = jdbc.sql("SELECT * FROM report WHERE verified_at IS NOT NULL AND submitted_at >= :from AND submitted_at < :to"
            + byCategory + " ORDER BY submitted_at DESC, id DESC LIMIT :limit")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit);
    if (!categories.isEmpty()) {
      query = query.param("categories", List.copyOf(categories));
    }
    return query.query(ReportRepository::map).list();
  }

  public Optional<Report> find(String id) {
    return jdbc.sql("SELECT * FROM report WHERE id = :id").param("id", id).query(ReportRepository::map).optional();
  }

  public boolean exists(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM report WHERE id = :id").param("id", id).query(Long.class).single() > 0;
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM report").query(Long.class).single();
  }

  private static Report map(ResultSet rs, int row) throws SQLException {
    return new Report(
        rs.getString("id"),
        rs.getString("category"),
        rs.getString("description"),
        rs.getString("ward_code"),
        rs.getString("address"),
        rs.getObject("latitude", Double.class),
        rs.getObject("longitude", Double.class),
        Channel.valueOf(rs.getString("channel")),
        new Reporter(rs.getString("reporter_name"), rs.getString("reporter_phone"), rs.getString("reporter_email")),
        rs.getTimestamp("submitted_at").toInstant());
  }
}
