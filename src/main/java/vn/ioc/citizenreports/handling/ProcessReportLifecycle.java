package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import vn.ioc.citizenreports.report.DuplicateFinder;
import vn.ioc.citizenreports.report.Evidence;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.report.TrackingTokens;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.report.ReportLifecycle;

/** Starts {@code CitizenReportProcess} for a stored report; business key = report id. */
@Component
class ProcessReportLifecycle implements ReportLifecycle {

  private final RuntimeService runtimeService;
  private final ReferenceData reference;
  private final TrackingTokens tokens;
  private final DuplicateFinder duplicates;

  ProcessReportLifecycle(RuntimeService runtimeService, ReferenceData reference, TrackingTokens tokens,
      DuplicateFinder duplicates) {
    this.runtimeService = runtimeService;
    this.reference = reference;
    this.tokens = tokens;
    this.duplicates = duplicates;
  }

  @Override
  public void start(Report report, List<Evidence> evidence) {
    Map<String, Object> variables = ReportVariables.forNewReport(report, reference.ward(report.wardCode()).orElse(null));
    if (!evidence.isEmpty()) {
      variables.put(ReportVariables.EVIDENCE, evidenceMarkdown(report.id(), evidence));
    }
    duplicateHints(duplicates.near(report)).ifPresent(hints -> variables.put(ReportVariables.DUPLICATE_HINTS, hints));
    runtimeService.startProcessInstanceByKey(ReportProcess.KEY, report.id(), variables);
  }

  /** "Có thể trùng với: PA-… (35 m, 20/11/2026)" for the verify form, or empty when none is near. */
  static Optional<String> duplicateHints(List<DuplicateFinder.Nearby> nearby) {
    if (nearby.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("**Có thể trùng với** (cùng lĩnh vực, trong 100 m, 30 ngày qua):\n\n" + nearby.stream()
        .map(n -> "- " + n.reportId() + " (" + n.metres() + " m, gửi " + SlaClock.vietnamese(n.submittedAt()) + ")")
        .collect(Collectors.joining("\n")));
  }

  /** Photos inline and videos as links, for the staff's forms; the key opens evidence only. */
  private String evidenceMarkdown(String reportId, List<Evidence> evidence) {
    String key = tokens.evidenceKeyFor(reportId);
    return evidence.stream().map(file -> {
      String url = "/api/reports/" + reportId + "/evidence/" + file.seq() + "?key=" + key;
      return file.isImage() ? "![Ảnh " + file.seq() + "](" + url + ")" : "[Video " + file.seq() + "](" + url + ")";
    }).collect(Collectors.joining("\n\n"));
  }
}
