package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.Outcomes.Priority;
import vn.ioc.citizenreports.handling.Outcomes.RejectionReason;
import vn.ioc.citizenreports.handling.Outcomes.Verification;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.routing.UnitRegistry;

/** On the flow leaving Task_VerifyReport: checks the IOC's verification before the report moves on. */
@Component
class VerifyReportListener implements ExecutionListener {

  private final ReferenceData reference;
  private final UnitRegistry units;
  private final ReportRepository reports;

  VerifyReportListener(ReferenceData reference, UnitRegistry units, ReportRepository reports) {
    this.reference = reference;
    this.units = units;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    variables.checkKeptByProcess();
    switch (variables.outcome(VERIFICATION, Verification.class)) {
      case INVALID -> variables.outcome(REJECTION_REASON, RejectionReason.class);
      case DUPLICATE -> checkDuplicate(variables);
      case VALID -> {
        checkCorrections(variables);
        reports.markVerified(variables.reportId().orElseThrow(), EngineClock.now());
      }
    }
    variables.setInstant(VERIFIED_AT, EngineClock.now());
  }

  private void checkDuplicate(ReportVariables variables) {
    String original = variables.required(DUPLICATE_OF);
    if (original.equals(variables.reportId().orElse(null))) {
      throw new InvalidInput(DUPLICATE_OF, "names this report itself");
    }
    if (!reports.exists(original)) {
      throw new InvalidInput(DUPLICATE_OF, "no report " + original);
    }
    variables.set(DUPLICATE_OF, original);
  }

  /** The operator may have corrected category, ward and priority, and may have chosen the unit. */
  private void checkCorrections(ReportVariables variables) {
    String category = variables.category();
    if (reference.category(category).isEmpty()) {
      throw new InvalidInput(CATEGORY, "unknown category '" + category + "'");
    }
    String wardCode = variables.wardCode();
    Ward ward = reference.ward(wardCode)
        .orElseThrow(() -> new InvalidInput(WARD_CODE, "unknown ward '" + wardCode + "'"));
    variables.set(DISTRICT_CODE, ward.districtCode());
    variables.setOutcome(PRIORITY, variables.optionalOutcome(PRIORITY, Priority.class).orElse(Priority.NORMAL));
    String unit = variables.text(UNIT_OVERRIDE).orElse(null);
    if (unit != null && units.find(unit).isEmpty()) {
      throw new InvalidInput(UNIT_OVERRIDE, "unknown unit '" + unit + "'");
    }
    variables.set(UNIT_OVERRIDE, unit);
  }
}
