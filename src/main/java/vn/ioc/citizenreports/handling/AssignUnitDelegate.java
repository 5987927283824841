package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssignUnit: the operator's choice wins over the routing decision. */
@Component
class AssignUnitDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    String unit = variables.text(UNIT_OVERRIDE)
        .or(() -> variables.text(ROUTED_UNIT_ID))
        // Runs in the operator's verification: the message reaches Tasklist, the form stays open.
        .orElseThrow(() -> new InvalidInput(UNIT_OVERRIDE, "no routing rule for category " + variables.category()
            + " in ward " + variables.wardCode() + ": choose the unit"));
    variables.set(UNIT_ID, unit);
  }
}
