package vn.ioc.citizenreports.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.InvalidReportException.FieldProblem;

/** Checks, stores and starts reports, whichever way they came in. */
@Service
public class ReportIntakeService {

  static final int MAX_DESCRIPTION = 4000;
  /** Writes submissions as JSON to recognise a repeated one. */
  private static final ObjectMapper CANONICAL = new ObjectMapper();

  /** Where reports may come from: Thừa Thiên Huế's bounding box (a polygon would be tighter). */
  record Area(double south, double north, double west, double east) {
    boolean contains(double latitude, double longitude) {
      return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
  }

  static final Area PROVINCE = new Area(15.98, 16.75, 107.00, 108.22);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ReportRepository reports;
  private final ReportNumbers numbers;
  private final ReferenceData reference;
  private final ReportLifecycle lifecycle;
  private final TrackingTokens tokens;
  private final EvidenceStore evidence;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ReportIntakeService(ReportRepository reports, ReportNumbers numbers, ReferenceData reference,
      ReportLifecycle lifecycle, TrackingTokens tokens, EvidenceStore evidence, PlatformTransactionManager transactions,
      Clock clock) {
    this.reports = reports;
    this.numbers = numbers;
    this.reference = reference;
    this.lifecycle = lifecycle;
    this.tokens = tokens;
    this.evidence = evidence;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** A report from the public API: stored and started in one transaction, or neither. */
  public Receipt submit(ReportSubmission submission) {
    return submit(submission, null);
  }

  /**
   * As {@link #submit(ReportSubmission)}; with an idempotency key, a repeated submission gets the
   * first one's answer and starts nothing, even when the two arrive at once.
   *
   * @throws IdempotencyConflictException when the key was used for a different report
   */
  public Receipt submit(ReportSubmission submission, String idempotencyKey) {
    return submit(submission, idempotencyKey, List.of());
  }

  /**
   * As {@link #submit(ReportSubmission, String)}, with photos and videos. Everything is checked
   * before anything is stored; the files are written inside the report's transaction and removed
   * again if it fails, so a refused or failed submission leaves no file, row or process behind.
   */
  public Receipt submit(ReportSubmission submission, String idempotencyKey, List<Upload> uploads) {
    List<FieldProblem> problems = new ArrayList<>();
    Channel channel = check(submission, problems);
    List<String> types = evidence.check(uploads, problems);
    if (idempotencyKey != null) {
      checkKey(idempotencyKey, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportException(problems);
    }
    if (idempotencyKey == null) {
      return storeAndStart(submission, channel, uploads, types, null, null);
    }
    String requestHash = TrackingTokens.sha256(canonical(submission) + uploads.stream()
        .map(upload -> TrackingTokens.sha256(upload.content())).toList());
    Optional<Receipt> earlier = answered(idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return storeAndStart(submission, channel, uploads, types, idempotencyKey, requestHash);
    } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrentTwin) {
      // the same key won in another transaction, which rolled this one back whole
      return answered(idempotencyKey, requestHash).orElseThrow(() -> concurrentTwin);
    }
  }

  /** The submission as JSON: unambiguous, whatever the texts contain. */
  private static String canonical(ReportSubmission submission) {
    try {
      return CANONICAL.writeValueAsString(submission);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a submission as JSON", e);
    }
  }

  private Receipt storeAndStart(ReportSubmission submission, Channel channel, List<Upload> uploads, List<String> types,
      String idempotencyKey, String requestHash) {
    String[] written = new String[1];
    try {
      return transaction.execute(tx -> {
        Instant now = clock.instant();
        Report report = persist(submission, channel, now);
        written[0] = report.id();
        List<Evidence> files = evidence.write(report.id(), uploads, types);
        files.forEach(reports::insertEvidence);
        if (idempotencyKey != null) {
          reports.insertIdempotencyKey(idempotencyKey, requestHash, report.id(), now);
        }
        lifecycle.start(report, files);
        return new Receipt(report.id(), tokens.tokenFor(report.id()));
      });
    } catch (RuntimeException failed) {
      if (written[0] != null) {
        evidence.delete(written[0]);
      }
      throw failed;
    }
  }

  private Optional<Receipt> answered(String idempotencyKey, String requestHash) {
    return reports.findIdempotencyKey(idempotencyKey).map(earlier -> {
      if (!earlier.requestHash().equals(requestHash)) {
        throw new IdempotencyConflictException(idempotencyKey);
      }
      return new Receipt(earlier.reportId(), tokens.tokenFor(earlier.reportId()));
    });
  }

  private static void checkKey(String key, List<FieldProblem> problems) {
    if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      problems.add(new FieldProblem("Idempotency-Key", "must be 1 to 100 printable ASCII characters without spaces"));
    }
  }

