package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.Report;
import vn.ioc.citizenreports.report.ReportLifecycle;

/** Starts {@code CitizenReportProcess} for a stored report; business key = report id. */
@Component
class ProcessReportLifecycle implements ReportLifecycle {

  private final RuntimeService runtimeService;
  private final ReferenceData reference;

  ProcessReportLifecycle(RuntimeService runtimeService, ReferenceData reference) {
    this.runtimeService = runtimeService;
    this.reference = reference;
  }

  @Override
  public void start(Report report) {
    runtimeService.startProcessInstanceByKey(ReportProcess.KEY, report.id(),
        ReportVariables.forNewReport(report, reference.ward(report.wardCode()).orElseThrow()));
  }
}
