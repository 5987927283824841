package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.ioc.citizenreports.report.Evidence;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.report.TrackingTokens;
import vn.ioc.citizenreports.report.ReportLifecycle;

/** Starts {@code CitizenReportProcess} for a stored report; business key = report id. */
@Component
class ProcessReportLifecycle implements ReportLifecycle {

  private final RuntimeService runtimeService;
  private final ReferenceData reference;
  private final TrackingTokens tokens;

  ProcessReportLifecycle(RuntimeService runtimeService, ReferenceData reference, TrackingTokens tokens) {
    this.runtimeService = runtimeService;
    this.reference = reference;
    this.tokens = tokens;
  }

  @Override
  public void start(Report report, List<Evidence> evidence) {
    Map<String, Object> variables = ReportVariables.forNewReport(report, reference.ward(report.wardCode()).orElseThrow());
    if (!evidence.isEmpty()) {
      variables.put(ReportVariables.EVIDENCE, evidenceMarkdown(report.id(), evidence));
    }
    runtimeService.startProcessInstanceByKey(ReportProcess.KEY, report.id(), variables);
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