  /**
   * A report whose process is already starting (an operator used Tasklist's start form): only
   * checked and stored, in the process's transaction.
   */
  @Transactional
  public Recorded record(ReportSubmission submission, Instant submittedAt) {
    return store(submission, submittedAt);
  }

  public record Recorded(Report report, Receipt receipt) {}

  private Recorded store(ReportSubmission submission, Instant submittedAt) {
    List<FieldProblem> problems = new ArrayList<>();
    Channel channel = check(submission, problems);
    if (!problems.isEmpty()) {
      throw new InvalidReportException(problems);
    }
    Report report = persist(submission, channel, submittedAt);
    return new Recorded(report, new Receipt(report.id(), tokens.tokenFor(report.id())));
  }

  private Report persist(ReportSubmission submission, Channel channel, Instant submittedAt) {
    Reporter reporter = submission.reporter() == null ? Reporter.ANONYMOUS : trimmed(submission.reporter());
    Report report = new Report(
        numbers.next(submittedAt),
        submission.category().trim(),
        submission.description().strip(),
        blankToNull(submission.wardCode()),
        blankToNull(submission.address()),
        submission.latitude(),
        submission.longitude(),
        channel,
        reporter,
        submittedAt);
    reports.insert(report);
    return report;
  }

  private Channel check(ReportSubmission s, List<FieldProblem> problems) {
    if (isBlank(s.category())) {
      problems.add(new FieldProblem("category", "is required"));
    } else if (reference.category(s.category().trim()).isEmpty()) {
      problems.add(new FieldProblem("category", "unknown category '" + s.category() + "'"));
    }
    if (isBlank(s.description())) {
      problems.add(new FieldProblem("description", "is required"));
    } else if (s.description().length() > MAX_DESCRIPTION) {
      problems.add(new FieldProblem("description", "is longer than " + MAX_DESCRIPTION + " characters"));
    }
    boolean located = s.latitude() != null && s.longitude() != null;
    if (isBlank(s.wardCode())) {
      if (!located) {
        problems.add(new FieldProblem("wardCode", "is required, unless latitude and longitude are given"));
      }
    } else if (reference.ward(s.wardCode().trim()).isEmpty()) {
      problems.add(new FieldProblem("wardCode", "unknown ward '" + s.wardCode() + "'"));
    }
    if ((s.latitude() == null) != (s.longitude() == null)) {
      problems.add(new FieldProblem(s.latitude() == null ? "latitude" : "longitude", "is required with the other coordinate"));
    } else if (located && !PROVINCE.contains(s.latitude(), s.longitude())) {
      problems.add(new FieldProblem("latitude", "(" + s.latitude() + ", " + s.longitude() + ") is outside Thừa Thiên Huế"));
    }
    if (s.reporter() != null && !isBlank(s.reporter().email()) && !EMAIL.matcher(s.reporter().email().trim()).matches()) {
      problems.add(new FieldProblem("reporter.email", "is not an e-mail address"));
    }
    // the columns' lengths (V1__report.sql)
    atMost(problems, "address", s.address(), 300);
    if (s.reporter() != null) {
      atMost(problems, "reporter.name", s.reporter().name(), 200);
      atMost(problems, "reporter.phone", s.reporter().phone(), 30);
      atMost(problems, "reporter.email", s.reporter().email(), 200);
    }
    Channel channel = null;
    if (isBlank(s.channel())) {
      problems.add(new FieldProblem("channel", "is required"));
    } else {
      try {
        channel = Channel.valueOf(s.channel().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("channel", "unknown channel '" + s.channel() + "'"));
      }
    }
    return channel;
  }

  private static void atMost(List<FieldProblem> problems, String field, String value, int length) {
    if (value != null && value.strip().length() > length) {
      problems.add(new FieldProblem(field, "is longer than " + length + " characters"));
    }
  }

  private static Reporter trimmed(Reporter r) {
    return new Reporter(blankToNull(r.name()), blankToNull(r.phone()), blankToNull(r.email()));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
