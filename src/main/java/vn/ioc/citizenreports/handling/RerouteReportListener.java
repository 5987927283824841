package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * On the flow leaving Task_RerouteReport: the new unit must exist and must not be the unit that
 * just declined.
 */
@Component
class RerouteReportListener implements ExecutionListener {

  private final UnitRegistry units;

  RerouteReportListener(UnitRegistry units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    variables.checkKeptByProcess();
    String unit = variables.unitId();
    if (units.find(unit).isEmpty()) {
      throw new InvalidInput(UNIT_ID, "unknown unit '" + unit + "'");
    }
    if (unit.equals(variables.text(DECLINED_UNIT_ID).orElse(null))) {
      throw new InvalidInput(UNIT_ID, unit + " said the report is not its responsibility; choose another unit");
    }
    variables.set(UNIT_ID, unit);
  }
}
