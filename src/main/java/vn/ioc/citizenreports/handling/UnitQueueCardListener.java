package vn.ioc.citizenreports.handling;

import static vn.ioc.citizenreports.handling.ReportVariables.CATEGORY;
import static vn.ioc.citizenreports.handling.ReportVariables.DUE_AT;
import static vn.ioc.citizenreports.handling.ReportVariables.REPORT_ID;
import static vn.ioc.citizenreports.handling.ReportVariables.WARD_CODE;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of a unit's task: copies what its Tasklist card shows (report, category, ward,
 * deadline) onto the task itself. A unit may read its own task but not the report's process, and
 * Tasklist's list reads card variables with the process's permissions: without these copies a
 * unit's queue shows tasks it cannot tell apart. None of them is a field the unit's form edits.
 */
@Component
class UnitQueueCardListener implements TaskListener {

  static final List<String> CARD = List.of(REPORT_ID, CATEGORY, WARD_CODE, DUE_AT);

  @Override
  public void notify(DelegateTask task) {
    for (String name : CARD) {
      task.setVariableLocal(name, task.getExecution().getVariable(name));
    }
  }
}
