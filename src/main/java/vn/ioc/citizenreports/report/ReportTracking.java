package vn.ioc.citizenreports.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.report.PublicReport.Step;
import vn.ioc.citizenreports.report.ReportProgress.Progress;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * A citizen following and rating their report with the token from the receipt. A wrong token and
 * an unknown report look the same, so a token never tells whether a report exists.
 */
@Service
public class ReportTracking {

  public static final List<String> VERDICTS = List.of("SATISFIED", "UNSATISFIED");
  static final int MAX_COMMENT = 2000;

  private final ReportRepository reports;
  private final TrackingTokens tokens;
  private final ReportProgress progress;
  private final ReferenceData reference;
  private final UnitRegistry units;
  private final EvidenceStore evidenceStore;

  public ReportTracking(ReportRepository reports, TrackingTokens tokens, ReportProgress progress, ReferenceData reference,
      UnitRegistry units, EvidenceStore evidenceStore) {
    this.evidenceStore = evidenceStore;
    this.reports = reports;
    this.tokens = tokens;
    this.progress = progress;
    this.reference = reference;
    this.units = units;
  }

  /** The citizen's token, or the staff's evidence key, opens a report's evidence. */
  public boolean mayOpenEvidence(String reportId, String token, String evidenceKey) {
    return tokens.matches(reportId, token) || tokens.matchesEvidenceKey(reportId, evidenceKey);
  }

  public Optional<Evidence> evidence(String reportId, int seq) {
    return reports.evidenceOf(reportId).stream().filter(e -> e.seq() == seq).findFirst();
  }

  public Optional<Path> evidenceFile(String reportId, int seq) {
    return evidenceStore.file(reportId, seq);
  }

  /**
   * A report anyone may see (Open311 publishes them): only once the IOC verified it as valid, and
   * never who sent it. Reports not yet verified, rejected, or cancelled before verification stay private.
   */
  public Optional<PublicReport> published(String reportId) {
    if (!reports.isVerified(reportId)) {
      return Optional.empty();
    }
    return reports.find(reportId).map(report -> view(report, progress.of(reportId).orElse(null)));
  }

  /** Published reports sent in a period, newest first, at most {@code limit}. */
  public List<PublicReport> published(Instant from, Instant to, Collection<String> categories, int limit) {
    return reports.verifiedSentBetween(from, to, categories, limit).stream()
        .map(report -> view(report, progress.of(report.id()).orElse(null)))
        .toList();
  }

  public Optional<PublicReport> find(String reportId, String token) {
    if (!tokens.matches(reportId, token)) {
      return Optional.empty();
    }
    return reports.find(reportId).map(report -> view(report, progress.of(reportId).orElse(null)));
  }

  /** The outcome of a citizen's rating. */
  public enum RatingResult { RATED, NOT_FOUND, NOT_AWAITING_RATING }

  /**
   * @throws InvalidReportException for a verdict that is neither SATISFIED nor UNSATISFIED, or a
   *     comment that is too long
   */
  public RatingResult rate(String reportId, String token, String rating, String comment) {
    if (!tokens.matches(reportId, token) || !reports.exists(reportId)) {
      return RatingResult.NOT_FOUND;
    }
    List<InvalidReportException.FieldProblem> problems = new ArrayList<>();
    if (rating == null || !VERDICTS.contains(rating)) {
      problems.add(new InvalidReportException.FieldProblem("rating", "must be SATISFIED or UNSATISFIED"));
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      problems.add(new InvalidReportException.FieldProblem("comment", "is longer than " + MAX_COMMENT + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportException(problems);
    }
    return progress.rate(reportId, rating, comment == null ? "" : comment.strip())
        ? RatingResult.RATED : RatingResult.NOT_AWAITING_RATING;
  }

  private PublicReport view(Report report, Progress p) {
    List<Step> timeline = new ArrayList<>();
    timeline.add(new Step(report.submittedAt(), "Đã tiếp nhận phản ánh"));
    String state = p == null ? "RECEIVED" : p.state();
    String unitName = null;
    if (p != null) {
      unitName = units.find(p.unitId()).map(Unit::name).orElse(null);
      if (p.rejectionReason() != null || p.duplicateOf() != null) {
        add(timeline, p.verifiedAt(), p.duplicateOf() != null
            ? "Không tiếp nhận: trùng với phản ánh " + p.duplicateOf() : "Không tiếp nhận: " + p.rejectionReason());
      } else {
        add(timeline, p.verifiedAt(), "Đã xác minh");
      }
      if (unitName != null) {
        add(timeline, p.assignedAt(), "Đã giao " + unitName + " xử lý");
      }
      add(timeline, p.answeredAt(), "Đơn vị đã trả lời");
      add(timeline, p.publishedAt(), "Trung tâm đã công khai kết quả");
      add(timeline, p.ratedAt(), "SATISFIED".equals(p.rating()) ? "Người dân hài lòng" : "Người dân chưa hài lòng");
      add(timeline, p.closedAt(), "Đã đóng phản ánh");
    }
    timeline.sort(Comparator.comparing(Step::at));
    return new PublicReport(
        report.id(),
        report.category(),
        reference.category(report.category()).map(Category::nameVi).orElse(report.category()),
        report.wardCode(),
        reference.ward(report.wardCode()).map(Ward::name).orElse(report.wardCode()),
        report.address(),
        report.latitude(),
        report.longitude(),
        report.description(),
        report.submittedAt(),
        state,
        unitName,
        p == null ? null : p.dueAt(),
        p == null || p.publishedAt() == null ? null : p.resultText(),
        p == null ? null : p.rating(),
        "AWAITING_RATING".equals(state),
        timeline);
  }

  private static void add(List<Step> timeline, Instant at, String what) {
    if (at != null) {
      timeline.add(new Step(at, what));
    }
  }
}
